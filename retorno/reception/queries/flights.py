"""Flights: who may see which flight, the one-object fetches, the flight's figures, list and closing."""

from collections import Counter

from django.db.models import Count, Q, QuerySet
from django.http import Http404, HttpRequest

from retorno.accounts.access import can, require
from retorno.accounts.models import User
from retorno.audit.actions import audit_event
from retorno.audit.models import AuditEvent
from retorno.reception.audit_actions import AuditAction
from retorno.reception.models import (
    Arrival,
    Flight,
    ManifestImport,
    Ticket,
    Triage,
)
from retorno.reception.queries.arrivals import (
    arrival_is_minor,
    arrival_is_unaccompanied_minor,
    flight_arrivals,
    flight_minors,
    persons_with_protection_flag,
    prior_arrival_counts,
)


def flights_visible_to(user: User) -> QuerySet[Flight]:
    """Flights the user may open: reception staff and managers all, protection officers
    all (they see only the minors list of each); nobody else any."""
    if can(user, "reception.flight_view") or can(user, "reception.minors_view"):
        return Flight.objects.all()
    return Flight.objects.none()


def flights_listed(user: User, *, status: str = "", code: str = "", on=None) -> QuerySet[Flight]:
    """The flight list: newest first, optionally one status, a code fragment or one day; each flight
    with ``present``, how many of its people arrived."""
    rows = (
        flights_visible_to(user)
        .annotate(present=Count("arrivals", filter=Q(arrivals__status__in=Arrival.PRESENT)))
        .order_by("-date", "-expected_time", "-id")
    )
    if status in Flight.Status.values:
        rows = rows.filter(status=status)
    if code.strip():
        rows = rows.filter(code__icontains=code.strip())
    if on:
        rows = rows.filter(date=on)
    return rows


# The read audit each page writes when it names its section: (action, with the person's id).
_SECTION_ACTIONS = {"arrival": AuditAction.ARRIVAL_VIEW, "minors": AuditAction.MINORS_VIEW}


def _audit_read(*, user: User, obj, section: str, request, person_id: int | None = None) -> None:
    audit_event(
        actor=user,
        kind=AuditEvent.Kind.VIEW,
        action=_SECTION_ACTIONS[section],
        obj=obj,
        person_id=person_id,
        section=section,
        request=request,
    )


def flight_get_for(
    *,
    user: User,
    flight_id: int,
    permission: str = "reception.flight_view",
    section: str = "",
    request: HttpRequest | None = None,
) -> Flight:
    """The flight if ``user`` holds ``permission``; 403 without it, 404 when it is not there.

    Given a ``section`` ("minors"), the read is audited: who looked at that part of the flight.
    """
    require(user, permission)
    try:
        flight = flights_visible_to(user).select_related("budget").get(pk=flight_id)
    except (Flight.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if section:
        _audit_read(user=user, obj=flight, section=section, request=request)
    return flight


def arrival_get_for(
    *,
    user: User,
    arrival_id: int,
    permission: str = "reception.flight_view",
    section: str = "",
    request: HttpRequest | None = None,
) -> Arrival:
    """The arrival if ``user`` holds ``permission`` and may see its flight; 403 / 404 otherwise.

    Given a ``section`` ("arrival"), the read of a registered person's arrival is audited.
    """
    require(user, permission)
    try:
        arrival = Arrival.objects.select_related("flight", "person", "manifest_row").get(
            pk=arrival_id, flight__in=flights_visible_to(user)
        )
    except (Arrival.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if section and arrival.person_id:
        _audit_read(user=user, obj=arrival, section=section, request=request, person_id=arrival.person_id)
    return arrival


def manifest_import_get_for(*, user: User, import_id: int) -> ManifestImport:
    require(user, "reception.flight_manage")
    try:
        return ManifestImport.objects.select_related("flight").get(pk=import_id, flight__in=flights_visible_to(user))
    except (ManifestImport.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


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
    reintegration intake), protection referrals and the other referrals (shelter); never the bare
    flags. A health item's referral is the item itself, counted once."""
    from django.apps import apps

    from retorno.reception.models import WorkItem
    from retorno.referrals.models import Referral

    total = WorkItem.objects.filter(arrival__flight=flight).exclude(status=WorkItem.Status.WITHDRAWN).count()
    arrival_ids = flight.arrivals.values("id")
    total += Referral.objects.filter(arrival_id__in=arrival_ids, work_item__isnull=True).count()
    try:
        protection_referrals = apps.get_model("protection.ProtectionReferral")
    except LookupError:  # protection sits above reception and may not be installed
        return total
    return total + protection_referrals.objects.filter(arrival_id__in=arrival_ids).count()


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
                # Asked here, not in the template: a missing one-to-one raises there, and the
                # template engine then lists the arrival's attributes (dir()) on every row.
                "triaged": hasattr(arrival, "triage"),
                "ticketed": hasattr(arrival, "ticket"),
            }
        )
    return rows


def person_arrivals(person) -> QuerySet[Arrival]:
    """A person's arrivals, oldest first (their return numbers)."""
    return person.arrivals.filter(status__in=Arrival.PRESENT).select_related("flight").order_by("checked_in_at", "id")


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


def flight_recent_imports(flight: Flight) -> list[ManifestImport]:
    """The flight's last five manifest imports, newest first."""
    return list(flight.manifest_imports.defer("content", "mapping")[:5])  # not the files themselves
