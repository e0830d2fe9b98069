"""Flight pages: the list, announcing a flight, its page and figures, its status and closing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from retorno.accounts.access import can, require
from retorno.lib.views import error_text
from retorno.reception import actions
from retorno.reception.forms import (
    FlightForm,
    StatusForm,
)
from retorno.reception.models import Arrival, Flight
from retorno.reception.queries import (
    flight_close_blockers,
    flight_close_preview,
    flight_counts,
    flight_get_for,
    flight_overview,
    flights_listed,
    services_total,
    transport_summary,
)

# --- Flights ---------------------------------------------------------------------------


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
    rows = flights_listed(request.user, status=status, code=code, on=on).annotate(
        present=Count("arrivals", filter=Q(arrivals__status__in=Arrival.PRESENT)),
    )
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
    form = FlightForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            flight = actions.flight_create(actor=request.user, request=request, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error_text(error))
        else:
            messages.success(request, _("Flight announced."))
            return redirect("reception:flight", flight_id=flight.pk)
    return render(request, "reception/flight_form.html", {"form": form})


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
        "next_statuses": [Flight.Status(s) for s in sorted(Flight.TRANSITIONS[flight.status])],
        "imports": flight.manifest_imports.all()[:5],
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
        return redirect("reception:flight", flight_id=flight.pk)
    if form.cleaned_data["status"] == Flight.Status.CLOSED and not request.POST.get("confirm"):
        return redirect("reception:flight_close", flight_id=flight.pk)  # show what closing will do first
    try:
        actions.flight_set_status(
            actor=request.user,
            flight=flight,
            status=form.cleaned_data["status"],
            note=form.cleaned_data["note"],
            arrived_count=form.cleaned_data["arrived_count"],
            confirm=bool(request.POST.get("confirm")),
            request=request,
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Flight status changed."))
    return redirect("reception:flight", flight_id=flight.pk)


@login_required
def flight_close(request: HttpRequest, flight_id: int) -> HttpResponse:
    """Before closing: who will be marked as not arrived, who is checked in but not triaged."""
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.flight_manage")
    if flight.status != Flight.Status.RECEPTION_OPEN:
        return redirect("reception:flight", flight_id=flight.pk)
    return render(request, "reception/flight_close.html", {"flight": flight, "preview": flight_close_preview(flight)})
