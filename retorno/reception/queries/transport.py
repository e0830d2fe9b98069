"""Transport: fares, the allocation in force with overrides, the budget summary, services and needs."""

from decimal import Decimal

from django.db.models import QuerySet
from django.http import Http404

from retorno.accounts.access import require
from retorno.accounts.models import User
from retorno.geo.models import Municipality
from retorno.reception.allocation_text import render
from retorno.reception.models import (
    AllocationRun,
    Arrival,
    Fare,
    Flight,
    NeedAssessment,
    ServiceGiven,
    Ticket,
    TransportOverride,
)
from retorno.reception.queries.arrivals import arrival_is_minor, vulnerability_from_triage
from retorno.reception.queries.flights import flights_visible_to


def fare_for(municipality, currency: str) -> Fare | None:
    """The fare to a municipality: its own if recorded, else its department's."""
    if municipality is None:
        return None
    fares = Fare.objects.filter(is_active=True, currency=currency, department_id=municipality.department_id)
    return fares.filter(municipality=municipality).first() or fares.filter(municipality__isnull=True).first()


def current_allocation(flight: Flight) -> AllocationRun | None:
    return flight.allocation_runs.order_by("-run_at", "-id").first()


def decision_text(decision: dict | None) -> str:
    """A stored allocation decision in the user's language (from its code and parameters)."""
    if not decision:
        return ""
    return render(decision["reason"], decision.get("params") or {})


def effective_transport(flight: Flight) -> dict[int, dict]:
    """arrival id -> {"allocated", "by_override", "decision"} (and "override" when one decided).

    The latest allocation run decides, except where an approved override says otherwise.
    """
    run = current_allocation(flight)
    result: dict[int, dict] = {}
    if run is not None:
        for decision in run.decisions:
            result[decision["arrival"]] = {
                "allocated": decision["allocated"],
                "by_override": False,
                "decision": decision,
            }
    approved = TransportOverride.objects.filter(arrival__flight=flight, status=TransportOverride.Status.APPROVED)
    for override in approved.order_by("decided_at", "id"):
        entry = result.setdefault(override.arrival_id, {"decision": None})
        entry.update(allocated=override.allocate, by_override=True, override=override)
    return result


def transport_summary(flight: Flight) -> dict:
    """Budget, spent on tickets, remaining, and the unmet need of the flight."""
    budget = getattr(flight, "budget", None)
    amount = budget.amount if budget else Decimal("0")
    currency = budget.currency if budget else "USD"
    tickets = list(Ticket.objects.filter(flight=flight))
    spent = sum((t.amount for t in tickets if t.currency == currency), Decimal("0"))
    run = current_allocation(flight)
    effective = effective_transport(flight)
    ticketed = {t.arrival_id for t in tickets}
    unmet = 0
    unmet_cost = Decimal("0")
    allocated = spent  # tickets issued, plus the fares allocated and not yet issued
    if run is not None:
        for decision in run.decisions:
            state = effective.get(decision["arrival"], {})
            in_need = decision["reason"] not in ("can_pay", "family_collecting")
            if decision["arrival"] in ticketed:
                continue
            if state.get("allocated") and decision.get("fare"):
                allocated += Decimal(decision["fare"])
            elif in_need and not state.get("allocated"):
                unmet += 1
                if decision.get("fare"):
                    unmet_cost += Decimal(decision["fare"])
    return {
        "budget": amount,
        "currency": currency,
        "spent": spent,
        "allocated": allocated,
        "remaining": amount - spent,
        "tickets": len(tickets),
        "run": run,
        "unmet_count": unmet,
        "unmet_cost": unmet_cost,
        "pending_overrides": TransportOverride.objects.filter(
            arrival__flight=flight, status=TransportOverride.Status.PENDING
        ).count(),
    }


