"""Self-help groups and their sessions."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from retorno.accounts.access import can, permission_required
from retorno.reintegration import actions, forms
from retorno.reintegration.models import SelfHelpGroup
from retorno.reintegration.views.common import EDIT, VIEW, _run


@require_http_methods(["GET", "POST"])
@permission_required(VIEW)
def group_list(request: HttpRequest) -> HttpResponse:
    form = forms.GroupForm(
        request.POST or None, initial={"facilitator": request.user, "started_on": timezone.localdate()}
    )
    if request.method == "POST":
        if not can(request.user, EDIT):
            raise PermissionDenied
        if form.is_valid() and _run(request, actions.group_create, _("Group started."), **form.cleaned_data):
            return redirect("reintegration:groups")
    groups = SelfHelpGroup.objects.select_related("municipality", "facilitator")
    return render(request, "reintegration/group_list.html", {"groups": groups, "form": form})


@require_http_methods(["GET", "POST"])
@permission_required(VIEW)
def group_detail(request: HttpRequest, group_id: int) -> HttpResponse:
    group = get_object_or_404(SelfHelpGroup, pk=group_id)
    form = forms.SessionForm(request.POST or None, initial={"held_on": timezone.localdate()})
    if request.method == "POST":
        if not can(request.user, EDIT):
            raise PermissionDenied
        if form.is_valid() and _run(
            request, actions.group_session_record, _("Session recorded."), group=group, **form.cleaned_data
        ):
            return redirect("reintegration:group", group_id=group.pk)
    sessions = group.sessions.prefetch_related("attendees__person")
    return render(
        request,
        "reintegration/group_detail.html",
        {"group": group, "sessions": sessions, "form": form, "can_edit": can(request.user, EDIT)},
    )
