"""The two idioms every outreach page uses: a full-page form, and a small form posted from a detail page."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _


def form_errors_to(form, error: ValidationError) -> None:
    """Attach an action's ValidationError to the form's fields (or to the form)."""
    items = error.message_dict.items() if hasattr(error, "message_dict") else [(None, error.messages)]
    for field, problems in items:
        for problem in problems:
            form.add_error(field if field in form.fields else None, problem)


def form_page(
    request: HttpRequest,
    *,
    form,
    title: str,
    run: Callable[[dict], object],
    done: Callable[[object], str],
    cancel_url: str,
    done_message: str = "",
) -> HttpResponse:
    """GET shows ``form``; a valid POST calls ``run(cleaned_data)`` (an action) and redirects to ``done(result)``."""
    if request.method == "POST" and form.is_valid():
        try:
            result = run(form.cleaned_data)
        except ValidationError as error:
            form_errors_to(form, error)
        else:
            messages.success(request, done_message or _("Saved."))
            return redirect(done(result))
    status = 422 if request.method == "POST" else 200
    return render(
        request, "outreach/form.html", {"form": form, "title": title, "cancel_url": cancel_url}, status=status
    )


def post_back(request: HttpRequest, *, form, run: Callable[[dict], object], back: str, done_message: str = ""):
    """A small form posted from a detail page: run the action, then go back with a message (or the errors)."""
    if form.is_valid():
        try:
            run(form.cleaned_data)
        except ValidationError as error:
            form_errors_to(form, error)
        else:
            messages.success(request, done_message or _("Saved."))
            return redirect(back)
    problems = [
        f"{form.fields[f].label if f in form.fields else ''} {m}".strip() for f, ms in form.errors.items() for m in ms
    ]
    messages.error(request, " · ".join(problems))
    return redirect(back)
