"""A clerk imports a 135-person manifest, checks everyone in from the keyboard, triages,
allocates transport and closes the flight."""

import datetime

import pytest

from retorno.reception import actions
from retorno.reception.models import Arrival, Fare, Flight

from .conftest import manifest_csv, synthetic_rows

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_clerk_runs_a_whole_flight(page, sign_in, clerk, tmp_path):
    from retorno.geo.models import Department, Municipality

    Fare.objects.create(department=Department.objects.get(code="13"), amount="12.00", currency="USD")
    flight = actions.flight_create(
        actor=clerk, date=datetime.date.today(), origin="Mesa, Arizona", carrier="ICE Air", code="ICE-135"
    )
    manifest = tmp_path / "manifiesto.csv"
    manifest.write_bytes(manifest_csv(synthetic_rows(135)))
    sign_in(clerk)

    # Import: upload, preview, commit.
    page.goto(f"{page.base_url}/reception/flights/{flight.pk}/manifest/")
    page.set_input_files("#id_file", str(manifest))
    page.click("button[type=submit].primary")
    page.wait_for_selector("#preview")
    assert page.locator("#preview tbody tr").count() == 135
    page.click("#commit")
    page.wait_for_selector("text=Manifiesto importado")

    # Open reception.
    page.click("button[value=arrived]")
    page.click("button[value=reception_open]")
    page.wait_for_selector("text=Registro de ingreso")
    page.click("text=Registro de ingreso")

    # Check-in: the first by typing and Enter, the rest by Enter on the selected row.
    page.wait_for_selector("#filter")
    page.keyboard.press("/")
    page.keyboard.type("elena aju ")
    page.keyboard.press("Enter")
    page.wait_for_selector("#manifest tr[data-status=checked_in]")
    for done in range(2, 136):
        page.keyboard.press("Enter")
        page.wait_for_function(f"document.querySelectorAll('#manifest tr[data-status=checked_in]').length >= {done}")
    assert "q=" not in page.url and Arrival.objects.filter(flight=flight, status="checked_in").count() == 135
    # The live figures refresh themselves (HTMX polling).
    page.wait_for_function("document.querySelector('[data-count=checked_in]').innerText === '135'", timeout=15_000)

    # Triage and assess two people; the rest are triaged quickly through the same form.
    huehue = Municipality.objects.get(code="1301")
    arrivals = list(Arrival.objects.filter(flight=flight).order_by("id"))
    for arrival in arrivals[:2]:
        page.goto(f"{page.base_url}/reception/arrivals/{arrival.pk}/")
        page.check("#id_t-refreshments")
        page.check("#id_t-transport_home")
        page.click("#triage-form button[type=submit] >> nth=1")
        page.wait_for_selector("text=Tamizaje guardado")
        page.select_option("#id_a-destination", str(huehue.pk))
        page.fill("#id_a-vulnerability", "3")
        page.click("#assessment-form button[type=submit]")
        page.wait_for_selector("text=Necesidad de transporte guardada")
    for arrival in arrivals[2:]:
        actions.triage_record(actor=clerk, arrival=arrival, refreshments=True)

    # Transport: allocate, issue a ticket.
    page.goto(f"{page.base_url}/reception/flights/{flight.pk}/transport/")
    page.click("#allocate")
    page.wait_for_selector("#decisions")
    page.click("#decisions button.issue >> nth=0")
    page.wait_for_selector("text=Pasaje emitido")

    # Close.
    page.goto(f"{page.base_url}/reception/flights/{flight.pk}/")
    page.click("button[value=closed]")
    page.wait_for_selector("#confirm-close")
    page.click("#confirm-close")
    page.wait_for_selector("text=Cerrado")
    flight.refresh_from_db()
    assert flight.status == Flight.Status.CLOSED
    assert page.locator("[data-count=transported]").inner_text() == "1"
