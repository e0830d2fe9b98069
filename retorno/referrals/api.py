"""Partners, referrals, signed links and shelters behind the REST API: /api/v1/referrals/."""

from datetime import date, datetime
from typing import Literal

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from retorno.accounts.access import require
from retorno.accounts.models import Organisation
from retorno.audit.actions import audit_view
from retorno.geo.models import Department, Municipality
from retorno.lib.api import StrictSchema
from retorno.people.queries import person_get_for
from retorno.referrals import actions
from retorno.referrals.actions.links import LinkRefused, link_answers
from retorno.referrals.models import (
    BedType,
    Partner,
    Referral,
    ReferralLink,
    Service,
    SharedField,
    Shelter,
    Stay,
    TargetGroup,
)
from retorno.referrals.queries import (
    current_stays,
    expected_arrivals,
    occupancy_by_day,
    occupancy_today,
    overdue_referrals,
    partner_directory,
    partner_get_for,
    partner_inbox,
    referral_get_for,
    referrals_visible_to,
    shared_data_dict,
    sharing_allowed,
    shelter_get_for,
    shelters_visible_to,
    stay_get_for,
)

router = Router(tags=["referrals"])


# --- schemas ------------------------------------------------------------------------------


class OfferOut(Schema):
    service: str
    detail: str


class PartnerOut(Schema):
    id: int
    name: str
    kind: str
    offers: list[OfferOut]
    description: str
    target_groups: list[str]
    department: str | None = Field(None, description="INE code")
    municipality: str | None = Field(None, description="INE code")
    address: str
    contact_name: str
    contact_phone: str
    contact_email: str
    answer_days: int
    is_active: bool

    @staticmethod
    def resolve_name(obj: Partner) -> str:
        return obj.organisation.name

    @staticmethod
    def resolve_kind(obj: Partner) -> str:
        return obj.organisation.kind

    @staticmethod
    def resolve_offers(obj: Partner) -> list:
        return list(obj.offers.all())

    @staticmethod
    def resolve_department(obj: Partner) -> str | None:
        return obj.department.code if obj.department_id else None

    @staticmethod
    def resolve_municipality(obj: Partner) -> str | None:
        return obj.municipality.code if obj.municipality_id else None


DEPARTMENT_CODE = r"^[0-9]{2}$"
MUNICIPALITY_CODE = r"^[0-9]{4}$"


class OfferIn(StrictSchema):
    service: Service
    detail: str = Field("", max_length=300)


class PartnerFieldsIn(StrictSchema):
    description: str = ""
    target_groups: list[TargetGroup] = []
    department: str | None = Field(None, pattern=DEPARTMENT_CODE, description="INE code, 2 digits")
    municipality: str | None = Field(None, pattern=MUNICIPALITY_CODE, description="INE code, 4 digits")
    address: str = Field("", max_length=300)
    contact_name: str = Field("", max_length=200)
    contact_phone: str = Field("", max_length=40)
    contact_email: str = Field("", max_length=254)
    answer_days: int = Field(3, ge=1, le=60)
    is_active: bool = True


class PartnerIn(PartnerFieldsIn):
    organisation: str | None = Field(None, description="Short name (slug) of an existing organisation")
    name: str = Field("", max_length=200)
    kind: Organisation.Kind | None = None
    offers: list[OfferIn] = Field(..., min_length=1)


class PartnerPatch(StrictSchema):
    description: str | None = None
    target_groups: list[TargetGroup] | None = None
    department: str | None = Field(None, pattern=DEPARTMENT_CODE, description="INE code, 2 digits")
    municipality: str | None = Field(None, pattern=MUNICIPALITY_CODE, description="INE code, 4 digits")
    address: str | None = Field(None, max_length=300)
    contact_name: str | None = Field(None, max_length=200)
    contact_phone: str | None = Field(None, max_length=40)
    contact_email: str | None = Field(None, max_length=254)
    answer_days: int | None = Field(None, ge=1, le=60)
    is_active: bool | None = None
    offers: list[OfferIn] | None = None


class ReferralIn(StrictSchema):
    person_id: int
    partner_id: int
    service: Service
    purpose: str = Field(..., min_length=1, max_length=300)
    note: str = Field("", max_length=2000)
    shared_fields: list[SharedField] = Field(..., min_length=1)
    consent_override_reason: str = Field("", max_length=500)
    shelter_id: int | None = None


