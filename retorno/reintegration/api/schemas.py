"""The reintegration API's input and output schemas."""

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from ninja import Field, Schema

from retorno.accounts.directory import DirectoryEntryOut
from retorno.lib.api import MUNICIPALITY_CODE, StrictSchema, amount, choice
from retorno.reintegration.models import (
    BusinessGrant,
    DocumentRequest,
    FollowUpAttempt,
    FollowUpOutcome,
    GrantTranche,
    Payment,
    PlanGoal,
    Sector,
)


class GoalOut(Schema):
    id: int
    area: str
    description: str
    target_on: date | None
    status: str


class CaseOut(Schema):
    id: int
    person_id: int
    officer: str
    status: str
    returned_on: date
    opened_on: date
    goals: str
    plan_agreed_on: date | None
    plan_deadline: date
    plan_late: bool
    remigrated_on: date | None

    @staticmethod
    def resolve_officer(obj) -> str:
        return obj.officer.username


class DocumentOut(Schema):
    id: int
    person_id: int
    case_id: int | None = Field(..., description="None for a DPI request drafted from triage before any case.")
    kind: str
    issuer: DirectoryEntryOut | None = Field(
        ..., description="The issuing office from the institutions directory (None only for an old row never linked)."
    )
    status: str
    requested_on: date
    submitted_on: date | None
    decided_on: date | None
    reason: str

    @staticmethod
    def resolve_issuer(obj):
        return obj.issuer_org


class EnrolmentOut(Schema):
    id: int
    case_id: int
    course_id: int
    status: str
    starts_on: date
    ends_on: date | None
    sessions_total: int
    sessions_attended: int
    completed_on: date | None
    certificate_number: str
    certified_on: date | None


class JobReferralOut(Schema):
    id: int
    case_id: int
    vacancy_id: int
    status: str = Field(
        ..., description="The stage, from the referral's status: referred, interview, hired, not_hired, withdrawn"
    )
    referred_on: date
    interview_on: date | None
    hired_on: date | None
    reason: str
    referral_id: int = Field(..., description="The referral the employer answers (referrals API)")
    partner_referral_id: int | None = Field(None, description="The same as referral_id (kept for older clients)")
    partner_referral_status: str | None = Field(None, description="The referral's status")

    @staticmethod
    def resolve_status(obj) -> str:
        return str(obj.stage)

    @staticmethod
    def resolve_partner_referral_id(obj) -> int:
        return obj.referral_id

    @staticmethod
    def resolve_partner_referral_status(obj) -> str:
        return obj.referral.status


class JobLinkOut(Schema):
    url: str = Field(..., description="Absolute URL to send to the employer; shown once, never stored")


class GrantOut(Schema):
    id: int
    case_id: int
    business_name: str
    sector: str
    description: str
    skills_abroad: str
    budget: Decimal
    amount_requested: Decimal
    status: str
    drafted_by: str
    reviewed_by: str | None
    review_note: str

    @staticmethod
    def resolve_drafted_by(obj) -> str:
        return obj.drafted_by.username

    @staticmethod
    def resolve_reviewed_by(obj) -> str | None:
        return obj.reviewed_by.username if obj.reviewed_by_id else None


class TrancheOut(Schema):
    id: int
    grant_id: int
    number: int
    amount: Decimal
    planned_on: date
    status: str


class PaymentOut(Schema):
    id: int
    budget_line: str
    amount: Decimal
    purpose: str
    paid_on: date
    case_id: int | None
    overridden: bool

    @staticmethod
    def resolve_budget_line(obj) -> str:
        return obj.budget_line.code

    @staticmethod
    def resolve_overridden(obj) -> bool:
        return obj.override_by_id is not None


class CourseOut(Schema):
    id: int
    institution: str
    name: str
    kind: str
    sector: str
    hours: int | None
    cost: Decimal

    @staticmethod
    def resolve_institution(obj) -> str:
        return obj.institution.name


class VacancyOut(Schema):
    id: int
    employer: str
    title: str
    sector: str
    positions: int
    is_open: bool
    posted_on: date

    @staticmethod
    def resolve_employer(obj) -> str:
        return obj.employer.name


class OutcomeOut(Schema):
    working: str
    income_band: str
    business_operating: bool | None
    still_with_employer: bool | None
    living_in: str | None = Field(None, description="INE municipality code")
    intends_to_migrate: str
    rss_answers: dict
    rss_version: str
    economic_score: float | None
    social_score: float | None
    psychosocial_score: float | None
    composite_score: float | None
    remigrated_on: date | None

    @staticmethod
    def resolve_living_in(obj) -> str | None:
        return obj.living_in.code if obj.living_in_id else None


