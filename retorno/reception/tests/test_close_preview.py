"""Closing a flight shows what it will do and asks to confirm (issue 9, item 6)."""

import pytest
from django.core.exceptions import ValidationError

from retorno.reception import actions
from retorno.reception.models import Arrival, Flight

from .conftest import import_manifest, manifest_csv, open_reception, synthetic_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy_flight(flight, clerk):
    """Six adults: two checked in and triaged, one checked in untriaged, three still expected."""
    import_manifest(flight, clerk, manifest_csv(synthetic_rows(6)))
    open_reception(flight, clerk)
    arrivals = list(flight.arrivals.order_by("manifest_row__row_number"))
    for arrival in arrivals[:3]:
        done = actions.arrival_check_in(actor=clerk, arrival=arrival)
        if arrival in arrivals[:2]:
            actions.triage_record(actor=clerk, arrival=done, refreshments=True)
    return flight


def test_closing_without_confirmation_is_refused_and_changes_nothing(busy_flight, clerk):
    with pytest.raises(ValidationError) as refused:
        actions.flight_close(actor=clerk, flight=busy_flight)
    assert "3" in str(refused.value) and "1" in str(refused.value)
    busy_flight.refresh_from_db()
    assert busy_flight.status == Flight.Status.RECEPTION_OPEN
    assert busy_flight.arrivals.filter(status=Arrival.Status.NO_SHOW).count() == 0


def test_the_close_page_lists_no_shows_and_untriaged_then_confirms(busy_flight, clerk, client_for):
    client = client_for(clerk)
    response = client.post(f"/reception/flights/{busy_flight.pk}/status/", {"status": "closed"})
    assert response.status_code == 302 and response["Location"].endswith(f"/flights/{busy_flight.pk}/close/")
    page = client.get(response["Location"]).content.decode()
    busy_flight.refresh_from_db()
    assert busy_flight.status == Flight.Status.RECEPTION_OPEN  # nothing happened yet
    no_shows = page.split('id="close-no-shows"')[1].split("</section>")[0]
    untriaged = page.split('id="close-untriaged"')[1].split("</section>")[0]
    assert no_shows.count("<li>") == 3 and untriaged.count("<li>") == 1
    expected = busy_flight.arrivals.filter(status=Arrival.Status.EXPECTED)
    assert all(a.display_name in no_shows for a in expected)
    client.post(f"/reception/flights/{busy_flight.pk}/status/", {"status": "closed", "confirm": "1"})
    busy_flight.refresh_from_db()
    assert busy_flight.status == Flight.Status.CLOSED
    summary = client.get(f"/reception/flights/{busy_flight.pk}/summary/").content.decode()
    assert summary.split('id="summary-no-shows"')[1].split("</section>")[0].count("<li>") == 3
    assert summary.split('id="summary-untriaged"')[1].split("</section>")[0].count("<li>") == 1


def test_the_close_page_is_for_flight_managers_only(busy_flight, monitor, client_for):
    assert client_for(monitor).get(f"/reception/flights/{busy_flight.pk}/close/").status_code in (403, 404)


def test_api_preview_then_close_with_confirm(busy_flight, clerk, monitor, api_for):
    url = f"/api/v1/reception/flights/{busy_flight.pk}"
    assert api_for(monitor).get(url + "/close-preview").status_code in (403, 404)
    preview = api_for(clerk).get(url + "/close-preview").json()
    assert len(preview["no_shows"]) == 3 and len(preview["untriaged"]) == 1 and preview["can_close"]
    assert preview["no_shows"][0]["manifest_number"] is not None
    refused = api_for(clerk).post(url + "/status", {"status": "closed"}, content_type="application/json")
    assert refused.status_code == 422
    closed = api_for(clerk).post(
        url + "/status", {"status": "closed", "confirm": True}, content_type="application/json"
    )
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
