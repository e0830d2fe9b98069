"""Directory, trainings, participants and figures schemas."""

from datetime import date
from decimal import Decimal
from typing import Literal

from ninja import Field, Schema

from retorno.lib.api import EMAIL_ADDRESS, StrictSchema, amount
from retorno.outreach.models import (
    Training,
)
from retorno.outreach.models.common import Audience
from retorno.outreach.schemas.common import DeptCode, MuniCode, OrgKind


class InstitutionIn(StrictSchema):
    name: str = Field(..., min_length=1, max_length=200)
    slug: str = Field(..., min_length=1, max_length=60, pattern=r"^[-a-z0-9_]+$", description="Short unique name")
    kind: OrgKind
    acronym: str = Field("", max_length=30)
    parent_id: int | None = Field(None, description="Directory id of the institution this is a unit of")
    department: str | None = DeptCode
    municipality: str | None = MuniCode
    address: str = Field("", max_length=300)
    phone: str = Field("", max_length=40)
    email: str = Field("", max_length=254, pattern=EMAIL_ADDRESS)


class OutreachContactIn(StrictSchema):
    name: str = Field(..., min_length=1, max_length=200)
    position: str = Field("", max_length=200)
    phone: str = Field("", max_length=40)
    email: str = Field("", max_length=254, pattern=EMAIL_ADDRESS)


class OutreachContactOut(Schema):
    name: str
    position: str
    phone: str
    email: str


class InstitutionOut(Schema):
    id: int
    name: str
    acronym: str
    slug: str
    kind: str
    parent_id: int | None
    department: str | None = Field(None, description="INE code")
    phone: str
    email: str

    @staticmethod
    def resolve_department(obj) -> str | None:
        return obj.department.code if obj.department_id else None


class TrainingIn(StrictSchema):
    title: str = Field(..., min_length=1, max_length=200)
    topic: Literal[tuple(Training.Topic.values)]
    audience: Literal[tuple(Audience.values)]
    starts_on: date
    ends_on: date
    modality: Literal[tuple(Training.Modality.values)] = "in_person"
    institution_ids: list[int] = Field(default_factory=list, description="Directory ids of the institutions invited")
    place: str = Field("", max_length=200)
    department: str | None = DeptCode
    trainers: str = Field("", max_length=300)
    materials: str = Field("", max_length=5000)
    cost: amount(ge=0, max_digits=12, decimal_places=2) = Field(Decimal("0"), description="GTQ")
    budget_line_id: int | None = None
    pass_mark: int = Field(60, ge=0, le=100, description="Post-test score needed for a certificate")


class TrainingOut(Schema):
    id: int
    title: str
    topic: str
    audience: str
    modality: str
    starts_on: date
    ends_on: date
    place: str
    status: str
    pass_mark: int


class TrainingSessionIn(StrictSchema):
    date: date
    subject: str = Field(..., min_length=1, max_length=200)
    hours: amount(ge=0, max_digits=4, decimal_places=1) = Decimal("4")


class ParticipantIn(StrictSchema):
    full_name: str = Field(..., min_length=1, max_length=200)
    institution_id: int
    position: str = Field(..., min_length=1, max_length=120)
    sex: Literal["F", "M"]
    department: str | None = DeptCode
    phone: str = Field("", max_length=40)
    email: str = Field("", max_length=254, pattern=EMAIL_ADDRESS)


class TrainingEnrolmentOut(Schema):
    id: int
    participant_id: int
    full_name: str
    institution: str
    position: str
    sex: str
    pre_score: int | None
    post_score: int | None
    attended: int
    sessions: int
    certified: bool
    repeat_participant: bool = False


class TrainingAttendanceIn(StrictSchema):
    present: list[int] = Field(..., description="Enrolment ids present; every other enrolment is recorded absent")


class ScoreIn(StrictSchema):
    enrolment_id: int
    pre_score: int | None = Field(None, ge=0, le=100)
    post_score: int | None = Field(None, ge=0, le=100)


class ScoresIn(StrictSchema):
    scores: list[ScoreIn]


class OutreachStatusIn(StrictSchema):
    status: str = Field(..., max_length=20, description="One of the statuses the record may move to next")
    reason: str = Field("", max_length=500, description="Required to cancel, drop or reject")


class StatusOut(Schema):
    id: int
    status: str
