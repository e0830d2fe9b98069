"""What the manifest says reaches the person at check-in, without overwriting what a clerk confirmed;
the flight page shows the manifest's own passenger No., the right Expected count and the link made."""

import datetime

import pytest

from retorno.geo.models import Country, Municipality
from retorno.people.actions import person_create
from retorno.people.models import Identifier
from retorno.reception import actions
from retorno.reception.models import Flight
from retorno.reception.queries import flight_counts

from .conftest import import_manifest, open_reception

pytestmark = pytest.mark.django_db

HEADER = "Manifiesto ICE Air\nNo.;Nombres;Primer Apellido;Segundo Apellido;Fecha de Nacimiento;Nacionalidad;Municipio;Departamento;Número A\n"
ROWS = [
    "1;Marta;Batz;Tzul;14/02/1990;Guatemala;Momostenango;Totonicapán;A123456789",
    "2;Pedro;Quej;Cux;15/03/1985;Guatemala;Cobán;Alta Verapaz;",
]


def data(rows=ROWS) -> bytes:
    return (HEADER + "\n".join(rows) + "\n").encode("utf-8")


@pytest.fixture
def announced(clerk) -> Flight:
    return actions.flight_create(
        actor=clerk, date=datetime.date(2026, 3, 2), origin="Alexandria", carrier="ICE Air", expected_count=20
    )


def test_expected_is_the_announced_number_until_the_manifest_then_the_manifest(announced, clerk, client_for):
    assert flight_counts(announced)["expected"] == 20
    page = client_for(clerk).get(f"/reception/flights/{announced.pk}/").content.decode()
    assert 'data-count="expected">20<' in page
    import_manifest(announced, clerk, data())
    assert flight_counts(announced)["expected"] == 2


def test_the_flight_list_shows_the_manifests_own_passenger_number(announced, clerk, client_for, api_for):
    import_manifest(announced, clerk, data())
    rows = api_for(clerk).get(f"/api/v1/reception/flights/{announced.pk}/arrivals").json()
    assert [(r["passenger_number"], r["row_number"]) for r in rows] == [(1, 3), (2, 4)]
    page = client_for(clerk).get(f"/reception/flights/{announced.pk}/").content.decode()
    assert "<td>1</td>" in page and "<td>3</td>" not in page


def test_check_in_carries_nationality_origin_and_a_number_to_a_new_person(announced, clerk):
    import_manifest(announced, clerk, data())
    open_reception(announced, clerk)
    marta = announced.arrivals.get(manifest_row__row_number=3)
    arrival = actions.arrival_check_in(actor=clerk, arrival=marta)

    person = arrival.person
    assert person.nationality.alpha2 == "GT"
    assert (person.origin_municipality.name, person.origin_municipality.department.name) == (
        "Momostenango",
        "Totonicapán",
    )
    assert person.identifiers.get(kind=Identifier.Kind.US_ALIEN_NUMBER).normalised == "A123456789"


def test_check_in_never_overwrites_what_a_clerk_confirmed(announced, clerk):
    pedro = person_create(
        actor=clerk,
        given_names="Pedro",
        first_surname="Quej",
        second_surname="Cux",
        birth_date=datetime.date(1985, 3, 15),
        nationality=Country.objects.get(alpha2="MX"),
        origin_municipality=Municipality.objects.get(name="Totonicapán"),
    )
    import_manifest(announced, clerk, data())
    open_reception(announced, clerk)
    arrival = actions.arrival_check_in(actor=clerk, arrival=announced.arrivals.get(manifest_row__row_number=4))

    assert arrival.person == pedro
    pedro.refresh_from_db()
    assert pedro.nationality.alpha2 == "MX" and pedro.origin_municipality.name == "Totonicapán"


def test_the_match_column_follows_the_check_in(announced, clerk, client_for):
    import_manifest(announced, clerk, data())
    open_reception(announced, clerk)
    client = client_for(clerk)
    assert "No está en el registro" in client.get(f"/reception/flights/{announced.pk}/").content.decode()
    for arrival in announced.arrivals.all():
        actions.arrival_check_in(actor=clerk, arrival=arrival)
    page = client.get(f"/reception/flights/{announced.pk}/").content.decode()
    assert "No está en el registro" not in page
    assert page.count("Vinculado en el registro de ingreso") == 2
