"""Work that triage flags hand to other teams (see ``WorkItem``): opened, withdrawn, taken."""

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from retorno.accounts.access import require
from retorno.accounts.models import User
from retorno.audit.actions import audit_write
from retorno.lib.workflow import illegal_transition, transition
from retorno.reception.audit_actions import AuditAction
from retorno.reception.models import Arrival, Triage, WorkItem


def work_items_sync(*, actor: User, arrival: Arrival, triage: Triage, request: HttpRequest | None = None) -> None:
    """Make the arrival's work items agree with its triage flags (idempotent: saving the same
    triage again changes nothing; an unticked flag withdraws an item nobody has taken)."""
    existing = {item.kind: item for item in WorkItem.objects.select_for_update().filter(arrival=arrival)}
    for kind, flag in WorkItem.FLAG.items():
        wanted = bool(getattr(triage, flag))
        item = existing.get(kind)
        if wanted and item is None:
            item = WorkItem(arrival=arrival, person_id=arrival.person_id, kind=kind, created_by=actor)
            item.full_clean()
            item.save()
            _audit(actor, item, None, item.status, request)
        elif wanted and item.status == WorkItem.Status.WITHDRAWN:
            _move(actor, item, WorkItem.Status.OPEN, request)
        elif not wanted and item is not None and item.status == WorkItem.Status.OPEN:
            _move(actor, item, WorkItem.Status.WITHDRAWN, request)


@transaction.atomic
def work_item_take(*, actor: User, item: WorkItem, request: HttpRequest | None = None) -> WorkItem:
    """A member of the receiving team takes the item (it leaves the waiting list)."""
    require(actor, f"reception.work_{item.kind}")
    item = WorkItem.objects.select_for_update().get(pk=item.pk)
    if not item.can_move_to(WorkItem.Status.TAKEN):
        raise illegal_transition(item, WorkItem.Status.TAKEN)
    item.taken_at, item.taken_by = timezone.now(), actor  # not in the audit row, as before
    return _move(actor, item, WorkItem.Status.TAKEN, request)


def _move(actor: User, item: WorkItem, status: str, request) -> WorkItem:
    return transition(
        item,
        status,
        actor=actor,
        action=AuditAction.WORK_ITEM,
        person_id=item.person_id,
        request=request,
        audit_extra={"kind": item.kind},
    )


def _audit(actor: User, item: WorkItem, old, new, request) -> None:
    audit_write(
        actor=actor,
        action=AuditAction.WORK_ITEM,
        obj=item,
        person_id=item.person_id,
        old={"status": old} if old else None,
        new={"kind": item.kind, "status": new},
        request=request,
    )
