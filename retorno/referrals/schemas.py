"""The referral API's input and output schemas (/api/v1/referrals/)."""

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from retorno.accounts.models import Organisation
from retorno.lib.api import DEPARTMENT_CODE, EMAIL_ADDRESS, MUNICIPALITY_CODE, StrictSchema, choice
from retorno.referrals.models import BedType, Partner, Referral, Service, SharedField, Shelter, Stay, TargetGroup
from retorno.referrals.queries import shared_data_dict, sharing_allowed, stay_handover


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
    contact_email: str = Field("", max_length=254, pattern=EMAIL_ADDRESS)
    answer_days: int = Field(3, ge=1, le=60)
    is_active: bool = True


class PartnerIn(PartnerFieldsIn):
    organisation: str | None = Field(None, description="Short name (slug) of an existing organisation")
    name: str = Field("", max_length=200)
    kind: choice(Organisation.Kind) | None = None
    offers: list[OfferIn] = Field(..., min_length=1)


class PartnerPatch(StrictSchema):
    description: str | None = None
    target_groups: list[TargetGroup] | None = None
    department: str | None = Field(None, pattern=DEPARTMENT_CODE, description="INE code, 2 digits")
    municipality: str | None = Field(None, pattern=MUNICIPALITY_CODE, description="INE code, 4 digits")
    address: str | None = Field(None, max_length=300)
    contact_name: str | None = Field(None, max_length=200)
    contact_phone: str | None = Field(None, max_length=40)
    contact_email: str | None = Field(None, max_length=254, pattern=EMAIL_ADDRESS)
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


class ReferralStatusIn(StrictSchema):
    status: choice(Referral.Status)
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
    handover: Literal["verified", "without_assessment"] | None = Field(
        None,
        description="A minor's handover since the check-in: verified, or to family recorded before family "
        "assessments were required (no family assessment recorded); null for an adult or no handover yet.",
    )

    @staticmethod
    def resolve_warning(obj: Stay) -> str:
        return obj.warning_level()

    @staticmethod
    def resolve_handover(obj: Stay) -> str | None:
        return stay_handover(obj)


class ShelterDetailOut(ShelterOut):
    occupancy: list[OccupancyOut]
    present: list[StayOut]
    expected_referral_ids: list[int]


class StayCheckInIn(StrictSchema):
    referral_id: int
    bed_type: BedType | None = None


class CheckOutIn(StrictSchema):
    note: str = Field("", max_length=500)


class LinkSendIn(StrictSchema):
    channel: Literal["email", "sms", "whatsapp"] = Field(..., description="To the partner's address on file")
    days_valid: int = Field(7, ge=1, le=30)


class LinkSentOut(Schema):
    message: str = Field(..., description="The outbound message's reference (UUID)")
    status: str
