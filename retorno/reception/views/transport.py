"""Transport pages: allocation, budget, overrides and tickets."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from retorno.accounts.access import can, require
from retorno.lib.views import error_text
from retorno.reception import actions
from retorno.reception.forms import (
    BudgetForm,
    OverrideForm,
)
from retorno.reception.models import Arrival, TransportOverride
from retorno.reception.queries import (
    arrival_get_for,
    decision_text,
    effective_transport,
    flight_get_for,
    flights_visible_to,
    transport_summary,
)

# --- Transport -------------------------------------------------------------------------


@login_required
def transport(request: HttpRequest, flight_id: int) -> HttpResponse:
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.transport")
    effective = effective_transport(flight)
    arrivals = {
        a.pk: a for a in Arrival.objects.filter(flight=flight).select_related("person", "manifest_row", "ticket")
    }
    summary = transport_summary(flight)
    decisions = []
    if summary["run"] is not None:
        for d in sorted(
            summary["run"].decisions, key=lambda d: (d["priority"] is None, d["priority"] or 0, d["arrival"])
        ):
            state = effective.get(d["arrival"], {})
            decisions.append(
                {
                    "arrival": arrivals.get(d["arrival"]),
                    "decision": d,
                    "message": decision_text(d),
                    "allocated": state.get("allocated", d["allocated"]),
                    "by_override": state.get("by_override", False),
                }
            )
    pending = TransportOverride.objects.filter(
        arrival__flight=flight, status=TransportOverride.Status.PENDING
    ).select_related("arrival__person", "requested_by")
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
            "pending": pending,
            "budget_form": BudgetForm(initial={"amount": summary["budget"], "currency": summary["currency"]}),
            "can_budget": can(request.user, "reception.budget_set"),
            "can_approve": can(request.user, "reception.override_approve"),
        },
    )


@require_POST
@login_required
def allocate(request: HttpRequest, flight_id: int) -> HttpResponse:
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.transport")
    try:
        run = actions.allocation_run(actor=request.user, flight=flight, request=request)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request,
            _("Transport allocated: %(n)s people get a ticket.")
            % {"n": sum(1 for d in run.decisions if d["allocated"])},
        )
    return redirect("reception:transport", flight_id=flight.pk)


@require_POST
@login_required
def budget(request: HttpRequest, flight_id: int) -> HttpResponse:
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.budget_set")
    form = BudgetForm(request.POST)
    if form.is_valid():
        try:
            actions.budget_set(actor=request.user, flight=flight, request=request, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Budget changed."))
    return redirect("reception:transport", flight_id=flight.pk)


@require_POST
@login_required
def override(request: HttpRequest, arrival_id: int) -> HttpResponse:
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.transport")
    form = OverrideForm(request.POST, prefix="o")
    if form.is_valid():
        try:
            done = actions.override_request(actor=request.user, arrival=arrival, request=request, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(
                request,
                _("Override approved.")
                if done.status == TransportOverride.Status.APPROVED
                else _("Override sent to a manager for approval."),
            )
    else:
        messages.error(request, _("Give the override and its reason."))
    return redirect("reception:arrival", arrival_id=arrival.pk)


@require_POST
@login_required
def override_decide(request: HttpRequest, override_id: int) -> HttpResponse:
    require(request.user, "reception.override_approve")
    found = get_object_or_404(
        TransportOverride.objects.select_related("arrival"),
        pk=override_id,
        arrival__flight__in=flights_visible_to(request.user),
    )
    try:
        actions.override_decide(
            actor=request.user, override=found, approve=request.POST.get("approve") == "1", request=request
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Override decided."))
    return redirect("reception:transport", flight_id=found.arrival.flight_id)


@require_POST
@login_required
def ticket(request: HttpRequest, arrival_id: int) -> HttpResponse:
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.transport")
    try:
        actions.ticket_issue(actor=request.user, arrival=arrival, request=request)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Ticket issued."))
    if request.POST.get("back") == "transport":
        return redirect("reception:transport", flight_id=arrival.flight_id)
    return redirect("reception:arrival", arrival_id=arrival.pk)


@require_POST
@login_required
def tickets_bulk(request: HttpRequest, flight_id: int) -> HttpResponse:
    """Issue every allocated ticket of the flight at once."""
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.transport")
    try:
        done = actions.tickets_issue_allocated(actor=request.user, flight=flight, request=request)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("%(n)s tickets issued.") % {"n": len(done)})
    return redirect("reception:transport", flight_id=flight.pk)
