"""Self-help groups ("Club Migrantes") behind the API: /api/v1/reintegration/groups.

The same capabilities as the pages: list and start groups, read a group with its sessions,
record a session with its topic and attendance. Same permissions (view / edit).
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from retorno.accounts.access import require
from retorno.geo.queries import municipality_by_code
from retorno.lib.api import MUNICIPALITY_CODE, StrictSchema
from retorno.reintegration import actions, queries
from retorno.reintegration.forms import officers
from retorno.reintegration.models import GroupSession, SelfHelpGroup

router = Router(tags=["reintegration: self-help groups"])
VIEW, EDIT = "reintegration.view", "reintegration.edit"


class SelfHelpGroupOut(Schema):
    id: int
    name: str
    municipality_code: str | None = Field(None, description="INE municipality code")
    municipality: str | None
    facilitator_id: int
    facilitator: str
    started_on: date
    is_active: bool

    @staticmethod
    def resolve_municipality_code(obj: SelfHelpGroup) -> str | None:
        return obj.municipality.code if obj.municipality_id else None

    @staticmethod
    def resolve_municipality(obj: SelfHelpGroup) -> str | None:
        return obj.municipality.name if obj.municipality_id else None

    @staticmethod
    def resolve_facilitator(obj: SelfHelpGroup) -> str:
        return obj.facilitator.get_full_name() or obj.facilitator.username


class AttendeeOut(Schema):
    case_id: int
    person_id: int
    full_name: str


class GroupSessionOut(Schema):
    id: int
    held_on: date
    topic: GroupSession.Topic
    topic_label: str
    notes: str
    attendees: list[AttendeeOut]

    @staticmethod
    def resolve_topic_label(obj: GroupSession) -> str:
        return str(obj.get_topic_display())

    @staticmethod
    def resolve_attendees(obj: GroupSession) -> list[dict]:
        return [
            {"case_id": c.pk, "person_id": c.person_id, "full_name": c.person.full_name} for c in obj.attendees.all()
        ]


class SelfHelpGroupDetailOut(SelfHelpGroupOut):
    sessions: list[GroupSessionOut]

    @staticmethod
    def resolve_sessions(obj: SelfHelpGroup) -> list[GroupSession]:
        return list(obj.sessions.prefetch_related("attendees__person"))


class GroupIn(StrictSchema):
    name: str = Field(..., min_length=1, max_length=120)
    facilitator_id: int = Field(..., description="A reintegration officer or manager")
    municipality_code: str | None = Field(None, pattern=MUNICIPALITY_CODE, description="INE municipality code")
    started_on: date | None = Field(None, description="Defaults to today")


class GroupSessionIn(StrictSchema):
    held_on: date
    topic: GroupSession.Topic
    notes: str = Field("", max_length=500)
    attendee_case_ids: list[int] = Field(default_factory=list, description="Open reintegration cases that attended")


@router.get("", response=list[SelfHelpGroupOut])
def group_list(request: HttpRequest):
    require(request.user, VIEW)
    return list(queries.groups())


@router.post("", response={201: SelfHelpGroupOut})
def group_create(request: HttpRequest, payload: GroupIn):
    """Start a group; the facilitator must be reintegration staff."""
    require(request.user, EDIT)
    facilitator = officers().filter(pk=payload.facilitator_id).first()
    if facilitator is None:
        raise ValidationError({"facilitator_id": _("Choose a reintegration officer.")})
    municipality = municipality_by_code(payload.municipality_code, field="municipality_code")
    group = actions.group_create(
        actor=request.user,
        name=payload.name,
        facilitator=facilitator,
        municipality=municipality,
        started_on=payload.started_on,
        request=request,
    )
    return Status(201, group)


@router.get("/{group_id}", response=SelfHelpGroupDetailOut)
def group_detail(request: HttpRequest, group_id: int):
    require(request.user, VIEW)
    return queries.group_get_for(user=request.user, group_id=group_id)


@router.post("/{group_id}/sessions", response={201: GroupSessionOut})
def group_session_add(request: HttpRequest, group_id: int, payload: GroupSessionIn):
    """Record a session: its date, topic, notes and which open cases attended."""
    require(request.user, EDIT)
    group = queries.group_get_for(user=request.user, group_id=group_id)
    attendees = queries.live_cases_among(payload.attendee_case_ids)
    if len(attendees) != len(set(payload.attendee_case_ids)):
        raise ValidationError({"attendee_case_ids": _("Only open reintegration cases can attend.")})
    session = actions.group_session_record(
        actor=request.user,
        group=group,
        held_on=payload.held_on,
        topic=payload.topic,
        notes=payload.notes,
        attendees=attendees,
        request=request,
    )
    return Status(201, session)
