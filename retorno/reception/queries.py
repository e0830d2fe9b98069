"""Every read of the reception app, through what the user may see."""

from collections import Counter
from decimal import Decimal

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from retorno.accounts.access import can, require
from retorno.accounts.models import User
from retorno.reception.models import (
    AllocationRun,
    Arrival,
    Fare,
    Flight,
    ManifestImport,
    ServiceGiven,
    Ticket,
    TransportOverride,
    Triage,
)

ADULT_AGE = 18


def flights_visible_to(user: User) -> QuerySet[Flight]:
    """Flights the user may open: reception staff and managers all, protection officers
    all (they see only the minors list of each); nobody else any."""
    if can(user, "reception.flight_view") or can(user, "reception.minors_view"):
        return Flight.objects.all()
    return Flight.objects.none()


def flight_get_for(*, user: User, flight_id: int, permission: str = "reception.flight_view") -> Flight:
    """The flight if ``user`` holds ``permission``; 403 without it, 404 when it is not there."""
    require(user, permission)
    try:
        return flights_visible_to(user).select_related("budget").get(pk=flight_id)
    except (Flight.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def arrival_get_for(*, user: User, arrival_id: int, permission: str = "reception.flight_view") -> Arrival:
    require(user, permission)
    try:
        return Arrival.objects.select_related("flight", "person", "manifest_row").get(
            pk=arrival_id, flight__in=flights_visible_to(user)
        )
    except (Arrival.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def manifest_import_get_for(*, user: User, import_id: int) -> ManifestImport:
    require(user, "reception.flight_manage")
    try:
        return ManifestImport.objects.select_related("flight").get(pk=import_id, flight__in=flights_visible_to(user))
    except (ManifestImport.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def flight_arrivals(flight: Flight) -> QuerySet[Arrival]:
    """Arrivals of a flight with what the lists show, in manifest order then walk-ins."""
    return (
        flight.arrivals.select_related("person", "manifest_row", "triage", "ticket")
        .exclude(manifest_row__withdrawn=True)
        .order_by("manifest_row__row_number", "id")
    )


def flight_counts(flight: Flight) -> dict[str, int]:
    """The live figures of the flight page (no names)."""
    S = Arrival.Status
    by_status = Counter(
        dict(
            flight.arrivals.exclude(manifest_row__withdrawn=True)
            .values_list("status")
            .annotate(n=Count("id"))
            .values_list("status", "n")
        )
    )
    triages = Triage.objects.filter(arrival__flight=flight).aggregate(
        triaged=Count("id"),
        referred=Count(
            "id", filter=Q(shelter=True) | Q(medical=True) | Q(psychosocial=True) | Q(refer_to_protection=True)
        ),
    )
    checked_in = by_status[S.CHECKED_IN] + by_status[S.WALK_IN]
    on_manifest = by_status[S.EXPECTED] + by_status[S.CHECKED_IN] + by_status[S.NO_SHOW]
    return {
        # The manifest's passengers once it is committed; until then the number announced.
        "expected": on_manifest or flight.expected_count or 0,
        "arrived": flight.arrived_count if flight.arrived_count is not None else checked_in,
        "checked_in": checked_in,
        "walk_ins": by_status[S.WALK_IN],
        "no_shows": by_status[S.NO_SHOW],
        "waiting": by_status[S.EXPECTED],
        "triaged": triages["triaged"],
        "referred": triages["referred"],
        "transported": Ticket.objects.filter(flight=flight).count(),
    }


# --- Flags shown before and at arrival -------------------------------------------------


def persons_with_protection_flag(person_ids, *, exclude_flight: Flight | None = None) -> set[int]:
    """Which of these persons carry a protection flag (a flag only, never its reason).

    The protection app may provide ``retorno.protection.queries.persons_with_protection_flag
    (person_ids) -> set[int]``; until it does, a person is flagged when an earlier arrival
    was referred to protection.
    """
    ids = [i for i in person_ids if i]
    if not ids:
        return set()
    try:
        from retorno.protection.queries import persons_with_protection_flag as provided
    except ImportError:
        provided = None
    if provided is not None:
        return set(provided(ids))
    earlier = Triage.objects.filter(arrival__person_id__in=ids, refer_to_protection=True)
    if exclude_flight is not None:
        earlier = earlier.exclude(arrival__flight=exclude_flight)
    return set(earlier.values_list("arrival__person_id", flat=True))


def prior_arrival_counts(person_ids, *, exclude_flight: Flight | None = None) -> dict[int, int]:
    """person id -> how many times they arrived before (on other flights)."""
    ids = [i for i in person_ids if i]
    if not ids:
        return {}
    rows = Arrival.objects.filter(person_id__in=ids, status__in=Arrival.PRESENT)
    if exclude_flight is not None:
        rows = rows.exclude(flight=exclude_flight)
    return dict(rows.values_list("person_id").annotate(n=Count("id")).values_list("person_id", "n"))


def arrival_age(arrival: Arrival) -> int | None:
    """Age on the flight's date, from the registry or else from the manifest."""
    if arrival.person_id and arrival.person.birth_date:
        return arrival.person.age_on(arrival.flight.date)
    if arrival.manifest_row_id:
        age = arrival.manifest_row.values.get("age")
        return age if isinstance(age, int) else None
    return None


def arrival_is_minor(arrival: Arrival) -> bool:
    age = arrival_age(arrival)
    if age is not None:
        return age < ADULT_AGE
    return bool(arrival.manifest_row_id and arrival.manifest_row.is_minor)


def arrival_is_unaccompanied_minor(arrival: Arrival) -> bool:
    """From the triage once done, else from the manifest's flag."""
    triage = getattr(arrival, "triage", None)
    if triage is not None:
        return triage.unaccompanied_minor
    return bool(arrival.manifest_row_id and arrival.manifest_row.listed_unaccompanied)


def minor_handed_to_protection(arrival: Arrival) -> bool:
    """Whether an unaccompanied minor has been handed to protection.

    The protection app may provide ``retorno.protection.queries.minor_handed_over(arrival)
    -> bool | None`` (its handover record); None or its absence falls back to: referred to
    protection at triage and acknowledged by a protection officer.
    """
    try:
        from retorno.protection.queries import minor_handed_over
    except ImportError:
        minor_handed_over = None
    if minor_handed_over is not None:
        answer = minor_handed_over(arrival)
        if answer is not None:
            return bool(answer)
    triage = getattr(arrival, "triage", None)
    return bool(triage and triage.refer_to_protection and triage.protection_acknowledged_at)


def flight_minors(flight: Flight, *, arrivals: list[Arrival] | None = None) -> list[dict]:
    """Minors on the flight (present or expected) with whether each travels alone and is handed over.

    ``arrivals`` are the flight's arrivals when the caller has already read them (the flight page).
    """
    minors = []
    for arrival in flight_arrivals(flight) if arrivals is None else arrivals:
        if arrival.status == Arrival.Status.NO_SHOW or not arrival_is_minor(arrival):
            continue
        alone = arrival_is_unaccompanied_minor(arrival)
        minors.append(
            {
                "arrival": arrival,
                "age": arrival_age(arrival),
                "alone": alone,
                "triaged": hasattr(arrival, "triage"),
                "handed": minor_handed_to_protection(arrival) if alone else None,
            }
        )
    return minors


def flight_close_blockers(flight: Flight, *, arrivals: list[Arrival] | None = None) -> list[dict]:
    """Why the flight cannot close: present minors not triaged, unaccompanied ones not handed over."""
    blockers = []
    for minor in flight_minors(flight, arrivals=arrivals):
        arrival = minor["arrival"]
        if not arrival.is_present:
            continue
        if not minor["triaged"]:
            blockers.append({"arrival": arrival, "why": "minor_not_triaged"})
        elif minor["alone"] and not minor["handed"]:
            blockers.append({"arrival": arrival, "why": "minor_not_handed"})
    return blockers


def flight_overview(flight: Flight, *, arrival_ids=None) -> list[dict]:
    """The flight's list with who returns again, who carries a protection flag, which minors travel alone.

    ``arrival_ids`` narrows it to those rows (the one row a check-in re-renders), so that a
    check-in costs the same whatever the size of the flight.
    """
    arrivals = flight_arrivals(flight)
    if arrival_ids is not None:
        arrivals = arrivals.filter(pk__in=list(arrival_ids))
    arrivals = list(arrivals)
    person_ids = {a.person_id or (a.manifest_row.person_id if a.manifest_row_id else None) for a in arrivals}
    person_ids.discard(None)
    priors = prior_arrival_counts(person_ids, exclude_flight=flight)
    flagged = persons_with_protection_flag(person_ids, exclude_flight=flight)
    rows = []
    for arrival in arrivals:
        pid = arrival.person_id or (arrival.manifest_row.person_id if arrival.manifest_row_id else None)
        rows.append(
            {
                "arrival": arrival,
                "person_id": pid,
                "prior_arrivals": priors.get(pid, 0),
                "protection_flag": pid in flagged,
                "minor": arrival_is_minor(arrival),
                "alone": arrival_is_unaccompanied_minor(arrival),
            }
        )
    return rows


def person_arrivals(person) -> QuerySet[Arrival]:
    """A person's arrivals, oldest first (their return numbers)."""
    return person.arrivals.filter(status__in=Arrival.PRESENT).select_related("flight").order_by("checked_in_at", "id")


# --- Transport ------------------------------------------------------------------------


def fare_for(municipality, currency: str) -> Fare | None:
    """The fare to a municipality: its own if recorded, else its department's."""
    if municipality is None:
        return None
    fares = Fare.objects.filter(is_active=True, currency=currency, department_id=municipality.department_id)
    return fares.filter(municipality=municipality).first() or fares.filter(municipality__isnull=True).first()


def current_allocation(flight: Flight) -> AllocationRun | None:
    return flight.allocation_runs.order_by("-run_at", "-id").first()


def effective_transport(flight: Flight) -> dict[int, dict]:
    """arrival id -> {"allocated", "by_override", "message_es", "message_en", "decision"}.

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
    if run is not None:
        for decision in run.decisions:
            state = effective.get(decision["arrival"], {})
            in_need = decision["reason"] not in ("can_pay", "family_collecting")
            if in_need and not state.get("allocated") and decision["arrival"] not in ticketed:
                unmet += 1
                if decision.get("fare"):
                    unmet_cost += Decimal(decision["fare"])
    return {
        "budget": amount,
        "currency": currency,
        "spent": spent,
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
