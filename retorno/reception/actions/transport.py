"""The flight's transport budget: need assessment, optimal allocation, overrides, tickets."""

import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from retorno.accounts.access import can, require
from retorno.accounts.models import User
from retorno.audit.actions import audit_write, changes, snapshot
from retorno.geo.queries import municipality_by_code
from retorno.lib.workflow import illegal_transition, transition
from retorno.reception.allocation import Money, TransportNeed, allocate_transport
from retorno.reception.audit_actions import AuditAction
from retorno.reception.models import (
    AllocationRun,
    Arrival,
    Flight,
    FlightBudget,
    NeedAssessment,
    ServiceGiven,
    Ticket,
    TransportOverride,
)

MIN_REASON = 10


def _require_not_closed(flight: Flight) -> None:
    if flight.is_closed:
        raise ValidationError(_("The flight is closed."))


@transaction.atomic
def budget_set(
    *, actor: User, flight: Flight, amount: Decimal, currency: str = "USD", request: HttpRequest | None = None
) -> FlightBudget:
    """Change a flight's transport budget (managers)."""
    require(actor, "reception.budget_set")
    _require_not_closed(flight)
    budget, _created = FlightBudget.objects.select_for_update().get_or_create(flight=flight, defaults={"set_by": actor})
    before = snapshot(budget, ["amount", "currency"])
    budget.amount, budget.currency, budget.set_by, budget.set_at = amount, currency.upper(), actor, timezone.now()
    budget.full_clean()
    budget.save()
    old, new = changes(before, snapshot(budget, ["amount", "currency"]))
    audit_write(actor=actor, action=AuditAction.TRANSPORT_BUDGET, obj=flight, old=old, new=new, request=request)
    return budget


@transaction.atomic
def need_assess(
    *,
    actor: User,
    arrival: Arrival,
    can_pay: bool,
    family_collecting: bool,
    destination=None,
    vulnerability: int = 0,
    request: HttpRequest | None = None,
) -> NeedAssessment:
    """Record whether a person can get home alone, where home is, and how vulnerable they are."""
    require(actor, "reception.transport")
    _require_not_closed(arrival.flight)
    if not arrival.is_present:
        raise ValidationError(_("Only a person who has checked in can be assessed."))
    assessment = NeedAssessment.objects.filter(arrival=arrival).first() or NeedAssessment(
        arrival=arrival, assessed_by=actor
    )
    fields = ["can_pay", "family_collecting", "destination", "vulnerability"]
    before = snapshot(assessment, fields) if assessment.pk else {}
    assessment.can_pay, assessment.family_collecting = can_pay, family_collecting
    assessment.destination, assessment.vulnerability = destination, vulnerability
    assessment.assessed_by, assessment.assessed_at = actor, timezone.now()
    assessment.full_clean()
    assessment.save()
    old, new = changes(before, snapshot(assessment, fields))
    audit_write(
        actor=actor,
        action=AuditAction.TRANSPORT_ASSESS,
        obj=assessment,
        person_id=arrival.person_id,
        old=old,
        new=new,
        request=request,
    )
    return assessment


