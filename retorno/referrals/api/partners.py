"""Partners behind the REST API: the directory, adding and updating partners."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Status

from retorno.accounts.access import require
from retorno.accounts.models import Organisation
from retorno.geo.queries import department_by_code
from retorno.referrals import actions
from retorno.referrals.api.common import offers_by_service, places_from_codes, router
from retorno.referrals.models import Service
from retorno.referrals.queries import partner_directory, partner_get_for
from retorno.referrals.schemas import PartnerIn, PartnerOut, PartnerPatch


@router.get("/partners", response=list[PartnerOut])
def partner_list(request: HttpRequest, service: Service | None = None, department: str | None = None):
    """The partner directory, optionally by service offered and department (INE code)."""
    require(request.user, "partner.view")
    place = department_by_code(department)  # an unknown code is a 422, not an unfiltered directory
    return list(partner_directory(user=request.user, service=service or "", department_id=place and place.pk))


@router.post("/partners", response={201: PartnerOut})
def partner_create(request: HttpRequest, payload: PartnerIn):
    """Add a partner (managers): an existing organisation by slug, or a new one by name and kind."""
    require(request.user, "partner.manage")
    data = payload.dict()
    organisation = None
    if data.pop("organisation"):
        organisation = get_object_or_404(Organisation, slug=payload.organisation)
    offers = offers_by_service(data.pop("offers"))
    name, kind = data.pop("name"), data.pop("kind")
    partner = actions.partner_create(
        actor=request.user,
        organisation=organisation,
        name=name,
        kind=kind or "",
        services=offers,
        request=request,
        **places_from_codes(data),
    )
    return Status(201, partner)


@router.get("/partners/{int:partner_id}", response=PartnerOut)
def partner_detail(request: HttpRequest, partner_id: int):
    require(request.user, "partner.view")
    return partner_get_for(user=request.user, partner_id=partner_id)


@router.patch("/partners/{int:partner_id}", response=PartnerOut)
def partner_update(request: HttpRequest, partner_id: int, payload: PartnerPatch):
    require(request.user, "partner.manage")
    partner = partner_get_for(user=request.user, partner_id=partner_id)
    data = payload.dict(exclude_unset=True)
    offers = data.pop("offers", None)
    return actions.partner_update(
        actor=request.user,
        partner=partner,
        services=offers_by_service(offers) if offers is not None else None,
        request=request,
        **places_from_codes(data),
    )
