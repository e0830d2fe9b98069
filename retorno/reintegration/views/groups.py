"""Self-help groups and their sessions."""

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from retorno.accounts.access import can, permission_required
from retorno.reintegration import actions, forms, queries
from retorno.reintegration.views.common import EDIT, VIEW, list_page


@require_http_methods(["GET", "POST"])
@permission_required(VIEW)
def group_list(request: HttpRequest) -> HttpResponse:
    form = forms.GroupForm(
        request.POST or None, initial={"facilitator": request.user, "started_on": timezone.localdate()}
    )
    return list_page(
        request,
        form=form,
        action=actions.group_create,
        title=_("Club Migrantes"),
        done=_("Group started."),
        url=reverse("reintegration:groups"),
        template="reintegration/group_list.html",
        context={"groups": queries.groups()},
    )


@require_http_methods(["GET", "POST"])
@permission_required(VIEW)
def group_detail(request: HttpRequest, group_id: int) -> HttpResponse:
    group = queries.group_get_for(user=request.user, group_id=group_id)

    def record(**data):
        return actions.group_session_record(group=group, **data)

    return list_page(
        request,
        form=forms.SessionForm(request.POST or None, initial={"held_on": timezone.localdate()}),
        action=record,
        title=group.name,
        done=_("Session recorded."),
        url=reverse("reintegration:group", args=[group.pk]),
        template="reintegration/group_detail.html",
        context={"group": group, "sessions": queries.group_sessions(group), "can_edit": can(request.user, EDIT)},
    )
