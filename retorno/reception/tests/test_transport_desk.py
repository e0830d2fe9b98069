"""Transport at the desk (issue 9, items 10 and 11): tickets in bulk, a ticketed person stays on the
table after a re-allocation, the page shows allocated and spent, explanations in the user's language."""

import re

import pytest

from retorno.reception import actions
from retorno.reception.models import Ticket

from .conftest import import_manifest, manifest_csv, open_reception, synthetic_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def twelve(flight, clerk, fares):
    import_manifest(flight, clerk, manifest_csv(synthetic_rows(12)))
    open_reception(flight, clerk)
    arrivals = []
    for i, arrival in enumerate(flight.arrivals.order_by("id")):
        arrival = actions.arrival_check_in(actor=clerk, arrival=arrival)
        actions.need_assess(
            actor=clerk,
            arrival=arrival,
            can_pay=False,
            family_collecting=False,
            destination=fares["1301"],
            vulnerability=i % 3,
        )
        arrivals.append(arrival)
    return arrivals


def test_a_ticketed_person_stays_on_the_table_after_a_reallocation(flight, clerk, twelve, client_for):
    run = actions.allocation_run(actor=clerk, flight=flight)
    first = next(d["arrival"] for d in run.decisions if d["allocated"])
    actions.ticket_issue(actor=clerk, arrival=next(a for a in twelve if a.pk == first))
    again = actions.allocation_run(actor=clerk, flight=flight)
    assert first in {d["arrival"] for d in again.decisions}
    page = client_for(clerk).get(f"/reception/flights/{flight.pk}/transport/").content.decode()
    table = page.split('id="decisions"')[1]
    assert f"/reception/arrivals/{first}/" in table
    assert table.count("<tr>") == 12 + 1  # every assessed person, header included


def test_the_page_shows_allocated_and_spent(flight, clerk, twelve, client_for):
    run = actions.allocation_run(actor=clerk, flight=flight)
    first = next(d["arrival"] for d in run.decisions if d["allocated"])
    actions.ticket_issue(actor=clerk, arrival=next(a for a in twelve if a.pk == first))
    page = client_for(clerk).get(f"/reception/flights/{flight.pk}/transport/").content.decode()
    # (the money format itself is another item's: only the figures are checked here)
    assert re.search(r'id="allocated">[^<]*\b120[.,]00\b', page)  # ten tickets of 12.00 allocated
    assert re.search(r'id="spent">[^<]*\b12[.,]00\b', page)  # one issued


def test_tickets_are_issued_in_bulk_for_the_allocation(flight, clerk, twelve, monitor, client_for):
    actions.allocation_run(actor=clerk, flight=flight)
    assert client_for(monitor).post(f"/reception/flights/{flight.pk}/transport/tickets/").status_code == 403
    client_for(clerk).post(f"/reception/flights/{flight.pk}/transport/tickets/")
    assert Ticket.objects.filter(flight=flight).count() == 10
    client_for(clerk).post(f"/reception/flights/{flight.pk}/transport/tickets/")  # again: nothing more
    assert Ticket.objects.filter(flight=flight).count() == 10


def test_tickets_in_bulk_through_the_api(flight, clerk, twelve, monitor, api_for):
    actions.allocation_run(actor=clerk, flight=flight)
    assert api_for(monitor).post(f"/api/v1/reception/flights/{flight.pk}/tickets").status_code == 403
    response = api_for(clerk).post(f"/api/v1/reception/flights/{flight.pk}/tickets")
    assert response.status_code == 201 and len(response.json()) == 10


@pytest.mark.parametrize(("language", "word"), [("es", "vulnerabilidad"), ("en", "vulnerability")])
def test_explanations_are_rendered_in_the_user_language(flight, clerk, twelve, client_for, language, word):
    actions.allocation_run(actor=clerk, flight=flight)
    client = client_for(clerk)
    client.post("/i18n/setlang/", {"language": language})
    table = client.get(f"/reception/flights/{flight.pk}/transport/").content.decode().split('id="decisions"')[1]
    assert word in table
    other = "vulnerability" if language == "es" else "vulnerabilidad"
    assert other not in table
