"""What the reintegration pages share: the permissions, a form's data handed to an action, the way back."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from retorno.lib.views import post_back
from retorno.reintegration import forms

VIEW, EDIT = "reintegration.view", "reintegration.edit"


def case_url(case_id: int) -> str:
    return reverse("reintegration:case", args=[case_id])


def act(request: HttpRequest, action: Callable, **fixed) -> Callable[[dict], object]:
    """A ``run`` for ``post_back``/``form_page``: ``action`` as the user, with ``fixed`` and the form's data."""
    return lambda data: action(actor=request.user, request=request, **fixed, **data)


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
