"""A clerk registering a walk-in meets a likely match and checks in the existing person."""

import datetime

import pytest

from retorno.people.models import Person

pytestmark = pytest.mark.browser


def test_clerk_links_a_walk_in_to_the_person_already_registered(page, sign_in, clerk, person):
    from retorno.reception import actions as reception
    from retorno.reception.models import Arrival, Flight

    flight = reception.flight_create(actor=clerk, date=datetime.date(2026, 3, 2), origin="Mesa", carrier="ICE Air")
    flight = reception.flight_set_status(actor=clerk, flight=flight, status=Flight.Status.ARRIVED, arrived_count=1)
    flight = reception.flight_set_status(actor=clerk, flight=flight, status=Flight.Status.RECEPTION_OPEN)

    sign_in(clerk)
    page.goto(f"{page.base_url}/reception/flights/{flight.pk}/walk-in/")
    page.fill("#id_given_names", "Jose Luis")
    page.fill("#id_first_surname", "Xicara")
    page.fill("#id_birth_date", "1990-03-04")  # day and month swapped
    page.click("button[type=submit].primary")

    match = page.locator("tr.likely-match")
    match.first.wait_for()
    assert "José Luis Xicará Tzul" in match.first.inner_text()
    assert "día y mes invertidos" in match.first.inner_text()  # the reason, in Spanish
    match.first.locator("button.link-person").click()
    page.wait_for_url("**/reception/arrivals/*/")

    arrival = Arrival.objects.get(flight=flight)
    assert arrival.person == person and Person.objects.count() == 1