def services_total(flight: Flight) -> list[dict]:
    """Services given on a flight, by kind and currency."""
    totals: dict[tuple[str, str], dict] = {}
    for service in ServiceGiven.objects.filter(arrival__flight=flight):
        key = (service.kind, service.currency)
        entry = totals.setdefault(
            key,
            {
                "kind": service.kind,
                "label": service.get_kind_display(),
                "currency": service.currency,
                "quantity": 0,
                "cost": Decimal("0"),
            },
        )
        entry["quantity"] += service.quantity
        entry["cost"] += service.total
    return sorted(totals.values(), key=lambda e: e["kind"])


def transport_needs_table(flight: Flight) -> list[dict]:
    """One row per person present: the stored assessment, or a prefill (destination from the
    person's municipality, vulnerability from triage) that is saved only when staff save it."""
    arrivals = (
        flight.arrivals.filter(status__in=Arrival.PRESENT)
        .select_related("person__origin_municipality__department", "manifest_row", "triage")
        .order_by("manifest_row__row_number", "id")
    )
    stored = {
        a.arrival_id: a
        for a in NeedAssessment.objects.filter(arrival__flight=flight).select_related("destination__department")
    }
    rows = []
    for arrival in arrivals:
        assessment = stored.get(arrival.pk)
        triage = getattr(arrival, "triage", None)
        if assessment is not None:
            values = {
                "can_pay": assessment.can_pay,
                "family_collecting": assessment.family_collecting,
                "destination": assessment.destination,
                "vulnerability": assessment.vulnerability,
            }
        else:
            values = {
                "can_pay": False,
                "family_collecting": False,
                "destination": arrival.person.origin_municipality,
                "vulnerability": vulnerability_from_triage(triage, minor=arrival_is_minor(arrival)),
            }
        rows.append(
            {
                "arrival": arrival,
                "name": arrival.display_name,
                "number": arrival.manifest_row.row_number if arrival.manifest_row_id else None,
                "stored": values if assessment is not None else None,
                "needs_transport": bool(triage and triage.transport_home),
                **values,
            }
        )
    return rows


def arrival_details(arrival: Arrival) -> dict:
    """What the arrival page shows beside the triage: its need assessment, services given,
    overrides asked for, and its transport decision in force (with the explanation in words)."""
    transport = effective_transport(arrival.flight).get(arrival.pk)
    return {
        "assessment": NeedAssessment.objects.filter(arrival=arrival).first(),
        "services": arrival.services.select_related("given_by"),
        "overrides": arrival.transport_overrides.all(),
        "transport": transport,
        "transport_text": decision_text((transport or {}).get("decision")),
    }


def overrides_pending(flight: Flight) -> QuerySet[TransportOverride]:
    """Overrides of the flight waiting for a manager's decision."""
    return TransportOverride.objects.filter(
        arrival__flight=flight, status=TransportOverride.Status.PENDING
    ).select_related("arrival__person", "requested_by")


def override_get_for(*, user: User, override_id: int) -> TransportOverride:
    """An override of a flight the user may see, for a manager to decide; 403 / 404 otherwise."""
    require(user, "reception.override_approve")
    try:
        return TransportOverride.objects.select_related("arrival").get(
            pk=override_id, arrival__flight__in=flights_visible_to(user)
        )
    except (TransportOverride.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def flight_transport_decisions(flight: Flight, summary: dict) -> list[dict]:
    """The current allocation's decisions in priority order, each with its arrival, its explanation
    in words and whether it stands (or an approved override changed it)."""
    if summary["run"] is None:
        return []
    effective = effective_transport(flight)
    arrivals = {
        a.pk: a for a in Arrival.objects.filter(flight=flight).select_related("person", "manifest_row", "ticket")
    }
    decisions = []
    for d in sorted(summary["run"].decisions, key=lambda d: (d["priority"] is None, d["priority"] or 0, d["arrival"])):
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
    return decisions


def municipality_label(municipality: Municipality | None) -> str:
    """How the transport table shows (and reads back) a destination: "Name, Department [code]"."""
    return f"{municipality.name}, {municipality.department.name} [{municipality.code}]" if municipality else ""


def destination_options() -> list[str]:
    """Every municipality as the transport table offers it, by name."""
    return [municipality_label(m) for m in Municipality.objects.select_related("department").order_by("name")]
