"""The queues of work that reception's triage handed to other teams."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from retorno.lib.views import run_action
from retorno.reception import actions
from retorno.reception.queries import work_item_get_for, work_queues_for


@login_required
def work(request: HttpRequest) -> HttpResponse:
    """Every queue the user's team may see, with the people waiting in it."""
    return render(request, "reception/work.html", {"queues": work_queues_for(user=request.user, request=request)})


@require_POST
@login_required
def work_take(request: HttpRequest, item_id: int) -> HttpResponse:
    item = work_item_get_for(user=request.user, item_id=item_id)
    run_action(request, actions.work_item_take, _("Taken: it is yours now."), item=item)
    return redirect("reception:work")
