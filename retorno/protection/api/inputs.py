"""What the protection API accepts: strict input schemas (unknown fields are refused)."""

from datetime import date

from ninja import Field

from retorno.lib.api import StrictSchema, choice
from retorno.protection.models import (
    BestInterestDecision,
    BreakGlassAccess,
    CaseKind,
    CustodyEvent,
    HealthReferral,
    Identification,
    LegalCase,
    ProtectionCase,
    PsychosocialAssessment,
    PsychosocialSession,
    RiskAssessment,
    ShelterReferral,
    SupportService,
)


class TakeIn(StrictSchema):
    kind: CaseKind = CaseKind.TRAFFICKING
    assignee_id: int | None = None


class AssignIn(StrictSchema):
    user_id: int


class CaseStatusIn(StrictSchema):
    status: choice(ProtectionCase.Status)
    reason: str = Field("", max_length=4000)


class NoteIn(StrictSchema):
    text: str = Field(..., min_length=1, max_length=20000)


class PsychosocialAssessmentIn(StrictSchema):
    distress: PsychosocialAssessment.Distress
    risk_to_self: PsychosocialAssessment.RiskToSelf
    needs: list[PsychosocialAssessment.Need] = []
    observations: str = Field("", max_length=20000)


class PsychosocialSessionIn(StrictSchema):
    kind: choice(PsychosocialSession.Kind)
    duration_minutes: int = Field(..., ge=5, le=600)
    notes: str = Field("", max_length=20000)


class HealthReferralIn(StrictSchema):
    destination: HealthReferral.Destination
    organisation_id: int | None = Field(
        None, description="Directory entry of kind health, ngo, civil_society or international (required for 'other')."
    )
    reason: str = Field("", max_length=4000)


class HealthOutcomeIn(StrictSchema):
    outcome: choice(HealthReferral.Outcome)
    note: str = Field("", max_length=4000)


class FollowUpPlanIn(StrictSchema):
    goals: str = Field(..., min_length=1, max_length=20000)
    next_review_on: date
    every_weeks: int = Field(4, ge=1, le=52)


class AnswersIn(StrictSchema):
    answers: dict[str, str]


class ConcludeIn(StrictSchema):
    result: Identification.Result
    authority: Identification.Authority | None = None
    authority_name: str = Field("", max_length=200)


class RiskIn(StrictSchema):
    level: RiskAssessment.Level
    risk_factors: str = Field("", max_length=20000)
    safety_plan: str = Field("", max_length=20000)


class SupportIn(StrictSchema):
    type: SupportService.Type
    started_on: date
    planned_end_on: date | None = None
    description: str = Field("", max_length=4000)


class ShelterReferralIn(StrictSchema):
    organisation_id: int = Field(..., description="Directory entry of kind shelter, civil_society or ngo.")
    shared_sections: list[ShelterReferral.Section] = []
    consent_given: bool = False


class LegalIn(StrictSchema):
    complaint_number: str = Field(..., min_length=1, max_length=60)
    prosecutor_office_id: int = Field(
        ..., description="The directory entry (accounts organisation) of the MP or one of its units: kind prosecution."
    )
    prosecutor: str = Field("", max_length=200)
    filed_on: date
    witness_protection: bool = False
    witness_protection_note: str = Field("", max_length=4000)


class LegalStatusIn(StrictSchema):
    status: choice(LegalCase.Status)
    on: date


class CustodyIn(StrictSchema):
    stage: CustodyEvent.Stage
    organisation_id: int | None = Field(
        None,
        description="Directory entry that may hold a minor: shelter, government, civil_society, ngo, pgn, svet, programme.",
    )
    guardian_name: str = Field("", max_length=200)
    relationship: CustodyEvent.Relationship | None = None
    document_checked: bool = False
    document_number: str = Field("", max_length=40)
    authorised_by: str = Field("", max_length=200)
    note: str = Field("", max_length=4000)
    # For a handover to a family member: the assessment that recommended it (see the family assessments).
    assessment_id: int | None = None


class HandoverAssessmentIn(StrictSchema):
    """The family assessment a family handover recorded before the rule rests on (only one naming none)."""

    assessment_id: int


class BestInterestIn(StrictSchema):
    decided_on: date
    decided_by: str = Field(..., min_length=1, max_length=200)
    decision: str = Field(..., min_length=1, max_length=20000)
    minor_assent: BestInterestDecision.Assent
    minor_views: str = Field("", max_length=4000)


class BreakGlassIn(StrictSchema):
    reason: str = Field(..., min_length=10, max_length=1000)


class ReviewIn(StrictSchema):
    outcome: choice(BreakGlassAccess.Outcome)
    note: str = Field("", max_length=1000)
