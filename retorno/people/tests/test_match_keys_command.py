"""``manage.py match keys``: blocking keys for persons loaded before the key table existed."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from retorno.geo.models import Municipality
from retorno.people.identity import likely_matches, manifest_record, match_keys_refresh
from retorno.people.models import Identifier, Person, PersonMatchKey

pytestmark = pytest.mark.django_db


def legacy_registry() -> list[Person]:
    """Persons written straight to the table, as an old import did: no keys at all."""
    huehue = Municipality.objects.get(code="1301")
    persons = Person.objects.bulk_create(
        [
            Person(
                given_names="José Luis",
                first_surname="Xicará",
                second_surname="Tzul",
                sex="M",
                birth_date=datetime.date(1990, 4, 3),
                origin_municipality=huehue,
            ),
            Person(given_names="Marta", first_surname="Chox", second_surname="Pop", sex="F", cui="2456789011301"),
            Person(given_names="Ana", first_surname="Tum", birth_date=datetime.date(2011, 6, 15)),
        ]
    )
    Identifier.objects.create(person=persons[2], kind=Identifier.Kind.PASSPORT, value="G1234567", normalised="G1234567")
    return persons


def rows() -> list[tuple[str, int]]:
    return sorted(PersonMatchKey.objects.values_list("key", "person_id"))


def run(*args) -> str:
    out = StringIO()
    call_command("match", "keys", "--no-progress", *args, stdout=out)
    return out.getvalue()


def test_fills_the_keys_of_persons_created_without_them():
    persons = legacy_registry()
    assert not PersonMatchKey.objects.exists()
    assert likely_matches(manifest_record({"full_name": "Jose Luis Xicara", "birth_date": "1990-03-04"})) == []
    out = run("--chunk", "2")  # two batches
    assert out.startswith("3 persons")
    assert {pk for _, pk in rows()} == {p.pk for p in persons}
    # The typed variant now finds the registered person, as it would after a normal registration.
    found = likely_matches(manifest_record({"full_name": "Jose Luis Xicara", "birth_date": "1990-03-04"}))
    assert [m["person"].pk for m in found] == [persons[0].pk]


def test_same_keys_as_the_actions_write():
    persons = legacy_registry()
    run()
    built = rows()
    PersonMatchKey.objects.all().delete()
    for person in persons:
        match_keys_refresh(person)
    assert rows() == built


def test_running_twice_gives_the_same_rows():
    legacy_registry()
    first = run()
    before = sorted(PersonMatchKey.objects.values_list("id", "key", "person_id"))
    second = run()
    assert sorted(PersonMatchKey.objects.values_list("id", "key", "person_id")) == before
    assert "0 keys added, 0 keys removed" in second and "0 keys added" not in first


def test_stale_duplicate_and_merged_away_keys_are_removed():
    keep, gone, other = legacy_registry()
    run()
    expected = [r for r in rows() if r[1] != gone.pk]
    PersonMatchKey.objects.create(key="stale:key", person=keep)
    PersonMatchKey.objects.create(key=expected[0][0], person_id=expected[0][1])  # a duplicate row
    Person.objects.filter(pk=gone.pk).update(merged_into=keep)
    out = run()
    assert rows() == expected
    assert "0 keys added" in out
