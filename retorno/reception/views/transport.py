"""Transport pages: allocation, budget, overrides and tickets."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from retorno.accounts.access import can
from retorno.lib.views import run_action
from retorno.reception import actions
from retorno.reception.forms import BudgetForm, OverrideForm
from retorno.reception.queries import (
    arrival_get_for,
    flight_get_for,
    flight_transport_decisions,
    override_get_for,
    overrides_pending,
    transport_summary,
)


@login_required
def transport(request: HttpRequest, flight_id: int) -> HttpResponse:
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.transport")
    summary = transport_summary(flight)
    decisions = flight_transport_decisions(flight, summary)
    return render(
        request,
        "reception/transport.html",
        {
            "flight": flight,
            "summary": summary,
            "decisions": decisions,
            "to_issue": sum(
                1 for d in decisions if d["allocated"] and d["arrival"] and not hasattr(d["arrival"], "ticket")
            ),
            "pending": overrides_pending(flight),
            "budget_form": BudgetForm(initial={"amount": summary["budget"], "currency": summary["currency"]}),
            "can_budget": can(request.user, "reception.budget_set"),
            "can_approve": can(request.user, "reception.override_approve"),
        },
    )


@require_POST
@login_required
def allocate(request: HttpRequest, flight_id: int) -> HttpResponse:
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.transport")
    run_action(request, actions.allocation_run, _("Transport allocated."), flight=flight)
    return redirect("reception:transport", flight_id=flight.pk)


@require_POST
@login_required
def budget(request: HttpRequest, flight_id: int) -> HttpResponse:
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.budget_set")
    form = BudgetForm(request.POST)
    if form.is_valid():
        run_action(request, actions.budget_set, _("Budget changed."), flight=flight, **form.cleaned_data)
    return redirect("reception:transport", flight_id=flight.pk)


@require_POST
@login_required
def override(request: HttpRequest, arrival_id: int) -> HttpResponse:
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.transport")
    form = OverrideForm(request.POST, prefix="o")
    if form.is_valid():
        # A manager's override is approved at once; anyone else's waits for a manager.
        done_message = (
            _("Override approved.")
            if can(request.user, "reception.override_approve")
            else _("Override sent to a manager for approval.")
        )
        run_action(request, actions.override_request, done_message, arrival=arrival, **form.cleaned_data)
    else:
        messages.error(request, _("Give the override and its reason."))
    return redirect("reception:arrival", arrival_id=arrival.pk)


@require_POST
@login_required
def override_decide(request: HttpRequest, override_id: int) -> HttpResponse:
    found = override_get_for(user=request.user, override_id=override_id)
    approve = request.POST.get("approve") == "1"
    run_action(request, actions.override_decide, _("Override decided."), override=found, approve=approve)
    return redirect("reception:transport", flight_id=found.arrival.flight_id)


@require_POST
@login_required
def ticket(request: HttpRequest, arrival_id: int) -> HttpResponse:
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.transport")
    run_action(request, actions.ticket_issue, _("Ticket issued."), arrival=arrival)
    if request.POST.get("back") == "transport":
        return redirect("reception:transport", flight_id=arrival.flight_id)
    return redirect("reception:arrival", arrival_id=arrival.pk)


@require_POST
@login_required
def tickets_bulk(request: HttpRequest, flight_id: int) -> HttpResponse:
    """Issue every allocated ticket of the flight at once."""
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.transport")
    run_action(request, actions.tickets_issue_allocated, _("Tickets issued."), flight=flight)
    return redirect("reception:transport", flight_id=flight.pk)
