"""The consented migration history of an arrival: asked after triage, read by the desk and managers;
the smuggler's use and cost read only by protection officers."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from retorno.accounts.access import can, require
from retorno.lib.views import form_page
from retorno.reception import actions
from retorno.reception.forms import MigrationHistoryForm
from retorno.reception.queries import (
    migration_history_answers,
    migration_history_get_for,
    migration_history_sealed_for,
)

SMUGGLER_FIELDS = ("smuggler_used", "smuggler_cost", "smuggler_currency", "smuggler_cost_declined")


def _initial(answers: dict | None) -> dict:
    if answers is None:
        return {}
    return {k: v for k, v in answers.items() if k not in ("smuggler_answered", "recorded_at")}


@login_required
def migration_history(request: HttpRequest, arrival_id: int) -> HttpResponse:
    arrival, history = migration_history_get_for(user=request.user, arrival_id=arrival_id, request=request)
    answers = migration_history_answers(history) if history else None
    back = reverse("reception:arrival", args=[arrival.pk])
    context = {"arrival": arrival, "history": history, "answers": answers}
    if not can(request.user, "reception.history_record") or not arrival.is_present:
        if request.method == "POST":
            require(request.user, "reception.history_record")
        return render(request, "reception/migration_history.html", context)

    def run(data: dict):
        data = dict(data, countries=list(data["countries"]))
        sealed_on_record = bool(answers and answers["smuggler_answered"])
        if sealed_on_record and not any(data[k] for k in SMUGGLER_FIELDS):
            data["smuggler_used"] = None  # keep the sealed answers the clerk cannot read back
        return actions.migration_history_record(actor=request.user, arrival=arrival, request=request, **data)

    form = MigrationHistoryForm(request.POST or None, initial=_initial(answers))
    return form_page(
        request,
        form=form,
        title=_("Migration history of %(name)s") % {"name": arrival.display_name},
        run=run,
        done=lambda _history: back,
        cancel_url=back,
        done_message=_("Migration history saved."),
        template="reception/migration_history.html",
        context=context,
    )


@login_required
def migration_history_sealed(request: HttpRequest, arrival_id: int) -> HttpResponse:
    sealed = migration_history_sealed_for(user=request.user, arrival_id=arrival_id, request=request)
    return render(request, "reception/migration_history_sealed.html", {"sealed": sealed, "arrival_id": arrival_id})