@transaction.atomic
def allocation_run(*, actor: User, flight: Flight, request: HttpRequest | None = None) -> AllocationRun:
    """Allocate what is left of the budget to the assessed people who have no ticket yet.

    The allocation is optimal for the objective in ``allocation.py`` (most people home, the
    most vulnerable first, then cheapest); every decision is stored with its explanation.
    """
    require(actor, "reception.transport")
    from retorno.reception.queries import fare_for

    _require_not_closed(flight)
    budget = FlightBudget.objects.get(flight=flight)
    tickets = list(Ticket.objects.filter(flight=flight))
    spent = sum((t.amount for t in tickets if t.currency == budget.currency), Decimal("0"))
    ticketed = {t.arrival_id for t in tickets}
    assessments = NeedAssessment.objects.filter(
        arrival__flight=flight, arrival__status__in=Arrival.PRESENT
    ).select_related("destination")
    needs = []
    for assessment in assessments.order_by("arrival_id"):
        if assessment.arrival_id in ticketed:
            continue
        fare = fare_for(assessment.destination, budget.currency)
        needs.append(
            TransportNeed(
                person_id=assessment.arrival_id,
                fare=Money(fare.amount, fare.currency) if fare else None,
                vulnerability=assessment.vulnerability,
                can_pay=assessment.can_pay,
                family_collecting=assessment.family_collecting,
            )
        )
    available = max(budget.amount - spent, Decimal("0"))
    result = allocate_transport(budget=Money(available, budget.currency), needs=needs)
    run = AllocationRun(
        flight=flight,
        run_by=actor,
        budget_amount=budget.amount,
        currency=budget.currency,
        total_cost=result.total_cost.amount + spent,
        remaining=result.remaining.amount,
        people_in_need=result.people_in_need,
        unmet_count=result.unmet_count,
        unmet_cost=result.unmet_cost.amount,
        unmet_without_fare=result.unmet_without_fare,
        decisions=[
            {
                "arrival": d.person_id,
                "allocated": d.allocated,
                "reason": str(d.reason),
                "fare": str(d.fare.amount) if d.fare else None,
                "priority": d.priority,
                "params": d.params,  # put into words when shown (allocation_text.render)
            }
            for d in result.decisions
        ]
        + [
            # A ticketed person stays on the table after a re-allocation, with their ticket.
            {
                "arrival": t.arrival_id,
                "allocated": True,
                "reason": "ticketed",
                "fare": str(t.amount),
                "priority": None,
                "params": {"fare": str(t.amount), "currency": t.currency},
            }
            for t in tickets
        ],
    )
    run.full_clean()
    run.save()
    audit_write(
        actor=actor,
        action=AuditAction.TRANSPORT_ALLOCATE,
        obj=run,
        new={
            "flight": flight.pk,
            "allocated": list(result.allocated_ids),
            "remaining": result.remaining.amount,
            "unmet": result.unmet_count,
        },
        request=request,
    )
    return run


@transaction.atomic
def override_request(
    *, actor: User, arrival: Arrival, allocate: bool, reason: str, request: HttpRequest | None = None
) -> TransportOverride:
    """Ask to give (or withhold) a ticket against the allocation, saying why.

    A manager's own override is approved at once; a clerk's waits for a manager.
    """
    require(actor, "reception.transport")
    _require_not_closed(arrival.flight)
    reason = (reason or "").strip()
    if len(reason) < MIN_REASON:
        raise ValidationError({"reason": _("Explain the reason in at least %(n)s characters.") % {"n": MIN_REASON}})
    # A manager's override is created already decided (one audit row, as before): a starting
    # status, not a move along the pipeline.
    decided = (
        {"status": TransportOverride.Status.APPROVED, "decided_by": actor, "decided_at": timezone.now()}
        if can(actor, "reception.override_approve")
        else {}
    )
    override = TransportOverride(arrival=arrival, allocate=allocate, reason=reason, requested_by=actor, **decided)
    override.full_clean()
    override.save()
    audit_write(
        actor=actor,
        action=AuditAction.TRANSPORT_OVERRIDE_REQUEST,
        obj=override,
        person_id=arrival.person_id,
        new={"allocate": allocate, "status": override.status},
        reason=reason,
        request=request,
    )
    return override


@transaction.atomic
def override_decide(
    *, actor: User, override: TransportOverride, approve: bool, request: HttpRequest | None = None
) -> TransportOverride:
    """A manager approves or rejects a requested override."""
    require(actor, "reception.override_approve")
    override = TransportOverride.objects.select_for_update().select_related("arrival").get(pk=override.pk)
    new_status = TransportOverride.Status.APPROVED if approve else TransportOverride.Status.REJECTED
    if not override.can_move_to(new_status):
        raise illegal_transition(override, new_status)
    override.decided_by, override.decided_at = actor, timezone.now()  # not in the audit row, as before
    transition(
        override,
        new_status,
        actor=actor,
        action=AuditAction.TRANSPORT_OVERRIDE_DECIDE,
        reason=override.reason,
        person_id=override.arrival.person_id,
        request=request,
    )
    return override