class ReferralOut(Schema):
    id: int
    person_id: int
    partner_id: int
    partner: str
    service: str
    purpose: str
    note: str
    shared_fields: list[str]
    consent_purpose: str
    consent_id: int | None
    consent_override_reason: str
    status: str
    overdue: bool
    referred_by: str
    created_at: datetime
    answer_due_at: datetime
    answered_at: datetime | None
    closed_at: datetime | None
    reason: str
    shelter_id: int | None
    expected_at: datetime | None

    @staticmethod
    def resolve_partner(obj: Referral) -> str:
        return obj.partner.organisation.name

    @staticmethod
    def resolve_overdue(obj: Referral) -> bool:
        return obj.is_overdue

    @staticmethod
    def resolve_referred_by(obj: Referral) -> str:
        return obj.referred_by.username


class SharedReferralOut(Schema):
    """A referral as its partner sees it: purpose and only the data shared."""

    id: int
    service: str
    purpose: str
    note: str
    status: str
    created_at: datetime
    answer_due_at: datetime
    shelter_id: int | None
    expected_at: datetime | None
    shared: dict[str, str] = Field(
        ...,
        description="Shared field code -> value; empty (like purpose and note) once the referral is revoked "
        "or consent no longer covers it",
    )

    @staticmethod
    def resolve_purpose(obj: Referral) -> str:
        return obj.purpose if sharing_allowed(obj) else ""

    @staticmethod
    def resolve_note(obj: Referral) -> str:
        return obj.note if sharing_allowed(obj) else ""

    @staticmethod
    def resolve_shared(obj: Referral) -> dict:
        return shared_data_dict(obj)


class LinkReferralOut(SharedReferralOut):
    partner: str
    answers: list[str] = Field(..., description="Statuses this link may answer with")
    link_expires_at: datetime

    @staticmethod
    def resolve_partner(obj: Referral) -> str:
        return obj.partner.organisation.name


class StatusIn(StrictSchema):
    status: Referral.Status
    reason: str = Field("", max_length=500)
    note: str = Field("", max_length=1000)


class LinkIn(StrictSchema):
    days_valid: int = Field(7, ge=1, le=30)


class LinkCreatedOut(Schema):
    url: str = Field(..., description="Absolute URL to send to the partner; shown once, never stored")


class LinkOut(Schema):
    id: int
    referral_id: int
    created_at: datetime
    expires_at: datetime
    state: str


class ShelterOut(Schema):
    id: int
    name: str
    partner_id: int
    municipality: str | None
    address: str
    capacity_adults: int
    capacity_women: int
    capacity_minors: int
    capacity_trafficking: int
    stay_limit_hours: int
    warning_hours: int
    is_active: bool

    @staticmethod
    def resolve_municipality(obj: Shelter) -> str | None:
        return obj.municipality.code if obj.municipality_id else None


class ShelterIn(StrictSchema):
    partner_id: int
    name: str = Field(..., min_length=1, max_length=200)
    municipality: str | None = Field(None, pattern=MUNICIPALITY_CODE, description="INE code, 4 digits")
    address: str = Field("", max_length=300)
    capacity_adults: int = Field(0, ge=0, le=5000)
    capacity_women: int = Field(0, ge=0, le=5000)
    capacity_minors: int = Field(0, ge=0, le=5000)
    capacity_trafficking: int = Field(0, ge=0, le=5000)
    stay_limit_hours: int = Field(72, ge=1, le=2000)
    warning_hours: int = Field(12, ge=0, le=2000)
    is_active: bool = True


class ShelterPatch(StrictSchema):
    name: str | None = Field(None, min_length=1, max_length=200)
    municipality: str | None = Field(None, pattern=MUNICIPALITY_CODE, description="INE code, 4 digits")
    address: str | None = Field(None, max_length=300)
    capacity_adults: int | None = Field(None, ge=0, le=5000)
    capacity_women: int | None = Field(None, ge=0, le=5000)
    capacity_minors: int | None = Field(None, ge=0, le=5000)
    capacity_trafficking: int | None = Field(None, ge=0, le=5000)
    stay_limit_hours: int | None = Field(None, ge=1, le=2000)
    warning_hours: int | None = Field(None, ge=0, le=2000)
    is_active: bool | None = None


class OccupancyOut(Schema):
    bed_type: str
    capacity: int
    present: int
    free: int


class DayOut(Schema):
    day: date
    total: int
    by_type: dict[str, int]
    over: bool


class StayOut(Schema):
    id: int
    shelter_id: int
    referral_id: int
    bed_type: str
    checked_in_at: datetime
    limit_at: datetime
    checked_out_at: datetime | None
    warning: str

    @staticmethod
    def resolve_warning(obj: Stay) -> str:
        return obj.warning_level()


class ShelterDetailOut(ShelterOut):
    occupancy: list[OccupancyOut]
    present: list[StayOut]
    expected_referral_ids: list[int]


