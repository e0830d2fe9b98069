"""The queues of work that triage handed to other teams."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from retorno.accounts.access import can
from retorno.accounts.models import User
from retorno.audit.actions import audit_event
from retorno.audit.models import AuditEvent
from retorno.reception.audit_actions import AuditAction
from retorno.reception.models import WorkItem


def work_items_for(*, user: User, kind: str):
    """The waiting items of one kind, oldest first, for a team allowed to see that queue."""
    if kind not in WorkItem.Kind.values or not can(user, f"reception.work_{kind}"):
        return WorkItem.objects.none()
    return (
        WorkItem.objects.filter(kind=kind, status=WorkItem.Status.OPEN)
        .select_related("person", "arrival__flight")
        .order_by("created_at", "id")
    )


def work_queues_for(*, user: User, request: HttpRequest | None = None, limit: int = 300) -> list[dict]:
    """Every queue the user's team may see, with the people waiting in it; 403 for a user who may
    see none. The read is audited (the "work" section)."""
    queues = [
        {"kind": kind, "label": label, "items": list(work_items_for(user=user, kind=kind)[:limit])}
        for kind, label in WorkItem.Kind.choices
        if can(user, f"reception.work_{kind}")
    ]
    if not queues:
        raise PermissionDenied
    audit_event(actor=user, kind=AuditEvent.Kind.VIEW, action=AuditAction.WORK_VIEW, section="work", request=request)
    return queues


def work_item_get_for(*, user: User, item_id: int) -> WorkItem:
    """The work item if it is in a queue the user's team owns; 404 when it is not there, 403 otherwise."""
    try:
        item = WorkItem.objects.select_related("arrival").get(pk=item_id)
    except (WorkItem.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if not can(user, f"reception.work_{item.kind}"):
        raise PermissionDenied
    return item
