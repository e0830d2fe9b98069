"""One idiom for "post a form to an action", for every app's pages.

Views stay thin: they build the form, hand the cleaned data to an action (which checks the
permission, validates, writes and audits) and say what happened. Three shapes cover every page:

- ``form_page``: a full page with one form; a valid POST runs the action and redirects.
- ``post_back``: a small form posted from a detail page; run the action, go back with a message.
- ``run_action``: no form (a button); run the action and report the result as a message.

An action's ``ValidationError`` lands on the form's fields (or on the page as a message). An
action's ``PermissionDenied`` answers 403 from a form (the user reached a form they may not use);
``run_action`` (a button beside other work) reports it as a message instead.
"""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _


def error_text(error: ValidationError | PermissionDenied) -> str:
    """One line for a message: the validation messages, or why it was refused."""
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error) or _("You may not do this.")


def form_errors_to(form, error: ValidationError) -> None:
    """Attach an action's ValidationError to the form's fields (or to the form)."""
    items = error.message_dict.items() if hasattr(error, "message_dict") else [(None, error.messages)]
    for field, problems in items:
        for problem in problems:
            form.add_error(field if field in form.fields else None, problem)


def form_problems(form) -> str:
    """A form's errors as one line, each led by its field's label."""
    return " · ".join(
        f"{form.fields[f].label if f in form.fields else ''} {m}".strip() for f, ms in form.errors.items() for m in ms
    )


def form_page(
    request: HttpRequest,
    *,
    form,
    title: str,
    run: Callable[[dict], object],
    done: Callable[[object], str],
    cancel_url: str,
    done_message: str = "",
    template: str = "form_page.html",
    context: dict | None = None,
) -> HttpResponse:
    """GET shows ``form``; a valid POST calls ``run(cleaned_data)`` (an action) and redirects to ``done(result)``.

    A POST that fails answers 422 with the form and its errors, so nothing typed is lost.
    """
    if request.method == "POST" and form.is_valid():
        try:
            result = run(form.cleaned_data)
        except ValidationError as error:
            form_errors_to(form, error)
        else:
            messages.success(request, done_message or _("Saved."))
            return redirect(done(result))
    status = 422 if request.method == "POST" else 200
    page = {"form": form, "title": title, "cancel_url": cancel_url, **(context or {})}
    return render(request, template, page, status=status)


def post_back(
    request: HttpRequest, *, form, run: Callable[[dict], object], back: str, done_message: str = ""
) -> HttpResponse:
    """A small form posted from a detail page: run the action, then go back with a message (or the errors)."""
    if form.is_valid():
        try:
            run(form.cleaned_data)
        except ValidationError as error:
            form_errors_to(form, error)
        else:
            messages.success(request, done_message or _("Saved."))
            return redirect(back)
    messages.error(request, form_problems(form))
    return redirect(back)


def act(request: HttpRequest, action: Callable, **fixed) -> Callable[[dict], object]:
    """A ``run`` for ``form_page``/``post_back``: ``action`` as the user, with ``fixed`` and the form's data."""
    return lambda data: action(actor=request.user, request=request, **fixed, **data)


def run_action(request: HttpRequest, action: Callable, done_message: str | Callable[[object], str], **kwargs):
    """Call ``action(actor=request.user, request=request, **kwargs)`` and report the result as a message.

    ``done_message`` may be a function of the action's result (a message with counts).
    Returns the action's result (or True), or False when it was refused; the caller redirects.
    """
    try:
        result = action(actor=request.user, request=request, **kwargs)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, error_text(error))
        return False
    messages.success(request, done_message(result) if callable(done_message) else done_message)
    return result if result is not None else True
