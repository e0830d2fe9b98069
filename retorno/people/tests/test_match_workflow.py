"""Identity matching in the registry: the key table, candidates, the review queue, merge and unmerge."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from retorno.audit.models import AuditEvent
from retorno.geo.models import Municipality
from retorno.people import match_actions
from retorno.people.actions import consent_record, contact_add, identifier_add, identifier_remove, person_update
from retorno.people.actions import person_create as create
from retorno.people.identity import person_candidates, person_match_record
from retorno.people.matching import blocking_keys
from retorno.people.models import (
    Consent,
    Identifier,
    MatchCandidatePair,
    NotSamePerson,
    Person,
    PersonMatchKey,
    ordered_pair,
)
from retorno.people.queries import remigration_count

pytestmark = pytest.mark.django_db


def keys_of(person: Person) -> set[str]:
    return set(PersonMatchKey.objects.filter(person=person).values_list("key", flat=True))


def expected_keys(person: Person) -> set[str]:
    return blocking_keys(person_match_record(Person.objects.get(pk=person.pk)))


def typed_again(clerk, **extra) -> Person:
    """The same man typed by another clerk: no accents, no second surname, day and month swapped, no CUI."""
    fields = {
        "given_names": "Jose Luis",
        "first_surname": "Xicara",
        "sex": "M",
        "birth_date": datetime.date(1990, 3, 4),
        "origin_municipality": Municipality.objects.get(code="1301"),
    }
    fields.update(extra)
    return create(actor=clerk, **fields)


# --- The key table follows every write -------------------------------------------------


def test_keys_written_on_create_update_and_identifiers(clerk, person):
    assert keys_of(person) == expected_keys(person) and keys_of(person)
    before = keys_of(person)
    person_update(actor=clerk, person=person, first_surname="Xitumul")
    assert keys_of(person) == expected_keys(person) != before
    identifier = identifier_add(actor=clerk, person=person, kind=Identifier.Kind.PASSPORT, value="G-123 456")
    assert any(k.startswith("o:") for k in keys_of(person))
    identifier_remove(actor=clerk, identifier=identifier)
    assert not any(k.startswith("o:") for k in keys_of(person))
    assert keys_of(person) == expected_keys(person)


def test_merged_away_record_loses_its_keys_and_gets_them_back(clerk, manager, person):
    other = typed_again(clerk)
    merge = match_actions.person_merge(actor=manager, keep=person, merge=other)
    assert keys_of(other) == set()
    match_actions.person_unmerge(actor=manager, merge=merge)
    assert keys_of(other) == expected_keys(other) and keys_of(other)


# --- Candidates --------------------------------------------------------------------------


def test_candidates_found_despite_accents_missing_surname_and_swapped_date(person):
    record = {
        "given_names": "Jose Luis",
        "first_surname": "Xicara",
        "second_surname": "",
        "sex": "M",
        "birth_date": "1990-03-04",
        "cui": "",
        "department": "13",
        "municipality": "1301",
    }
    found = person_candidates(record=record)
    assert [p for p, _ in found] == [person]
    codes = {r.code for r in found[0][1].reasons}
    assert "birth_date_day_month_swapped" in codes


def test_registration_queues_the_likely_duplicate(clerk, person):
    other = typed_again(clerk)
    pair = MatchCandidatePair.objects.get()
    assert (pair.person_a_id, pair.person_b_id) == ordered_pair(person.pk, other.pk)
    assert pair.status == "open" and pair.band in ("needs_review", "duplicate")


def test_never_proposed_again_after_not_the_same(clerk, person):
    other = typed_again(clerk)
    match_actions.not_same_record(actor=clerk, a=person, b=other)
    assert MatchCandidatePair.objects.get().status == "not_same"
    found = person_candidates(record=person_match_record(other), person_id=other.pk)
    assert person not in [p for p, _ in found]
    person_update(actor=clerk, person=other, second_surname="Tzul")  # an edit re-queues likely matches...
    assert MatchCandidatePair.objects.get().status == "not_same"  # ...but not this pair
    with pytest.raises(ValidationError):
        match_actions.person_merge(actor=clerk, keep=person, merge=other)
    assert AuditEvent.objects.filter(action="person.not_same", person_id=person.pk).exists()


def test_illegal_pair_moves_are_refused(clerk, manager, person):
    typed_again(clerk)
    pair = MatchCandidatePair.objects.get()
    match_actions.not_same_record(actor=clerk, a=pair.person_a, b=pair.person_b)
    with pytest.raises(ValidationError):
        match_actions.pair_set_status(actor=manager, pair=pair, status="merged")


# --- Merge and unmerge lose nothing ---------------------------------------------------------


def related_counts(person: Person) -> dict[str, int]:
    from retorno.people.match_actions import _relations

    return {
        f"{model._meta.label_lower}.{field}": model.objects.filter(**{field: person}).count()
        for model, field in _relations()
    }


def open_flight_on(clerk, day: str):
    from retorno.reception import actions as reception
    from retorno.reception.models import Flight

    flight = reception.flight_create(
        actor=clerk, date=datetime.date.fromisoformat(day), origin="Mesa", carrier="ICE Air"
    )
    flight = reception.flight_set_status(actor=clerk, flight=flight, status=Flight.Status.ARRIVED, arrived_count=1)
    return reception.flight_set_status(actor=clerk, flight=flight, status=Flight.Status.RECEPTION_OPEN)


@pytest.fixture
def duplicate_with_history(clerk, protection_officer, person):
    """A second record of the same man, with an arrival, triage, follow-ups, a protection referral and case,
    consents, a contact and a passport, made through the other apps' own actions."""
    from retorno.protection.actions import case_open
    from retorno.reception import actions as reception

    other = typed_again(clerk)
    identifier_add(actor=clerk, person=other, kind=Identifier.Kind.PASSPORT, value="G1234567")
    contact_add(actor=clerk, person=other, kind="phone", value="+502 5555 1234")
    consent_record(actor=clerk, person=other, purpose=Consent.Purpose.FOLLOW_UP, given=True)
    arrival = reception.walk_in_register(actor=clerk, flight=open_flight_on(clerk, "2026-03-02"), person=other)
    reception.triage_record(actor=clerk, arrival=arrival, refer_to_protection=True)
    case_open(actor=protection_officer, person=other, kind="trafficking")
    return other


