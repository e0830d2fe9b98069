"""The queues of work that reception's triage handed to other teams."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from retorno.accounts.access import can
from retorno.audit.actions import audit_event
from retorno.audit.models import AuditEvent
from retorno.reception import actions
from retorno.reception.models import WorkItem
from retorno.reception.queries import work_items_for


@login_required
def work(request: HttpRequest) -> HttpResponse:
    """Every queue the user's team may see, with the people waiting in it."""
    queues = [
        {"kind": kind, "label": label, "items": list(work_items_for(user=request.user, kind=kind)[:300])}
        for kind, label in WorkItem.Kind.choices
        if can(request.user, f"reception.work_{kind}")
    ]
    if not queues:
        raise PermissionDenied
    audit_event(
        actor=request.user, kind=AuditEvent.Kind.VIEW, action="reception.work.view", section="work", request=request
    )
    return render(request, "reception/work.html", {"queues": queues})


@require_POST
@login_required
def work_take(request: HttpRequest, item_id: int) -> HttpResponse:
    item = get_object_or_404(WorkItem, pk=item_id)
    if not can(request.user, f"reception.work_{item.kind}"):
        raise PermissionDenied
    try:
        actions.work_item_take(actor=request.user, item=item, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Taken: it is yours now."))
    return redirect("reception:work")
