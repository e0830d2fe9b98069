"""Every read of the reception app, through what the user may see."""

from collections import Counter
from decimal import Decimal

from django.db.models import Count, QuerySet
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


def flights_listed(user: User, *, status: str = "", code: str = "", on=None) -> QuerySet[Flight]:
    """The flight list: newest first, optionally one status, a code fragment or one day."""
    rows = flights_visible_to(user).order_by("-date", "-expected_time", "-id")
    if status in Flight.Status.values:
        rows = rows.filter(status=status)
    if code.strip():
        rows = rows.filter(code__icontains=code.strip())
    if on:
        rows = rows.filter(date=on)
    return rows


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
    triages = Triage.objects.filter(arrival__flight=flight).aggregate(triaged=Count("id"))
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
        "referred": flight_referrals_count(flight),
        "transported": Ticket.objects.filter(flight=flight).count(),
    }


def flight_referrals_count(flight: Flight) -> int:
    """The work triage handed on for this flight: live work items (psychosocial, health, DPI,
    reintegration intake), protection referrals and shelter referrals; never the bare flags."""
    from django.apps import apps

    from retorno.reception.models import WorkItem

    total = WorkItem.objects.filter(arrival__flight=flight).exclude(status=WorkItem.Status.WITHDRAWN).count()
    arrival_ids = flight.arrivals.values("id")
    for label in ("protection.ProtectionReferral", "referrals.Referral"):
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        total += model.objects.filter(arrival_id__in=arrival_ids).count()
    return total


def work_items_for(*, user: User, kind: str):
    """The waiting items of one kind, oldest first, for a team allowed to see that queue."""
    from retorno.reception.models import WorkItem

    if kind not in WorkItem.Kind.values or not can(user, f"reception.work_{kind}"):
        return WorkItem.objects.none()
    return (
        WorkItem.objects.filter(kind=kind, status=WorkItem.Status.OPEN)
        .select_related("person", "arrival__flight")
        .order_by("created_at", "id")
    )


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


def flight_close_preview(flight: Flight) -> dict:
    """What closing the flight will do, by name: who is still expected (marked "did not arrive"),
    who checked in but was not triaged, and what stops the closing (``blockers``)."""
    arrivals = flight.arrivals.exclude(manifest_row__withdrawn=True).select_related("person", "manifest_row")
    return {
        "no_shows": list(arrivals.filter(status=Arrival.Status.EXPECTED).order_by("manifest_row__row_number", "id")),
        "untriaged": list(arrivals.filter(status__in=Arrival.PRESENT, triage__isnull=True).order_by("id")),
        "blockers": flight_close_blockers(flight) if flight.status == Flight.Status.RECEPTION_OPEN else [],
    }


def flight_untriaged(flight: Flight) -> list[Arrival]:
    """Present arrivals with no triage (the closed flight's summary lists them)."""
    return list(
        flight.arrivals.filter(status__in=Arrival.PRESENT, triage__isnull=True)
        .select_related("person", "manifest_row")
        .order_by("id")
    )


def flight_no_shows(flight: Flight) -> list[Arrival]:
    """Manifest passengers who did not arrive."""
    return list(
        flight.arrivals.filter(status=Arrival.Status.NO_SHOW, manifest_row__withdrawn=False)
        .select_related("person", "manifest_row")
        .order_by("manifest_row__row_number", "id")
    )


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


def decision_text(decision: dict | None) -> str:
    """A stored allocation decision in the user's language (from its code and parameters)."""
    from django.utils.translation import get_language

    from retorno.reception.allocation import render

    if not decision:
        return ""
    language = get_language() or "es"
    if decision.get("params") is None:  # a run stored before decisions kept their parameters
        return decision.get("message_en" if language.startswith("en") else "message_es", "")
    return render(decision["reason"], decision["params"], language)


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


def triage_guardian_name(arrival: Arrival) -> str:
    """The guardian named on the consent in force for reintegration contact (minors), or ""."""
    from retorno.people.models import Consent
    from retorno.people.queries import consents_in_force

    if not arrival.person_id:
        return ""
    consent = consents_in_force(person=arrival.person).get(Consent.Purpose.REINTEGRATION)
    return consent.guardian_name if consent and consent.given else ""


def vulnerability_from_triage(triage, *, minor: bool) -> int:
    """A starting vulnerability (0–5) from what triage found; staff adjust it."""
    if triage is None:
        return 1 if minor else 0
    score = sum(
        [
            minor,
            triage.unaccompanied_minor,
            triage.refer_to_protection,
            triage.medical,
            triage.psychosocial,
            triage.shelter,
        ]
    )
    return min(5, int(score))


def transport_needs_table(flight: Flight) -> list[dict]:
    """One row per person present: the stored assessment, or a prefill (destination from the
    person's municipality, vulnerability from triage) that is saved only when staff save it."""
    from retorno.reception.models import NeedAssessment

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


def next_to_triage(arrival: Arrival) -> Arrival | None:
    """The next person present on the flight without a triage, after this one in manifest order
    (then from the top): "save and next passenger"."""
    waiting = list(
        arrival.flight.arrivals.filter(status__in=Arrival.PRESENT, triage__isnull=True)
        .exclude(pk=arrival.pk)
        .select_related("manifest_row")
        .order_by("manifest_row__row_number", "id")
    )

    def position(a: Arrival) -> tuple:
        return (a.manifest_row.row_number if a.manifest_row_id else 10**9, a.pk)

    here = position(arrival)
    return next((a for a in waiting if position(a) > here), waiting[0] if waiting else None)