class FollowUpOut(Schema):
    id: int
    person_id: int
    case_id: int | None
    officer: str | None
    trigger: str
    base_date: date
    months_after: int
    due_on: date
    status: str
    remigrated_on: date | None
    outcome: OutcomeOut | None = None

    @staticmethod
    def resolve_officer(obj) -> str | None:
        return obj.officer.username if obj.officer_id else None

    @staticmethod
    def resolve_outcome(obj):
        return getattr(obj, "outcome", None)


class AttemptOut(Schema):
    id: int
    at: datetime
    channel: str
    reached: bool
    note: str


class CaseIn(StrictSchema):
    person_id: int
    returned_on: date
    officer: str | None = Field(None, description="Username; the caller when empty")
    goals: str = Field("", max_length=4000)


class StatusIn(StrictSchema):
    status: str = Field(..., max_length=20)
    on: date | None = None
    reason: str = Field("", max_length=300)


class PlanIn(StrictSchema):
    agreed_on: date


class GoalIn(StrictSchema):
    area: PlanGoal.Area
    description: str = Field(..., min_length=1, max_length=300)
    target_on: date | None = None


class DocumentIn(StrictSchema):
    kind: choice(DocumentRequest.Kind)
    issuer_id: int | None = Field(
        None,
        description="The issuing office's directory entry (accounts organisation) of kind registry, consulate, "
        "ministry, government, judiciary, police, municipality or migration; omitted: the usual office.",
    )


class EnrolmentIn(StrictSchema):
    course_id: int
    starts_on: date
    ends_on: date | None = None


class EnrolmentStatusIn(StatusIn):
    certificate_number: str = Field("", max_length=60)


class AttendanceIn(StrictSchema):
    sessions_total: int = Field(..., ge=0, le=1000)
    sessions_attended: int = Field(..., ge=0, le=1000)


class JobReferralIn(StrictSchema):
    vacancy_id: int
    shared_fields: list[str] | None = Field(None, description="What the employer sees (referrals' shared fields)")
    note: str = Field("", max_length=2000)
    consent_override_reason: str = Field("", max_length=500, description="Managers only, without consent (audited)")


class JobLinkIn(StrictSchema):
    days_valid: int = Field(7, ge=1, le=30)


class VacancyIn(StrictSchema):
    employer_id: int
    title: str = Field(..., min_length=1, max_length=200)
    sector: Sector
    positions: int = Field(1, ge=1, le=1000)
    municipality: str | None = Field(None, pattern=MUNICIPALITY_CODE, description="INE code")
    requirements: str = Field("", max_length=2000)
    posted_on: date | None = None


class GrantIn(StrictSchema):
    business_name: str = Field(..., min_length=1, max_length=200)
    sector: Sector
    description: str = Field(..., min_length=1, max_length=8000)
    skills_abroad: str = Field("", max_length=4000)
    budget: amount(gt=0, max_digits=10, decimal_places=2)
    amount_requested: amount(gt=0, max_digits=10, decimal_places=2)


class GrantStatusIn(StrictSchema):
    status: choice(BusinessGrant.Status)
    note: str = Field("", max_length=500)


class TrancheIn(StrictSchema):
    amount: amount(gt=0, max_digits=10, decimal_places=2)
    planned_on: date


class TrancheStatusIn(StrictSchema):
    status: choice(GrantTranche.Status)
    budget_line_id: int | None = None
    paid_on: date | None = None
    reference: str = Field("", max_length=100)
    override_reason: str = Field("", max_length=300)
    reason: str = Field("", max_length=300)


class PaymentIn(StrictSchema):
    budget_line_id: int
    amount: amount(gt=0, max_digits=12, decimal_places=2)
    purpose: choice(Payment.Purpose)
    paid_on: date | None = None
    payee: str = Field("", max_length=200)
    reference: str = Field("", max_length=100)
    document_id: int | None = None
    enrolment_id: int | None = None
    override_reason: str = Field("", max_length=300)


class AttemptIn(StrictSchema):
    channel: choice(FollowUpAttempt.Channel)
    reached: bool
    note: str = Field("", max_length=300)


class OutcomeIn(StrictSchema):
    working: FollowUpOutcome.Working
    income_band: FollowUpOutcome.IncomeBand
    intends_to_migrate: FollowUpOutcome.Intention
    business_operating: bool | None = None
    still_with_employer: bool | None = None
    living_in: str | None = Field(None, pattern=MUNICIPALITY_CODE, description="INE municipality code")
    rss_answers: dict[str, str] = Field(default_factory=dict, description="Raw survey answers keyed by question code")


class JobLinkSendIn(StrictSchema):
    channel: Literal["email", "sms", "whatsapp"] = Field(..., description="To the employer's address on file")
    days_valid: int = Field(7, ge=1, le=30)


class JobLinkSentOut(Schema):
    message: str = Field(..., description="The outbound message's reference (UUID)")
    status: str


class QuestionOut(Schema):
    code: str
    dimension: str
    text: str
    options: list[str]