def test_merge_and_unmerge_round_trip_loses_nothing(manager, person, duplicate_with_history):
    other = duplicate_with_history
    kept_before, other_before = related_counts(person), related_counts(other)
    assert sum(other_before.values()) >= 6  # arrival, follow-ups, protection, consent, contact, passport
    merge = match_actions.person_merge(actor=manager, keep=person, merge=other)

    other.refresh_from_db()
    assert other.merged_into == person
    after = related_counts(person)
    assert all(after[k] == kept_before[k] + other_before[k] for k in after)
    assert sum(related_counts(other).values()) == 0
    assert person.identifiers.filter(value="G1234567").exists()
    events = AuditEvent.objects.filter(action="person.merge")
    assert {e.person_id for e in events} == {person.pk, other.pk}
    assert events.first().new["moved"] == merge.moved

    match_actions.person_unmerge(actor=manager, merge=merge)
    other.refresh_from_db()
    assert other.merged_into is None
    assert related_counts(person) == kept_before and related_counts(other) == other_before
    assert {e.person_id for e in AuditEvent.objects.filter(action="person.unmerge")} == {person.pk, other.pk}
    with pytest.raises(ValidationError):
        match_actions.person_unmerge(actor=manager, merge=merge)


def test_a_row_that_cannot_move_stays_and_is_listed(clerk, manager, person):
    other = typed_again(clerk)
    for who in (person, other):
        identifier_add(actor=clerk, person=who, kind=Identifier.Kind.PASSPORT, value="G1234567")
    merge = match_actions.person_merge(actor=manager, keep=person, merge=other)
    assert merge.stayed and other.identifiers.count() == 1 and person.identifiers.count() == 1


def test_audit_rows_are_never_rewritten(manager, person, duplicate_with_history):
    other = duplicate_with_history
    before = set(AuditEvent.objects.filter(person_id=other.pk).values_list("pk", flat=True))
    match_actions.person_merge(actor=manager, keep=person, merge=other)
    assert before <= set(AuditEvent.objects.filter(person_id=other.pk).values_list("pk", flat=True))


# --- Re-migration --------------------------------------------------------------------------


def test_remigration_counted_once_a_merge_joins_two_arrivals(manager, clerk, person, duplicate_with_history):
    from retorno.reception import actions as reception

    assert remigration_count() == 0
    reception.walk_in_register(actor=clerk, flight=open_flight_on(clerk, "2026-05-02"), person=person)
    assert remigration_count() == 0  # two records, one arrival each
    match_actions.person_merge(actor=manager, keep=person, merge=duplicate_with_history)
    assert remigration_count() == 1
    assert remigration_count(start=datetime.date(2026, 5, 1)) == 1
    assert remigration_count(end=datetime.date(2026, 4, 1)) == 0
    assert NotSamePerson.objects.count() == 0
