"""Minors handed to protection, the printable flight summary and its exports."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from retorno.accounts.access import can
from retorno.audit.actions import audit_event
from retorno.audit.models import AuditEvent
from retorno.lib.views import run_action
from retorno.reception import actions, exports
from retorno.reception.audit_actions import AuditAction
from retorno.reception.models import Flight
from retorno.reception.queries import (
    arrival_get_for,
    flight_counts,
    flight_get_for,
    flight_minors,
    flight_no_shows,
    flight_untriaged,
    services_total,
    transport_summary,
)

EXPORT_ACTIONS = {"pdf": AuditAction.SUMMARY_PDF, "csv": AuditAction.SUMMARY_CSV}


@login_required
def minors(request: HttpRequest, flight_id: int) -> HttpResponse:
    """The flight's minors and their handover to protection (protection officers, managers)."""
    flight = flight_get_for(
        user=request.user, flight_id=flight_id, permission="reception.minors_view", section="minors", request=request
    )
    return render(
        request,
        "reception/minors.html",
        {
            "flight": flight,
            "minors": flight_minors(flight),
            "can_acknowledge": can(request.user, "reception.protection_acknowledge"),
        },
    )


@require_POST
@login_required
def acknowledge(request: HttpRequest, arrival_id: int) -> HttpResponse:
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.protection_acknowledge")
    run_action(request, actions.protection_acknowledge, _("Received by protection."), arrival=arrival)
    return redirect("reception:minors", flight_id=arrival.flight_id)


@login_required
def summary(request: HttpRequest, flight_id: int) -> HttpResponse:
    """The printable per-flight summary (print CSS)."""
    flight = flight_get_for(user=request.user, flight_id=flight_id)
    return render(
        request,
        "reception/summary.html",
        {
            "flight": flight,
            "counts": flight_counts(flight),
            "transport": transport_summary(flight),
            "services": services_total(flight),
            "header": exports.summary_header(),
            "rows": exports.summary_rows(flight),
            "no_shows": flight_no_shows(flight),
            "untriaged": flight_untriaged(flight),
        },
    )


def _export(request: HttpRequest, flight: Flight, fmt: str) -> None:
    audit_event(
        actor=request.user,
        kind=AuditEvent.Kind.EXPORT,
        action=EXPORT_ACTIONS[fmt],
        obj=flight,
        request=request,
        detail={"format": fmt},
    )


@login_required
def summary_pdf(request: HttpRequest, flight_id: int) -> HttpResponse:
    flight = flight_get_for(user=request.user, flight_id=flight_id)
    _export(request, flight, "pdf")
    response = HttpResponse(exports.summary_pdf(flight), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="vuelo-{flight.pk}.pdf"'
    return response


@login_required
def summary_csv(request: HttpRequest, flight_id: int) -> HttpResponse:
    flight = flight_get_for(user=request.user, flight_id=flight_id)
    _export(request, flight, "csv")
    response = HttpResponse(exports.summary_csv(flight), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="vuelo-{flight.pk}.csv"'
    return response
