"""What the reintegration pages share: permissions, running an action, going back to the case."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from retorno.reintegration import forms, queries

VIEW, EDIT = "reintegration.view", "reintegration.edit"


def _errors(form) -> str:
    return "; ".join(
        f"{form.fields[f].label if f in form.fields else ''} {m}".strip() for f, ms in form.errors.items() for m in ms
    )


def _run(request: HttpRequest, action: Callable, success: str, **kwargs):
    """Call ``action`` as the user and report the result as a message; falsy on failure."""
    try:
        result = action(actor=request.user, request=request, **kwargs)
    except (ValidationError, PermissionDenied) as error:
        text = (
            " ".join(error.messages) if isinstance(error, ValidationError) else str(error) or _("You may not do this.")
        )
        messages.error(request, text)
        return False
    messages.success(request, success)
    return result or True


def _to_case(case_id: int) -> HttpResponse:
    return redirect("reintegration:case", case_id=case_id)


def _status_post(
    request: HttpRequest,
    model,
    pk: int,
    action: Callable,
    keyword: str,
    extra: tuple[str, ...] = (),
    case_path: str = "case",
):
    obj = queries.object_get_for(user=request.user, model=model, pk=pk, case_path=case_path)
    form = forms.StatusForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        _run(
            request,
            action,
            _("Status changed."),
            **{keyword: obj, "status": data["status"]},
            **{k: data[k] for k in extra},
        )
    return obj
