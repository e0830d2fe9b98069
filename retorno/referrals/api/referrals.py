"""Referrals behind the REST API (programme staff): list, create, status, signed links issued."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Status

from retorno.accounts.access import require
from retorno.lib.api import choice
from retorno.people.queries import person_get_for
from retorno.referrals import actions
from retorno.referrals.api.common import router
from retorno.referrals.models import Partner, Referral, ReferralLink, Service, Shelter
from retorno.referrals.queries import overdue_referrals, referral_get_for, referrals_filtered, referrals_visible_to
from retorno.referrals.schemas import (
    LinkCreatedOut,
    LinkIn,
    LinkOut,
    LinkSendIn,
    LinkSentOut,
    ReferralIn,
    ReferralOut,
    ReferralStatusIn,
)


@router.get("", response=list[ReferralOut])
def referral_list(
    request: HttpRequest,
    status: choice(Referral.Status) | None = None,
    service: Service | None = None,
    limit: int = 200,
):
    """Referrals, newest first (programme staff). Partners use /inbox."""
    require(request.user, "referral.list")
    referrals = referrals_filtered(user=request.user, status=status or "", service=service or "")
    return list(referrals[: max(1, min(limit, 1000))])


@router.get("/overdue", response=list[ReferralOut])
def referral_overdue(request: HttpRequest):
    """The caller's own referrals past their answer date (their worklist)."""
    require(request.user, "referral.list")
    return list(overdue_referrals(user=request.user))


@router.post("", response={201: ReferralOut})
def referral_create(request: HttpRequest, payload: ReferralIn):
    """Refer a person. Needs the person's consent to share with partners (the referral decides which consent,
    never the caller: ``consent_purpose`` is not an input), or a manager's reason to override."""
    require(request.user, "referral.create")
    person = person_get_for(user=request.user, person_id=payload.person_id)
    partner = get_object_or_404(Partner, pk=payload.partner_id)
    shelter = get_object_or_404(Shelter, pk=payload.shelter_id) if payload.shelter_id else None
    referral = actions.referral_create(
        actor=request.user,
        person=person,
        partner=partner,
        purpose=payload.purpose,
        service=payload.service,
        shared_fields=[str(f.value) for f in payload.shared_fields],
        consent_override_reason=payload.consent_override_reason,
        note=payload.note,
        shelter=shelter,
        request=request,
    )
    return Status(201, referral)


@router.get("/{int:referral_id}", response=ReferralOut)
def referral_detail(request: HttpRequest, referral_id: int):
    require(request.user, "referral.list")
    return referral_get_for(user=request.user, referral_id=referral_id, section="referral", request=request)


@router.post("/{int:referral_id}/status", response=ReferralOut)
def referral_status(request: HttpRequest, referral_id: int, payload: ReferralStatusIn):
    """Staff record a partner's answer given by phone, or revoke. Partners use /inbox/{id}/answer."""
    require(request.user, "referral.list")
    referral = referral_get_for(user=request.user, referral_id=referral_id)
    return actions.referral_set_status(actor=request.user, referral=referral, request=request, **payload.dict())


@router.get("/{int:referral_id}/links", response=list[LinkOut])
def link_list(request: HttpRequest, referral_id: int):
    require(request.user, "referral.link")
    referral = referral_get_for(user=request.user, referral_id=referral_id)
    return list(referral.links.all())


@router.post("/{int:referral_id}/links", response={201: LinkCreatedOut})
def link_create(request: HttpRequest, referral_id: int, payload: LinkIn):
    """Issue a single-use signed link for a partner without an account."""
    require(request.user, "referral.link")
    referral = referral_get_for(user=request.user, referral_id=referral_id)
    path = actions.signed_link_create(
        actor=request.user, referral=referral, days_valid=payload.days_valid, request=request
    )
    return Status(201, {"url": request.build_absolute_uri(path)})


@router.post("/{int:referral_id}/links/send", response={202: LinkSentOut})
def link_send(request: HttpRequest, referral_id: int, payload: LinkSendIn):
    """Issue a signed link and send it to the partner by email, SMS or WhatsApp (delivered in the background)."""
    require(request.user, "referral.link")
    referral = referral_get_for(user=request.user, referral_id=referral_id)
    message = actions.referral_link_send(
        actor=request.user, referral=referral, channel=payload.channel, days_valid=payload.days_valid, request=request
    )
    return Status(202, {"message": str(message.uuid), "status": message.status})


@router.post("/links/{int:link_id}/revoke", response=LinkOut)
def link_revoke(request: HttpRequest, link_id: int):
    require(request.user, "referral.link")
    link = get_object_or_404(ReferralLink, pk=link_id, referral__in=referrals_visible_to(request.user))
    return actions.link_revoke(actor=request.user, link=link, request=request)
