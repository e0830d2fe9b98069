"""The queues of work that triage handed to other teams."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _

from retorno.accounts.access import can
from retorno.accounts.directory import directory_entry
from retorno.reception import actions
from retorno.reception.api.router import router
from retorno.reception.api.schemas import WorkItemKind, WorkItemOut, WorkTakeIn
from retorno.reception.models import WorkItem
from retorno.reception.queries import work_item_get_for, work_items_for
from retorno.referrals.models import HEALTH_FACILITY_KINDS


@router.get("/work-items", response=list[WorkItemOut])
def work_items(request: HttpRequest, kind: WorkItemKind):
    """The items triage handed to a team and still waiting (``kind``: psychosocial, health,
    dpi_request, reintegration_intake), oldest first; 403 for a team that does not own that queue."""
    if not can(request.user, f"reception.work_{kind}"):
        raise PermissionDenied
    return list(work_items_for(user=request.user, kind=kind)[:500])


@router.post("/work-items/{item_id}/take", response=WorkItemOut)
def work_item_take(request: HttpRequest, item_id: int, payload: WorkTakeIn | None = None):
    """Take a waiting item (it leaves the queue). A health item names the facility (``facility_id``)
    and becomes a referral to it (``referral_id``); a DPI item becomes a DPI request draft
    (``document_request_id``). Taken once: a second take answers 422."""
    item = work_item_get_for(user=request.user, item_id=item_id)
    facility_id = payload.facility_id if payload else None
    facility = directory_entry(facility_id, kinds=HEALTH_FACILITY_KINDS, field="facility_id")
    if item.kind == WorkItem.Kind.HEALTH and facility is None:
        raise ValidationError({"facility_id": _("Choose the health facility the person is referred to.")})
    return actions.work_item_take(actor=request.user, item=item, facility=facility, request=request)
