"""Check-in of a manifest passenger the import could not link: likely matches first, then the clerk decides."""

import datetime

import pytest

from retorno.people.models import Person
from retorno.reception import actions
from retorno.reception.models import Arrival

from .conftest import import_manifest, manifest_csv, open_reception

pytestmark = pytest.mark.django_db

DESK = {"clerk", "manager"}

# As typed on the US list: no accents, second surname missing, day and month swapped (4 March, not 3 April).
TYPED = [
    ("Jose Luis", "Xicara", "", "M", "04/03/1990", "", "N"),
    ("Marta", "Chox", "Pop", "F", "20/12/2001", "", "N"),
]


@pytest.fixture
def typed_flight(flight, clerk, person):
    import_manifest(flight, clerk, manifest_csv(TYPED))
    return open_reception(flight, clerk)


def earlier_flight(clerk):
    earlier = actions.flight_create(
        actor=clerk, date=datetime.date(2025, 11, 20), origin="Alexandria, Luisiana", carrier="ICE Air", code="ICE-77"
    )
    return open_reception(earlier, clerk)


def arrival_of(flight, name: str) -> Arrival:
    return next(a for a in flight.arrivals.select_related("manifest_row") if name in a.manifest_row.full_name)


def checkin_url(arrival: Arrival) -> str:
    return f"/reception/arrivals/{arrival.pk}/checkin/"


def test_the_typed_variant_was_not_linked_at_import(typed_flight, person):
    row = arrival_of(typed_flight, "Jose Luis").manifest_row
    assert row.person_id is None and row.match in ("none", "ambiguous")


def test_check_in_shows_the_likely_match_with_reasons(typed_flight, person, clerk, client_for):
    arrival = arrival_of(typed_flight, "Jose Luis")
    response = client_for(clerk).post(checkin_url(arrival), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#decision"
    page = response.content.decode()
    assert "José Luis Xicará Tzul" in page and f'data-person="{person.pk}"' in page
    assert 'name="person"' in page and 'name="confirm_new"' in page
    assert 'class="reasons"><span class="badge' in page  # the reasons, in words
    arrival.refresh_from_db()
    assert arrival.status == Arrival.Status.EXPECTED  # nothing decided yet


def test_without_htmx_the_decision_is_a_page(typed_flight, person, clerk, client_for):
    arrival = arrival_of(typed_flight, "Jose Luis")
    page = client_for(clerk).post(checkin_url(arrival)).content.decode()
    assert "José Luis Xicará Tzul" in page and "hx-post" not in page.split('id="likely-matches"')[0].split("<form")[-1]
    assert Person.objects.count() == 1


def test_linking_checks_in_the_registered_person_as_a_second_return(typed_flight, person, clerk, client_for):
    actions.walk_in_register(actor=clerk, flight=earlier_flight(clerk), person=person)
    arrival = arrival_of(typed_flight, "Jose Luis")
    response = client_for(clerk).post(checkin_url(arrival), {"person": person.pk}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and f'id="arrival-{arrival.pk}"' in response.content.decode()
    arrival.refresh_from_db()
    assert arrival.status == Arrival.Status.CHECKED_IN
    assert arrival.person == person and arrival.return_number == 2
    assert Person.objects.count() == 1


def test_confirming_new_registers_a_new_person(typed_flight, person, clerk, client_for):
    arrival = arrival_of(typed_flight, "Jose Luis")
    response = client_for(clerk).post(checkin_url(arrival), {"confirm_new": "1"})
    assert response.status_code == 302
    arrival.refresh_from_db()
    assert arrival.status == Arrival.Status.CHECKED_IN and arrival.person != person
    assert arrival.person.first_surname == "Xicara" and arrival.return_number == 1
    assert Person.objects.count() == 2


def test_a_passenger_with_no_likely_match_checks_in_at_once(typed_flight, clerk, client_for):
    arrival = arrival_of(typed_flight, "Marta")
    response = client_for(clerk).post(checkin_url(arrival), HTTP_HX_REQUEST="true")
    assert "HX-Retarget" not in response
    arrival.refresh_from_db()
    assert arrival.status == Arrival.Status.CHECKED_IN and arrival.person.full_name == "Marta Chox Pop"


def test_roles_without_check_in_may_neither_see_nor_decide(typed_flight, person, all_personas, client_for):
    arrival = arrival_of(typed_flight, "Jose Luis")
    for username, user in all_personas.items():
        if username in DESK:
            continue
        client = client_for(user)
        assert client.post(checkin_url(arrival), HTTP_HX_REQUEST="true").status_code == 403, username
        assert client.post(checkin_url(arrival), {"person": person.pk}).status_code == 403, username
        assert client.post(checkin_url(arrival), {"confirm_new": "1"}).status_code == 403, username
    arrival.refresh_from_db()
    assert arrival.status == Arrival.Status.EXPECTED and Person.objects.count() == 1


def test_the_check_in_screen_has_the_decision_panel(typed_flight, clerk, client_for):
    page = client_for(clerk).get(f"/reception/flights/{typed_flight.pk}/checkin/").content.decode()
    assert 'id="decision"' in page


def test_api_likely_matches_then_link(typed_flight, person, clerk, api_for, all_personas):
    arrival = arrival_of(typed_flight, "Jose Luis")
    url = f"/api/v1/reception/arrivals/{arrival.pk}/likely-matches"
    for username, user in all_personas.items():
        if username not in DESK:
            assert api_for(user).get(url).status_code == 403, username
    found = api_for(clerk).get(url).json()
    assert [m["person"]["id"] for m in found] == [person.pk]
    assert found[0]["reasons"] and found[0]["explanation"]
    response = api_for(clerk).post(
        f"/api/v1/reception/arrivals/{arrival.pk}/checkin", {"person_id": person.pk}, content_type="application/json"
    )
    assert response.status_code == 200 and response.json()["person_id"] == person.pk
    assert api_for(clerk).get(url).json() == []  # decided: nothing left to ask
    assert api_for(clerk).get("/api/v1/reception/arrivals/999999/likely-matches").status_code == 404
