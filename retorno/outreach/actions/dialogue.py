"""Policy dialogue events, who took part and the follow-up actions agreed."""

import datetime

from django.db import transaction
from django.http import HttpRequest

from retorno.accounts.models import Organisation, User
from retorno.lib.workflow import transition
from retorno.outreach.actions.common import require, save_new
from retorno.outreach.models import AuditAction, DialogueEvent, DialogueFollowUp, DialogueParticipant


@transaction.atomic
def dialogue_create(
    *,
    actor: User,
    kind: str,
    title: str,
    date: datetime.date,
    place: str = "",
    positions_presented: str = "",
    outcomes: str = "",
    request: HttpRequest | None = None,
) -> DialogueEvent:
    require(actor, "outreach.manage")
    event = DialogueEvent(
        kind=kind,
        title=title.strip(),
        date=date,
        place=place.strip(),
        positions_presented=positions_presented.strip(),
        outcomes=outcomes.strip(),
        recorded_by=actor,
    )
    return save_new(event, actor=actor, action=AuditAction.DIALOGUE_CREATE, request=request)


@transaction.atomic
def dialogue_participant_add(
    *,
    actor: User,
    event: DialogueEvent,
    organisation: Organisation,
    people: int = 1,
    position: str = "",
    request: HttpRequest | None = None,
) -> DialogueParticipant:
    require(actor, "outreach.manage")
    participant = DialogueParticipant(event=event, organisation=organisation, people=people, position=position.strip())
    return save_new(participant, actor=actor, action=AuditAction.DIALOGUE_PARTICIPANT, request=request)


@transaction.atomic
def dialogue_follow_up_add(
    *,
    actor: User,
    event: DialogueEvent,
    action: str,
    owner: Organisation,
    due_on: datetime.date,
    request: HttpRequest | None = None,
) -> DialogueFollowUp:
    require(actor, "outreach.manage")
    follow_up = DialogueFollowUp(event=event, action=action.strip(), owner=owner, due_on=due_on)
    return save_new(follow_up, actor=actor, action=AuditAction.DIALOGUE_FOLLOWUP, request=request)


@transaction.atomic
def dialogue_follow_up_set_status(
    *, actor: User, follow_up: DialogueFollowUp, status: str, reason: str = "", request: HttpRequest | None = None
) -> DialogueFollowUp:
    require(actor, "outreach.manage")
    return transition(
        follow_up,
        status,
        actor=actor,
        action=AuditAction.DIALOGUE_FOLLOWUP_STATUS,
        reason=reason,
        request=request,
        require_reason=status == DialogueFollowUp.Status.DROPPED,
    )
