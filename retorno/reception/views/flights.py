"""Flight pages: the list, announcing a flight, its page and figures, its status and closing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from retorno.accounts.access import can, require
from retorno.lib.views import form_page, run_action
from retorno.reception import actions
from retorno.reception.forms import FlightForm, StatusForm
from retorno.reception.models import Flight
from retorno.reception.queries import (
    flight_close_blockers,
    flight_close_preview,
    flight_counts,
    flight_get_for,
    flight_overview,
    flight_recent_imports,
    flights_listed,
    services_total,
    transport_summary,
)


def _iso_date(text: str):
    try:
        return parse_date(text or "")
    except ValueError:
        return None


@login_required
def flights(request: HttpRequest) -> HttpResponse:
    """Today's and recent flights with their figures (protection officers: links to minors)."""
    if not (can(request.user, "reception.flight_view") or can(request.user, "reception.minors_view")):
        raise PermissionDenied
    status, code = request.GET.get("status", ""), request.GET.get("code", "")[:40]
    on = _iso_date(request.GET.get("date", ""))
    rows = flights_listed(request.user, status=status, code=code, on=on)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "reception/flights.html",
        {
            "flights": page.object_list,
            "page": page,
            "statuses": Flight.Status.choices,
            "filters": {"status": status, "code": code, "date": on.isoformat() if on else ""},
            "can_view": can(request.user, "reception.flight_view"),
            "can_manage": can(request.user, "reception.flight_manage"),
            "can_minors": can(request.user, "reception.minors_view"),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def flight_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "reception.flight_manage")
    return form_page(
        request,
        form=FlightForm(request.POST or None),
        title=_("Announce a flight"),
        run=lambda data: actions.flight_create(actor=request.user, request=request, **data),
        done=lambda flight: reverse("reception:flight", args=[flight.pk]),
        cancel_url=reverse("reception:flights"),
        done_message=_("Flight announced."),
        template="reception/flight_form.html",
    )


def _flight_context(request: HttpRequest, flight: Flight) -> dict:
    overview = flight_overview(flight)
    arrivals = [entry["arrival"] for entry in overview]  # read once for the list and the blockers
    return {
        "flight": flight,
        "counts": flight_counts(flight),
        "overview": overview,
        "transport": transport_summary(flight),
        "services": services_total(flight),
        "blockers": flight_close_blockers(flight, arrivals=arrivals)
        if flight.status == Flight.Status.RECEPTION_OPEN
        else [],
        "imports": flight_recent_imports(flight),
        "can_manage": can(request.user, "reception.flight_manage"),
        "can_checkin": can(request.user, "reception.checkin"),
        "status_form": StatusForm(),
    }


@login_required
def flight(request: HttpRequest, flight_id: int) -> HttpResponse:
    """The flight page: live figures, the list with returnees again, protection flags, minors alone."""
    flight = flight_get_for(user=request.user, flight_id=flight_id)
    return render(request, "reception/flight.html", _flight_context(request, flight))


@login_required
def flight_counts_partial(request: HttpRequest, flight_id: int) -> HttpResponse:
    """The figures only, polled by the flight page."""
    flight = flight_get_for(user=request.user, flight_id=flight_id)
    return render(request, "reception/_counts.html", {"flight": flight, "counts": flight_counts(flight)})


@require_POST
@login_required
def flight_status(request: HttpRequest, flight_id: int) -> HttpResponse:
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.flight_manage")
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a valid status."))
    elif form.cleaned_data["status"] == Flight.Status.CLOSED and not request.POST.get("confirm"):
        return redirect("reception:flight_close", flight_id=flight.pk)  # show what closing will do first
    else:
        run_action(
            request,
            actions.flight_set_status,
            _("Flight status changed."),
            flight=flight,
            confirm=bool(request.POST.get("confirm")),
            **form.cleaned_data,
        )
    return redirect("reception:flight", flight_id=flight.pk)


@login_required
def flight_close(request: HttpRequest, flight_id: int) -> HttpResponse:
    """Before closing: who will be marked as not arrived, who is checked in but not triaged."""
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.flight_manage")
    if flight.status != Flight.Status.RECEPTION_OPEN:
        return redirect("reception:flight", flight_id=flight.pk)
    return render(request, "reception/flight_close.html", {"flight": flight, "preview": flight_close_preview(flight)})
