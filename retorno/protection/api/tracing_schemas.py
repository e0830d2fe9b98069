"""What the family-tracing endpoints accept and answer (sealed fields only to who reads the case in full)."""

from datetime import date, datetime

from ninja import Field, Schema

from retorno.lib.api import StrictSchema, choice
from retorno.protection.models import (
    FamilyAssessment,
    Relationship,
    ReunificationVisit,
    TracingRequest,
    TracingStep,
)


class TracingRequestIn(StrictSchema):
    sought_name: str = Field(..., min_length=1, max_length=200)
    relationship: choice(Relationship)
    department: str | None = Field(None, max_length=2, description="INE department code")
    municipality: str | None = Field(None, max_length=4, description="INE municipality code")
    address: str = Field("", max_length=1000)
    phone: str = Field("", max_length=200)
    contacts_tried: str = Field("", max_length=4000)


class TracingStatusIn(StrictSchema):
    status: choice(TracingRequest.Status)
    outcome: str = Field("", max_length=4000)


class TracingStepIn(StrictSchema):
    on: date
    method: choice(TracingStep.Method)
    result: choice(TracingStep.Result)
    notes: str = Field("", max_length=4000)


class FamilyAssessmentIn(StrictSchema):
    tracing_request_id: int | None = None
    caregiver_name: str = Field("", max_length=200)
    relationship: choice(Relationship) | None = None
    assessed_on: date
    safety: choice(FamilyAssessment.Level)
    willingness: choice(FamilyAssessment.Level)
    capacity: choice(FamilyAssessment.Level)
    child_view_heard: bool
    risks_found: bool
    recommendation: choice(FamilyAssessment.Recommendation)
    notes: str = Field("", max_length=4000)


class VisitScheduleIn(StrictSchema):
    scheduled_on: date


class VisitRecordIn(StrictSchema):
    done_on: date
    wellbeing: choice(ReunificationVisit.Wellbeing)
    concerns: str = Field("", max_length=4000)
    notes: str = Field("", max_length=4000)
    next_visit_on: date | None = None


class TracingStepOut(Schema):
    id: int
    on: date
    by: str = Field(..., alias="by.username")
    method: str
    result: str
    notes: str


class TracingHistoryOut(Schema):
    old: str = Field(..., alias="from_status")
    new: str = Field(..., alias="to_status")
    at: datetime


class TracingRequestOut(Schema):
    id: int
    sought_name: str
    relationship: str
    department: str | None
    municipality: str | None
    address: str
    phone: str
    contacts_tried: str
    status: choice(TracingRequest.Status)
    outcome: str
    opened_at: datetime
    details_missing: bool = Field(
        description="No name or no relationship recorded (opened from the retired free-text log): to complete."
    )
    steps: list[TracingStepOut]
    history: list[TracingHistoryOut]

    @staticmethod
    def resolve_department(obj: TracingRequest) -> str | None:
        return obj.department.code if obj.department_id else None

    @staticmethod
    def resolve_municipality(obj: TracingRequest) -> str | None:
        return obj.municipality.code if obj.municipality_id else None

    @staticmethod
    def resolve_steps(obj: TracingRequest) -> list:
        return list(obj.steps.all())

    @staticmethod
    def resolve_history(obj: TracingRequest) -> list:
        return list(obj.status_changes.all())


class FamilyAssessmentOut(Schema):
    id: int
    tracing_request_id: int | None
    assessed_on: date
    assessor: str = Field(..., alias="assessor.username")
    caregiver_name: str
    relationship: str
    safety: int
    willingness: int
    capacity: int
    score: int
    child_view_heard: bool
    risks_found: bool
    recommendation: str
    notes: str


class ReunificationVisitOut(Schema):
    id: int
    scheduled_on: date
    done_on: date | None
    visitor: str | None
    wellbeing: int | None
    concerns: str
    notes: str
    next_visit_on: date | None

    @staticmethod
    def resolve_visitor(obj: ReunificationVisit) -> str | None:
        return obj.visitor.username if obj.visitor_id else None


class VisitDueOut(Schema):
    """A visit on the officer's worklist: dates and the case, no sealed content."""

    id: int
    case_id: int
    person_id: int = Field(..., alias="case.person_id")
    scheduled_on: date


class TracingToCompleteOut(Schema):
    """A tracing request without the name or relationship of the person sought, on the caller's cases:
    dates and the case, no sealed content."""

    id: int
    case_id: int
    person_id: int = Field(..., alias="case.person_id")
    opened_at: datetime
    name_missing: bool
    relationship_missing: bool

    @staticmethod
    def resolve_name_missing(obj: TracingRequest) -> bool:
        return not obj.sought_name

    @staticmethod
    def resolve_relationship_missing(obj: TracingRequest) -> bool:
        return not obj.relationship
