"""What the reintegration pages share: the permissions, a form's data handed to an action, the way back."""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from retorno.accounts.access import can
from retorno.lib.views import act, form_page, post_back
from retorno.reintegration import forms

VIEW, EDIT = "reintegration.view", "reintegration.edit"


def case_url(case_id: int) -> str:
    return reverse("reintegration:case", args=[case_id])


def status_post(
    request: HttpRequest, *, action: Callable, fixed: dict, back: str, done: str, extra: tuple[str, ...] = ()
) -> HttpResponse:
    """The small status form beside a record: the new status (and ``extra`` fields) to its ``set_status`` action."""
    return post_back(
        request,
        form=forms.StatusForm(request.POST),
        run=lambda data: action(
            actor=request.user, request=request, **fixed, status=data["status"], **{k: data[k] for k in extra}
        ),
        back=back,
        done_message=done,
    )


def list_page(request: HttpRequest, *, form, action, title: str, done: str, url: str, template: str, context: dict):
    """A reference list with the form that adds to it: anyone who may view sees it, only editors post."""
    if request.method == "POST" and not can(request.user, EDIT):
        raise PermissionDenied
    return form_page(
        request,
        form=form,
        title=title,
        run=act(request, action),
        done=lambda _result: url,
        cancel_url=url,
        done_message=done,
        template=template,
        context=context,
    )