@transaction.atomic
def ticket_issue(*, actor: User, arrival: Arrival, request: HttpRequest | None = None) -> Ticket:
    """Buy the bus ticket an arrival was allocated (by the allocation or an approved override)."""
    require(actor, "reception.transport")
    from retorno.reception.queries import effective_transport, fare_for

    flight = Flight.objects.select_for_update().get(pk=arrival.flight_id)
    _require_not_closed(flight)
    if Ticket.objects.filter(arrival=arrival).exists():
        raise ValidationError(_("This person already has a ticket."))
    state = effective_transport(flight).get(arrival.pk)
    if not state or not state.get("allocated"):
        raise ValidationError(_("This person has no ticket allocated: run the allocation or ask for an override."))
    assessment = NeedAssessment.objects.filter(arrival=arrival).select_related("destination").first()
    budget = FlightBudget.objects.get(flight=flight)
    fare = fare_for(assessment.destination if assessment else None, budget.currency)
    if fare is None:
        raise ValidationError(_("There is no fare for this person's destination."))
    spent = sum((t.amount for t in Ticket.objects.filter(flight=flight, currency=budget.currency)), Decimal("0"))
    if not state["by_override"] and spent + fare.amount > budget.amount:
        raise ValidationError(_("The flight's budget does not cover this ticket."))
    ticket = Ticket(
        arrival=arrival,
        flight=flight,
        destination=assessment.destination,
        terminal=fare.terminal,
        amount=fare.amount,
        currency=fare.currency,
        by_override=state["by_override"],
        issued_by=actor,
    )
    ticket.full_clean()
    ticket.save()
    ServiceGiven.objects.create(
        arrival=arrival,
        kind=ServiceGiven.Kind.BUS_TICKET,
        quantity=1,
        unit_cost=fare.amount,
        currency=fare.currency,
        given_by=actor,
        note=str(assessment.destination)[:200],
    )
    audit_write(
        actor=actor,
        action=AuditAction.TRANSPORT_TICKET,
        obj=ticket,
        person_id=arrival.person_id,
        new=snapshot(ticket, ["amount", "currency", "destination", "by_override"]),
        request=request,
    )
    return ticket


@transaction.atomic
def tickets_issue_allocated(*, actor: User, flight: Flight, request: HttpRequest | None = None) -> list[Ticket]:
    """Issue every ticket the current allocation (and approved overrides) gives and that is not
    issued yet, in one go: all or nothing (a refusal names the person and issues none)."""
    require(actor, "reception.transport")
    from retorno.reception.queries import effective_transport

    _require_not_closed(flight)
    issued = set(Ticket.objects.filter(flight=flight).values_list("arrival_id", flat=True))
    waiting = [pk for pk, state in effective_transport(flight).items() if state.get("allocated") and pk not in issued]
    tickets = []
    for arrival in Arrival.objects.filter(pk__in=waiting).select_related("flight", "person").order_by("id"):
        try:
            tickets.append(ticket_issue(actor=actor, arrival=arrival, request=request))
        except ValidationError as error:
            raise ValidationError(
                _("%(name)s: %(problem)s") % {"name": arrival.display_name, "problem": " ".join(error.messages)}
            ) from error
    return tickets


DESTINATION_CODE = re.compile(r"\[(\d{4})\]\s*$")  # "Huehuetenango, Huehuetenango [1301]"


def _destination(text: str, row: dict):
    """The municipality typed in the table (its code in brackets at the end), through the geography
    lookup; None when the text names none of the list."""
    found = DESTINATION_CODE.search(text)
    if found is None:
        return None
    stored = row["destination"]
    if stored is not None and stored.code == found.group(1):
        return stored  # unchanged: no lookup
    try:
        return municipality_by_code(found.group(1), field="destination")
    except ValidationError:
        return None


@transaction.atomic
def transport_needs_save(
    *, actor: User, rows: list[dict], typed: dict[int, dict], request: HttpRequest | None = None
) -> tuple[int, list[str]]:
    """Save the transport-needs table: ``rows`` as ``queries.transport_needs_table`` gives them,
    ``typed`` what staff entered per arrival id (destination as typed, can_pay, family_collecting,
    vulnerability). Only changed rows are written, and a row with no need recorded at triage only
    once staff change it. Returns how many were saved and one problem per refused row (by name)."""
    require(actor, "reception.transport")
    saved, problems = 0, []
    for row in rows:
        entry = typed.get(row["arrival"].pk)
        if entry is None:
            continue
        text = (entry.get("destination") or "").strip()
        destination = _destination(text, row) if text else None
        if text and destination is None:
            problems.append(_("%(name)s: choose the destination from the list.") % {"name": row["name"]})
            continue
        wanted = {
            "can_pay": bool(entry.get("can_pay")),
            "family_collecting": bool(entry.get("family_collecting")),
            "destination": destination,
            "vulnerability": entry.get("vulnerability", 0),
        }
        unchanged = all(row[k] == v for k, v in wanted.items())
        if unchanged and (row["stored"] is not None or not row["needs_transport"]):
            continue  # nothing written: stored and unchanged, or no need recorded at triage
        try:
            need_assess(actor=actor, arrival=row["arrival"], request=request, **wanted)
        except ValidationError as error:
            problems.append(f"{row['name']}: {' '.join(error.messages)}")
        else:
            saved += 1
    return saved, problems