class CheckInIn(StrictSchema):
    referral_id: int
    bed_type: BedType | None = None


class CheckOutIn(StrictSchema):
    note: str = Field("", max_length=500)


# --- helpers ------------------------------------------------------------------------------


def _geo(data: dict) -> dict:
    """Turn INE codes into rows, with a clear error when unknown."""
    if data.get("department"):
        department = Department.objects.filter(code=data["department"]).first()
        if department is None:
            raise HttpError(422, _("Unknown department code: %(code)s") % {"code": data["department"]})
        data["department"] = department
    if data.get("municipality"):
        municipality = Municipality.objects.filter(code=data["municipality"]).first()
        if municipality is None:
            raise HttpError(422, _("Unknown municipality code: %(code)s") % {"code": data["municipality"]})
        data["municipality"] = municipality
    if data.get("target_groups") is not None and "target_groups" in data:
        data["target_groups"] = [str(getattr(g, "value", g)) for g in data["target_groups"]]
    return data


def _offers(offers: list) -> dict[str, str]:
    return {str(getattr(o["service"], "value", o["service"])): o.get("detail", "") for o in offers}


# --- partners -----------------------------------------------------------------------------


@router.get("/partners", response=list[PartnerOut])
def partner_list(request: HttpRequest, service: Service | None = None, department: str | None = None):
    """The partner directory, optionally by service offered and department (INE code)."""
    require(request.user, "partner.view")
    department_id = (
        Department.objects.filter(code=department).values_list("id", flat=True).first() if department else None
    )
    return list(partner_directory(user=request.user, service=service or "", department_id=department_id))


@router.post("/partners", response={201: PartnerOut})
def partner_create(request: HttpRequest, payload: PartnerIn):
    """Add a partner (managers): an existing organisation by slug, or a new one by name and kind."""
    require(request.user, "partner.manage")
    data = payload.dict()
    organisation = None
    if data.pop("organisation"):
        organisation = get_object_or_404(Organisation, slug=payload.organisation)
    offers = _offers(data.pop("offers"))
    name, kind = data.pop("name"), data.pop("kind")
    partner = actions.partner_create(
        actor=request.user,
        organisation=organisation,
        name=name,
        kind=kind or "",
        services=offers,
        request=request,
        **_geo(data),
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
        services=_offers(offers) if offers is not None else None,
        request=request,
        **_geo(data),
    )


# --- referrals (programme staff) ----------------------------------------------------------


@router.get("", response=list[ReferralOut])
def referral_list(
    request: HttpRequest, status: Referral.Status | None = None, service: Service | None = None, limit: int = 200
):
    """Referrals, newest first (programme staff). Partners use /inbox."""
    require(request.user, "referral.list")
    referrals = referrals_visible_to(request.user)
    if status:
        referrals = referrals.filter(status=status)
    if service:
        referrals = referrals.filter(service=service)
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
    referral = referral_get_for(user=request.user, referral_id=referral_id)
    audit_view(actor=request.user, obj=referral, person_id=referral.person_id, section="referral", request=request)
    return referral


@router.post("/{int:referral_id}/status", response=ReferralOut)
def referral_status(request: HttpRequest, referral_id: int, payload: StatusIn):
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


class LinkSendIn(StrictSchema):
    channel: Literal["email", "sms", "whatsapp"] = Field(..., description="To the partner's address on file")
    days_valid: int = Field(7, ge=1, le=30)


class LinkSentOut(Schema):
    message: str = Field(..., description="The outbound message's reference (UUID)")
    status: str


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


# --- the partner's inbox ------------------------------------------------------------------


@router.get("/inbox", response=list[SharedReferralOut])
def inbox(request: HttpRequest, status: Referral.Status | None = None):
    """Referrals addressed to the caller's organisation, with only the shared data."""
    require(request.user, "referral.inbox")
    return list(partner_inbox(user=request.user, status=status or ""))


@router.get("/inbox/{int:referral_id}", response=SharedReferralOut)
def inbox_detail(request: HttpRequest, referral_id: int):
    require(request.user, "referral.inbox")
    referral = referral_get_for(user=request.user, referral_id=referral_id)
    audit_view(
        actor=request.user, obj=referral, person_id=referral.person_id, section="referral_shared_data", request=request
    )
    return referral


@router.post("/inbox/{int:referral_id}/answer", response=SharedReferralOut)
def inbox_answer(request: HttpRequest, referral_id: int, payload: StatusIn):
    """The partner's answer: accepted, rejected (with reason), completed or no_show (with reason)."""
    require(request.user, "referral.inbox")
    referral = referral_get_for(user=request.user, referral_id=referral_id)
    return actions.referral_set_status(actor=request.user, referral=referral, request=request, **payload.dict())


