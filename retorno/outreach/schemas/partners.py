"""Partner strengthening and agreements schemas."""

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from ninja import Field, Schema

from retorno.lib.api import StrictSchema, amount
from retorno.outreach.models import (
    PartnerAgreement,
)


class AgreementIn(StrictSchema):
    organisation_id: int = Field(..., description="Directory id of the partner")
    title: str = Field(..., min_length=1, max_length=200)
    amount: amount(gt=0, max_digits=12, decimal_places=2)
    currency: Literal[tuple(PartnerAgreement.Currency.values)] = "GTQ"
    kind: Literal[tuple(PartnerAgreement.Kind.values)] = "sub_grant"
    budget_line_id: int | None = None
    starts_on: date
    ends_on: date
    purpose: str = Field("", max_length=5000)


class SubGrantTrancheOut(Schema):
    id: int
    number: int
    amount: Decimal
    due_on: date
    paid_on: date | None


class TargetOut(Schema):
    id: int
    indicator: str
    target: int
    achieved: int


class ReportOut(Schema):
    id: int
    title: str
    due_on: date
    received_on: date | None


class AgreementOut(Schema):
    id: int
    organisation_id: int
    title: str
    kind: str
    amount: Decimal
    currency: str
    starts_on: date
    ends_on: date
    status: str
    created_by: str
    approved_by: str | None
    tranches: list[SubGrantTrancheOut]
    targets: list[TargetOut]
    reports: list[ReportOut]

    @staticmethod
    def resolve_created_by(obj) -> str:
        return obj.created_by.username

    @staticmethod
    def resolve_approved_by(obj) -> str | None:
        return obj.approved_by.username if obj.approved_by_id else None

    @staticmethod
    def resolve_tranches(obj):
        return list(obj.tranches.all())

    @staticmethod
    def resolve_targets(obj):
        return list(obj.targets.all())

    @staticmethod
    def resolve_reports(obj):
        return list(obj.reports.all())


class SubGrantTrancheIn(StrictSchema):
    amount: amount(gt=0, max_digits=12, decimal_places=2)
    due_on: date


class PayIn(StrictSchema):
    paid_on: date | None = None
    reference: str = Field("", max_length=100)


class TargetIn(StrictSchema):
    indicator: str = Field(..., min_length=1, max_length=200)
    target: int = Field(..., ge=0)


class ProgressIn(StrictSchema):
    achieved: int = Field(..., ge=0)


class PartnerReportIn(StrictSchema):
    title: str = Field(..., min_length=1, max_length=200)
    due_on: date


class CriterionIn(StrictSchema):
    area: str = Field(..., min_length=1, max_length=100)
    text: str = Field(..., min_length=1, max_length=300)
    max_score: int = Field(3, ge=1, le=100)


class ChecklistIn(StrictSchema):
    name: str = Field(..., min_length=1, max_length=200)
    criteria: list[CriterionIn] = Field(..., min_length=1)


class CriterionOut(Schema):
    id: int
    area: str
    text: str
    max_score: int


class ChecklistOut(Schema):
    id: int
    name: str
    criteria: list[CriterionOut]

    @staticmethod
    def resolve_criteria(obj):
        return list(obj.criteria.all())


class PartnerAssessmentIn(StrictSchema):
    organisation_id: int
    checklist_id: int
    assessed_on: date | None = None
    notes: str = Field("", max_length=5000)
    scores: dict[int, Annotated[int, Field(ge=0)]] = Field(
        ...,
        description="Score by criterion id (0 to the criterion's maximum)",
        json_schema_extra={"propertyNames": {"pattern": "^[0-9]+$"}},  # JSON keys are text: the criterion's id
    )


class AreaOut(Schema):
    area: str
    score: int
    max: int
    percent: int


class PartnerAssessmentOut(Schema):
    id: int
    organisation_id: int
    checklist_id: int
    assessed_on: date
    score: int
    max: int
    percent: int
    areas: list[AreaOut]


class PartnerPlanIn(StrictSchema):
    organisation_id: int
    title: str = Field(..., min_length=1, max_length=200)
    assessment_id: int | None = None


class PlanActionIn(StrictSchema):
    action: str = Field(..., min_length=1, max_length=300)
    due_on: date


class GroupOut(Schema):
    group: str
    officials: int
    women: int
    men: int


class FiguresOut(Schema):
    totals: dict[str, int | float | None]
    by: dict[str, list[GroupOut]]
    campaigns_by_department: list[dict]
