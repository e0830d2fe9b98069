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