# --- signed links (no account) ------------------------------------------------------------


def _link_out(link: ReferralLink) -> Referral:
    referral = link.referral
    referral.answers = link_answers(link)
    referral.link_expires_at = link.expires_at
    return referral


def _refused(refused: LinkRefused):
    raise HttpError(
        404 if refused.reason == "invalid" else 410,
        _("This link is not valid (%(reason)s).") % {"reason": refused.reason},
    )


def _no_store(response: HttpResponse) -> None:
    """A signed link answers with personal data and no sign-in: no browser or proxy may keep it."""
    response["Cache-Control"] = "no-store, private"
    response["Pragma"] = "no-cache"
    response.no_store = True


@router.get("/links/{token}", response=LinkReferralOut, auth=None)
def link_view(request: HttpRequest, token: str, response: HttpResponse):
    """What a signed link shows: this referral's shared data and the answers allowed. No sign-in."""
    _no_store(response)
    try:
        link = actions.link_open(token=token, request=request)
    except LinkRefused as refused:
        _refused(refused)
    return _link_out(link)


@router.post("/links/{token}/answer", response=SharedReferralOut, auth=None)
def link_answer(request: HttpRequest, token: str, payload: StatusIn, response: HttpResponse):
    """Answer through a signed link; the link is spent. No sign-in."""
    _no_store(response)
    try:
        return actions.link_answer(token=token, request=request, **payload.dict())
    except LinkRefused as refused:
        _refused(refused)


# --- shelters -----------------------------------------------------------------------------


@router.get("/shelters", response=list[ShelterOut])
def shelter_list(request: HttpRequest):
    require(request.user, "shelter.view")
    return list(shelters_visible_to(request.user))


@router.post("/shelters", response={201: ShelterOut})
def shelter_create(request: HttpRequest, payload: ShelterIn):
    require(request.user, "shelter.manage")
    data = _geo(payload.dict())
    data["partner"] = get_object_or_404(Partner, pk=data.pop("partner_id"))
    return Status(201, actions.shelter_create(actor=request.user, request=request, **data))


@router.get("/shelters/{int:shelter_id}", response=ShelterDetailOut)
def shelter_detail(request: HttpRequest, shelter_id: int):
    """A shelter with today's occupancy by bed type, who is present and who is expected."""
    require(request.user, "shelter.view")
    shelter = shelter_get_for(user=request.user, shelter_id=shelter_id)
    shelter.occupancy = occupancy_today(shelter)
    shelter.present = list(current_stays(shelter))
    shelter.expected_referral_ids = list(expected_arrivals(shelter).values_list("id", flat=True))
    return shelter


@router.patch("/shelters/{int:shelter_id}", response=ShelterOut)
def shelter_update(request: HttpRequest, shelter_id: int, payload: ShelterPatch):
    require(request.user, "shelter.manage")
    shelter = shelter_get_for(user=request.user, shelter_id=shelter_id)
    return actions.shelter_update(
        actor=request.user, shelter=shelter, request=request, **_geo(payload.dict(exclude_unset=True))
    )


@router.get("/shelters/{int:shelter_id}/occupancy", response=list[DayOut])
def shelter_occupancy(request: HttpRequest, shelter_id: int, days: int = 14):
    """People present on each of the last ``days`` days (at most 366)."""
    require(request.user, "shelter.view")
    shelter = shelter_get_for(user=request.user, shelter_id=shelter_id)
    return occupancy_by_day(shelter, days=max(1, min(days, 366)))


@router.post("/shelters/{int:shelter_id}/stays", response={201: StayOut})
def stay_check_in(request: HttpRequest, shelter_id: int, payload: CheckInIn):
    """Check in a person expected at the shelter (accepts a pending referral)."""
    require(request.user, "stay.manage")
    shelter = shelter_get_for(user=request.user, shelter_id=shelter_id)
    referral = get_object_or_404(referrals_visible_to(request.user), pk=payload.referral_id, shelter=shelter)
    bed_type = payload.bed_type.value if payload.bed_type else None
    return Status(201, actions.stay_check_in(actor=request.user, referral=referral, bed_type=bed_type, request=request))


@router.post("/stays/{int:stay_id}/check-out", response=StayOut)
def stay_check_out(request: HttpRequest, stay_id: int, payload: CheckOutIn):
    require(request.user, "stay.manage")
    stay = stay_get_for(user=request.user, stay_id=stay_id)
    return actions.stay_check_out(actor=request.user, stay=stay, note=payload.note, request=request)
