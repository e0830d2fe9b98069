"""A 135-person flight from manifest to closed, every passenger handled by keyboard: check-in
(Enter), triage (Space, Tab, Enter = save and next), transport need as one table, tickets in bulk,
closing with its confirmation. Prints keystrokes and seconds per passenger (no time assertion:
the figures go in the README)."""

import datetime
import json
import time

import pytest

from retorno.reception import actions
from retorno.reception.models import Arrival, Fare, Flight, NeedAssessment, Ticket, Triage

from .conftest import manifest_csv, synthetic_rows

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

N = 135


class Keyboard:
    """Counts what the clerk does: keys pressed and, for page-level buttons, clicks."""

    def __init__(self, page):
        self.page, self.keys, self.clicks = page, 0, 0

    def press(self, key: str) -> None:
        self.keys += 1
        self.page.keyboard.press(key)

    def click(self, selector: str) -> None:
        self.clicks += 1
        self.page.click(selector)


def test_a_135_person_flight_by_keyboard(page, sign_in, clerk, tmp_path):
    from retorno.geo.models import Department, Municipality

    Fare.objects.create(department=Department.objects.get(code="13"), amount="12.00", currency="USD")
    flight = actions.flight_create(
        actor=clerk, date=datetime.date.today(), origin="Mesa, Arizona", carrier="ICE Air", code="ICE-K135"
    )
    manifest = tmp_path / "manifiesto.csv"
    manifest.write_bytes(manifest_csv(synthetic_rows(N)))
    sign_in(clerk)
    kb = Keyboard(page)
    phases: dict[str, float] = {}
    keys_at: dict[str, int] = {}

    def lap(name: str, started: float, keys_before: int) -> None:
        phases[name] = round(time.perf_counter() - started, 1)  # clock: reported, never asserted
        keys_at[name] = kb.keys - keys_before

    # Manifest: upload, preview, commit; open reception.
    start = t = time.perf_counter()  # clock: reported, never asserted
    page.goto(f"{page.base_url}/reception/flights/{flight.pk}/manifest/")
    page.set_input_files("#id_file", str(manifest))
    kb.click("button[type=submit].primary")
    page.wait_for_selector("#preview")
    kb.click("#commit")
    page.wait_for_selector("text=Manifiesto importado")
    kb.click("button[value=arrived]")
    kb.click("button[value=reception_open]")
    page.wait_for_selector("text=Registro de ingreso")
    lap("manifest", t, 0)

    # Check-in: Enter on the selected (first waiting) passenger, 135 times.
    t, k = time.perf_counter(), kb.keys  # clock: reported, never asserted
    page.goto(f"{page.base_url}/reception/flights/{flight.pk}/checkin/")
    page.wait_for_selector("#filter")
    for done in range(1, N + 1):
        kb.press("Enter")
        page.wait_for_function(f"document.querySelectorAll('#manifest tr[data-status=checked_in]').length >= {done}")
    lap("check_in", t, k)
    assert Arrival.objects.filter(flight=flight, status="checked_in").count() == N

    # The registry knows where they live (returnees): the transport table prefills from it.
    huehue = Municipality.objects.get(code="1301")
    from retorno.people.models import Person

    Person.objects.filter(arrivals__flight=flight).update(origin_municipality=huehue)

    # Triage: refreshments (Space), Tab Tab Tab, transport home (Space), Enter = save and next.
    t, k = time.perf_counter(), kb.keys  # clock: reported, never asserted
    first = Arrival.objects.filter(flight=flight).order_by("manifest_row__row_number").first()
    page.goto(f"{page.base_url}/reception/arrivals/{first.pk}/#triage-form")
    for _done in range(N):
        page.wait_for_function("document.activeElement && document.activeElement.id === 'id_t-refreshments'")
        here = page.url
        for key in ("Space", "Tab", "Tab", "Tab", "Space", "Enter"):
            kb.press(key)
        page.wait_for_function(f"location.href !== {json.dumps(here)} || document.querySelector('.msg-success')")
        page.wait_for_load_state()
    page.wait_for_function("location.hash === ''")  # the last save stays on its page (nobody left)
    page.wait_for_selector(".msg-success")
    lap("triage", t, k)
    assert Triage.objects.filter(arrival__flight=flight, refreshments=True, transport_home=True).count() == N

    # Transport: the table is prefilled; save it, allocate, issue the allocation's tickets.
    t, k = time.perf_counter(), kb.keys  # clock: reported, never asserted
    page.goto(f"{page.base_url}/reception/flights/{flight.pk}/transport/needs/")
    kb.click("#save-needs")
    page.wait_for_selector("#allocate")
    kb.click("#allocate")
    page.wait_for_selector("#issue-all")
    kb.click("#issue-all")
    page.wait_for_selector("text=pasajes emitidos")
    lap("transport", t, k)
    assert NeedAssessment.objects.filter(arrival__flight=flight, destination=huehue).count() == N
    assert Ticket.objects.filter(flight=flight).count() == 10  # 10 × US$12 within US$125

    # Close: the page lists what closing does; Enter confirms.
    t, k = time.perf_counter(), kb.keys  # clock: reported, never asserted
    page.goto(f"{page.base_url}/reception/flights/{flight.pk}/")
    kb.click("button[value=closed]")
    page.wait_for_selector("#confirm-close:focus")
    kb.press("Enter")
    page.wait_for_selector("text=Cerrado")
    lap("close", t, k)
    total = time.perf_counter() - start  # clock: reported, never asserted
    flight.refresh_from_db()
    assert flight.status == Flight.Status.CLOSED

    figures = {
        "passengers": N,
        "keystrokes": kb.keys,
        "keystrokes_per_passenger": round(kb.keys / N, 2),
        "page_clicks": kb.clicks,
        "seconds": round(total, 1),
        "seconds_per_passenger": round(total / N, 2),
        "phase_seconds": phases,
        "phase_keystrokes": keys_at,
    }
    print("\n" + json.dumps(figures))
