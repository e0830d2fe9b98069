"""Self-help groups and their sessions."""

import datetime

from django.db import transaction
from django.utils import timezone

from retorno.accounts.access import require
from retorno.accounts.models import User
from retorno.audit.actions import audit_write, snapshot
from retorno.reintegration.actions.common import EDIT, today_or
from retorno.reintegration.audit_actions import AuditAction
from retorno.reintegration.models import GroupSession, ReintegrationCase, SelfHelpGroup

# Self-help groups --------------------------------------------------------------------------------


@transaction.atomic
def group_create(
    *,
    actor: User,
    name: str,
    facilitator: User,
    municipality=None,
    started_on: datetime.date | None = None,
    request=None,
) -> SelfHelpGroup:
    """Start a "Club Migrantes" self-help group."""
    require(actor, EDIT)
    group = SelfHelpGroup(
        name=name.strip(),
        facilitator=facilitator,
        municipality=municipality,
        started_on=started_on or timezone.localdate(),
    )
    group.full_clean()
    group.save()
    audit_write(actor=actor, action=AuditAction.GROUP_CREATE, obj=group, new=snapshot(group), request=request)
    return group


@transaction.atomic
def group_session_record(
    *,
    actor: User,
    group: SelfHelpGroup,
    held_on: datetime.date,
    topic: str,
    attendees: list[ReintegrationCase],
    notes: str = "",
    request=None,
) -> GroupSession:
    """Record a session of a group, its topic and who attended."""
    require(actor, EDIT)
    session = GroupSession(group=group, held_on=today_or(held_on), topic=topic, notes=notes.strip())
    session.full_clean()
    session.save()
    session.attendees.set(attendees)
    audit_write(
        actor=actor,
        action=AuditAction.GROUP_SESSION,
        obj=session,
        new={**snapshot(session, ["group", "held_on", "topic"]), "attendees": [c.pk for c in attendees]},
        request=request,
    )
    return session
