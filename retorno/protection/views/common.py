"""What protection pages share: the sign-in check, error messages, "may this user read the case"."""

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest

from retorno.accounts.models import User
from retorno.protection.models import ProtectionCase
from retorno.protection.queries import case_get_for


def signed_in(view: Callable) -> Callable:
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapped


def _errors(request: HttpRequest, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


def _form_error(request: HttpRequest, form) -> None:
    messages.error(
        request,
        "; ".join(
            f"{form.fields[f].label if f in form.fields else ''}: {m}" for f, ms in form.errors.items() for m in ms
        ),
    )


def case_get_for_readable(user: User, case: ProtectionCase) -> bool:
    try:
        case_get_for(user=user, case_id=case.pk)
    except Http404:
        return False
    return True
