"""Reception's manifest matching on top of the engine: exact documents first, a score never links alone."""

import datetime

import pytest

from retorno.people.actions import identifier_add, person_create
from retorno.people.models import Identifier
from retorno.reception.matching import match_manifest_row

pytestmark = pytest.mark.django_db


def test_exact_documents_come_first(clerk, person):
    identifier_add(actor=clerk, person=person, kind=Identifier.Kind.PASSPORT, value="G 123 4567")
    assert match_manifest_row({"passport": "g1234567", "full_name": "Otro Nombre"}) == (person, "passport")


def test_a_typed_variant_is_left_to_the_clerk(person):
    # No accents, second surname missing, day and month swapped: likely, but never linked blind.
    assert match_manifest_row({"full_name": "Jose Luis Xicara", "birth_date": "1990-03-04"}) == (None, "none")


def test_exact_name_and_date_still_link(person):
    found = match_manifest_row({"full_name": "JOSE LUIS XICARA TZUL", "birth_date": datetime.date(1990, 4, 3)})
    assert found == (person, "name_birth_date")


def test_two_sure_candidates_are_ambiguous(clerk, person):
    person_create(
        actor=clerk,
        given_names="José Luis",
        first_surname="Xicará",
        second_surname="Tzul",
        birth_date=datetime.date(1990, 4, 3),
    )
    assert match_manifest_row({"full_name": "José Luis Xicará Tzul", "birth_date": "1990-04-03"}) == (
        None,
        "ambiguous",
    )


def test_a_stranger_is_none(person):
    assert match_manifest_row({"full_name": "Marta Chox Pop", "birth_date": "2001-12-20"}) == (None, "none")


def test_a_person_already_on_the_flight_is_never_proposed_for_another_passenger(clerk, person):
    """Two passengers of one flight are never one person: the check-in desk leaves out whoever
    is already linked on that flight, however well the names agree."""
    from retorno.reception import actions
    from retorno.reception.matching import arrival_likely_matches
    from retorno.reception.tests.conftest import import_manifest, manifest_csv, open_reception

    def typed_flight(code: str):
        flight = actions.flight_create(
            actor=clerk, date=datetime.date(2026, 3, 2), origin="Alexandria, Luisiana", carrier="ICE Air", code=code
        )
        import_manifest(flight, clerk, manifest_csv([("Jose Luis", "Xicara", "", "M", "04/03/1990", "", "N")]))
        flight = open_reception(flight, clerk)
        arrival = flight.arrivals.select_related("manifest_row").get()
        return flight, arrival

    _, arrival = typed_flight("ICE-201")
    assert [m["person"] for m in arrival_likely_matches(arrival)] == [person]

    flight, arrival = typed_flight("ICE-202")
    actions.walk_in_register(actor=clerk, flight=flight, person=person)
    assert arrival_likely_matches(arrival) == []
