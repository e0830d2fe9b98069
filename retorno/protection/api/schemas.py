"""What the protection API answers: one schema per record; oversight never gets a sealed field."""

from datetime import date, datetime

from ninja import Field, Schema

from retorno.accounts.directory import DirectoryEntryOut
from retorno.lib.api import choice
from retorno.protection import protocol
from retorno.protection.api.tracing_schemas import FamilyAssessmentOut, ReunificationVisitOut, TracingRequestOut
from retorno.protection.models import BreakGlassAccess, CaseKind, Identification, LegalCase, ProtectionCase
from retorno.protection.queries import SECTIONS


class ProtectionReferralOut(Schema):  # not ReferralOut: the referrals app has one (one OpenAPI name each)
    id: int
    person_id: int
    arrival_id: int | None
    unaccompanied_minor: bool
    received_at: datetime
    status: str


class CaseSummaryOut(Schema):
    """What oversight may know of a case: no sealed field."""

    id: int
    person_id: int
    kind: CaseKind
    status: choice(ProtectionCase.Status)
    opened_at: datetime
    closed_at: datetime | None
    assigned: list[str]

    @staticmethod
    def resolve_assigned(obj: ProtectionCase) -> list[str]:
        return [a.user.username for a in obj.assignments.all() if a.ended_at is None]


class NoteOut(Schema):
    id: int
    text: str
    author: str = Field(..., alias="author.username")
    at: datetime


class ProtectionCaseOut(CaseSummaryOut):
    closure_reason: str
    sections: list[str]

    @staticmethod
    def resolve_sections(obj: ProtectionCase) -> list[str]:
        return list(SECTIONS[obj.kind])


class PsychosocialAssessmentOut(Schema):
    id: int
    at: datetime
    distress: str
    risk_to_self: str
    needs: list[str]
    observations: str


class SessionOut(Schema):
    id: int
    at: datetime
    kind: str
    duration_minutes: int
    notes: str


class HealthReferralOut(Schema):
    id: int
    destination: str
    organisation_id: int | None
    reason: str
    referred_at: datetime
    outcome: str
    outcome_note: str


class PlanOut(Schema):
    goals: str
    next_review_on: date
    every_weeks: int


class PsychosocialOut(Schema):
    assessments: list[PsychosocialAssessmentOut]
    sessions: list[SessionOut]
    referrals: list[HealthReferralOut]
    plan: PlanOut | None


class TraffickingIndicatorOut(Schema):
    code: str
    category: str
    question: str
    htcds_field: str
    htcds_value: str


class IdentificationOut(Schema):
    id: int
    started_at: datetime
    answers: dict[str, str]
    result: Identification.Result
    suggested_result: str
    decided_by: str | None
    decided_at: datetime | None
    authority: str
    authority_name: str

    @staticmethod
    def resolve_suggested_result(obj: Identification) -> str:
        return protocol.suggested_result(obj.answers)

    @staticmethod
    def resolve_decided_by(obj: Identification) -> str | None:
        return obj.decided_by.username if obj.decided_by_id else None


class AnswerReviewOut(Schema):
    code: str
    category: str
    question: str
    answer: str = Field(..., description="yes, no, unknown, declined; empty when not asked")
    answer_label: str
    signals: bool


class IdentificationReviewOut(IdentificationOut):
    """A concluded interview read back: every question, its answer and who decided what, when."""

    result_label: str
    started_by: str
    questions: list[AnswerReviewOut]

    @staticmethod
    def resolve_result_label(obj: Identification) -> str:
        return str(obj.get_result_display())

    @staticmethod
    def resolve_started_by(obj: Identification) -> str:
        return obj.started_by.username

    @staticmethod
    def resolve_questions(obj: Identification) -> list[dict]:
        answers, labels = obj.answers, dict(protocol.ANSWERS)
        return [
            {
                "code": i.code,
                "category": i.category,
                "question": str(i.question),
                "answer": answers.get(i.code, ""),
                "answer_label": str(labels.get(answers.get(i.code, ""), "")),
                "signals": answers.get(i.code) == i.signal,
            }
            for i in protocol.INDICATORS
        ]


class RiskOut(Schema):
    id: int
    at: datetime
    level: str
    risk_factors: str
    safety_plan: str


class SupportOut(Schema):
    id: int
    type: str
    description: str
    started_on: date
    planned_end_on: date | None
    ended_on: date | None


class ShelterReferralOut(Schema):
    id: int
    organisation_id: int
    referred_at: datetime
    status: str
    shared_sections: list[str]
    revoked_at: datetime | None


class VictimOut(Schema):
    risk_assessments: list[RiskOut]
    support_services: list[SupportOut]
    shelter_referrals: list[ShelterReferralOut]


class LegalChangeOut(Schema):
    old: str = Field(..., alias="from_status")
    new: str = Field(..., alias="to_status")
    on: date


class LegalOut(Schema):
    complaint_number: str
    prosecutor_office: DirectoryEntryOut | None = Field(
        ..., description="The MP office from the institutions directory (None only for an old row never linked)."
    )
    prosecutor: str
    status: choice(LegalCase.Status)
    filed_on: date
    witness_protection: bool
    witness_protection_note: str
    changes: list[LegalChangeOut]

    @staticmethod
    def resolve_prosecutor_office(obj: LegalCase):
        return obj.prosecutor_office_org

    @staticmethod
    def resolve_changes(obj: LegalCase) -> list:
        return list(obj.changes.all())


class CustodyOut(Schema):
    id: int
    stage: str
    at: datetime
    organisation_id: int | None
    guardian_name: str
    relationship: str
    document_checked: bool
    document_number: str
    authorised_by: str
    note: str
    assessment_id: int | None


class BestInterestOut(Schema):
    id: int
    decided_on: date
    decided_by: str
    decision: str
    minor_assent: str
    minor_views: str


class ProtectionMinorOut(Schema):
    custody: list[CustodyOut]
    tracing_requests: list[TracingRequestOut]
    family_assessments: list[FamilyAssessmentOut]
    visits: list[ReunificationVisitOut]
    best_interest_decisions: list[BestInterestOut]
    handover_recorded: bool


class SharedOut(Schema):
    id: int
    person_id: int
    sections: list[str]
    risk_level: str | None = None
    safety_plan: str | None = None
    support_services: list[SupportOut] | None = None


class CaseAccessOut(Schema):
    at: datetime
    username: str = Field(..., alias="actor_username")
    kind: str
    section: str
    reason: str


class BreakGlassOut(Schema):
    id: int
    case_id: int
    user: str = Field(..., alias="user.username")
    reason: str
    granted_at: datetime
    expires_at: datetime
    reviewed_by: str | None
    reviewed_at: datetime | None
    outcome: str

    @staticmethod
    def resolve_reviewed_by(obj: BreakGlassAccess) -> str | None:
        return obj.reviewed_by.username if obj.reviewed_by_id else None
