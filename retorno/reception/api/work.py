"""The queues of work that triage handed to other teams."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from retorno.accounts.access import can
from retorno.reception import actions
from retorno.reception.api.router import router
from retorno.reception.api.schemas import WorkItemKind, WorkItemOut
from retorno.reception.queries import work_item_get_for, work_items_for


@router.get("/work-items", response=list[WorkItemOut])
def work_items(request: HttpRequest, kind: WorkItemKind):
    """The items triage handed to a team and still waiting (``kind``: psychosocial, health,
    dpi_request, reintegration_intake), oldest first; 403 for a team that does not own that queue."""
    if not can(request.user, f"reception.work_{kind}"):
        raise PermissionDenied
    return list(work_items_for(user=request.user, kind=kind)[:500])


@router.post("/work-items/{item_id}/take", response=WorkItemOut)
def work_item_take(request: HttpRequest, item_id: int):
    """Take a waiting item (it leaves the queue)."""
    item = work_item_get_for(user=request.user, item_id=item_id)
    return actions.work_item_take(actor=request.user, item=item, request=request)
