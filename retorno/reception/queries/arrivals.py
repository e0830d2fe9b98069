"""Arrivals: the flags shown before and at arrival, age and minors, what triage found."""

from django.db.models import Count, QuerySet

from retorno.reception import hooks
from retorno.reception.models import (
    Arrival,
    Flight,
    Triage,
)

ADULT_AGE = 18


def flight_arrivals(flight: Flight) -> QuerySet[Arrival]:
    """Arrivals of a flight with what the lists show, in manifest order then walk-ins."""
    return (
        flight.arrivals.select_related("person", "manifest_row", "triage", "ticket")
        .defer("manifest_row__raw")  # the cells as read: only the import's preview shows them
        .exclude(manifest_row__withdrawn=True)
        .order_by("manifest_row__row_number", "id")
    )


def persons_with_protection_flag(person_ids, *, exclude_flight: Flight | None = None) -> set[int]:
    """Which of these persons carry a protection flag (a flag only, never its reason).

    The protection app answers through ``hooks.register_protection_flags``; with nothing
    registered, a person is flagged when an earlier arrival was referred to protection.
    """
    ids = [i for i in person_ids if i]
    if not ids:
        return set()
    provided = hooks.protection_flags(ids)
    if provided is not None:
        return provided
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

    Protection's custody record answers through ``hooks.register_minor_handover``; when it holds
    nothing for this arrival (or nothing is registered): referred to protection at triage and
    acknowledged by a protection officer.
    """
    answer = hooks.minor_handover(arrival)
    if answer is not None:
        return answer
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
