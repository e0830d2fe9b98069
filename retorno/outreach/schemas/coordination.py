"""Networks, campaigns and dialogue schemas."""

from datetime import date
from typing import Annotated, Literal

from ninja import Field, Schema

from retorno.lib.api import MUNICIPALITY_CODE, StrictSchema
from retorno.outreach.models import (
    Campaign,
    CampaignActivity,
    DialogueEvent,
    Network,
)
from retorno.outreach.models.campaigns import Channel
from retorno.outreach.schemas.common import DeptCode, MuniCode


class NetworkIn(StrictSchema):
    name: str = Field(..., min_length=1, max_length=200)
    kind: Literal[tuple(Network.Kind.values)]
    department: str | None = DeptCode
    coordinator_id: int | None = None
    purpose: str = Field("", max_length=5000)
    founded_on: date | None = None


class NetworkOut(Schema):
    id: int
    name: str
    kind: str
    department: str | None = None
    member_count: int
    meeting_count: int

    @staticmethod
    def resolve_department(obj) -> str | None:
        return obj.department.code if obj.department_id else None


class MemberIn(StrictSchema):
    organisation_id: int
    representative: str = Field("", max_length=200)
    representative_position: str = Field("", max_length=120)
    joined_on: date | None = None


class MeetingIn(StrictSchema):
    date: date
    agenda: str = Field(..., min_length=1, max_length=10000)
    place: str = Field("", max_length=200)
    minutes: str = Field("", max_length=20000)
    organisation_ids: list[int] = Field(default_factory=list, description="Organisations present")
    people_present: int = Field(0, ge=0)


class NetworkAgreementIn(StrictSchema):
    commitment: str = Field(..., min_length=1, max_length=500)
    owner_id: int = Field(..., description="Directory id of the responsible organisation")
    due_on: date
    meeting_id: int | None = None


class NetworkAgreementOut(Schema):
    id: int
    network_id: int
    network: str
    commitment: str
    owner: str
    due_on: date
    status: str
    is_overdue: bool

    @staticmethod
    def resolve_network(obj) -> str:
        return obj.network.name

    @staticmethod
    def resolve_owner(obj) -> str:
        return obj.owner.name


class CampaignIn(StrictSchema):
    name: str = Field(..., min_length=1, max_length=200)
    objective: str = Field(..., min_length=1, max_length=5000)
    audience: Literal[tuple(Campaign.Audience.values)]
    starts_on: date
    ends_on: date | None = None
    channels: list[Literal[tuple(Channel.values)]] = Field(default_factory=list)
    municipalities: list[Annotated[str, Field(pattern=MUNICIPALITY_CODE)]] = Field(
        default_factory=list, description="INE municipality codes"
    )
    partner_ids: list[int] = Field(default_factory=list)


class CampaignOut(Schema):
    id: int
    name: str
    audience: str
    channels: list[str]
    starts_on: date
    ends_on: date | None
    activity_count: int
    reached: int | None


class ActivityIn(StrictSchema):
    kind: Literal[tuple(CampaignActivity.Kind.values)]
    date: date
    municipality: str | None = MuniCode
    description: str = Field("", max_length=300)
    reached_female: int = Field(0, ge=0)
    reached_male: int = Field(0, ge=0)
    reached_unknown: int = Field(0, ge=0)
    reached_minors: int = Field(0, ge=0)
    schools: int = Field(0, ge=0)
    broadcasts: int = Field(0, ge=0)


class DialogueIn(StrictSchema):
    kind: Literal[tuple(DialogueEvent.Kind.values)]
    title: str = Field(..., min_length=1, max_length=200)
    date: date
    place: str = Field("", max_length=200)
    positions_presented: str = Field("", max_length=10000)
    outcomes: str = Field("", max_length=10000)


class DialogueOut(Schema):
    id: int
    kind: str
    title: str
    date: date
    institutions: int


class DialogueParticipantIn(StrictSchema):
    organisation_id: int
    people: int = Field(1, ge=0)
    position: str = Field("", max_length=500)


class FollowUpIn(StrictSchema):
    action: str = Field(..., min_length=1, max_length=500)
    owner_id: int
    due_on: date
