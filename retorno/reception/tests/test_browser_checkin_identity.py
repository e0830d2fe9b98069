"""A clerk checks in a passenger the manifest misspelled: the likely match appears; the safe choice
("a new person") has the focus on weak evidence, ↑ reaches the match and Enter links them."""

import datetime

import pytest

from retorno.reception import actions
from retorno.reception.models import Arrival

from .conftest import import_manifest, manifest_csv, open_reception

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_keyboard_decision_links_the_registered_person(page, sign_in, clerk, person):
    flight = actions.flight_create(
        actor=clerk, date=datetime.date.today(), origin="Mesa, Arizona", carrier="ICE Air", code="ICE-9"
    )
    rows = [
        ("Jose Luis", "Xicara", "", "M", "04/03/1990", "", "N"),
        ("Marta", "Chox", "Pop", "F", "20/12/2001", "", "N"),
    ]
    import_manifest(flight, clerk, manifest_csv(rows))
    open_reception(flight, clerk)
    sign_in(clerk)
    page.goto(f"{page.base_url}/reception/flights/{flight.pk}/checkin/")
    page.wait_for_selector("#filter")
    # A slow settle, as on a loaded machine: htmx focuses the panel's [autofocus] button when it
    # settles, and a key pressed before that must not be undone by it (the intermittent failure).
    page.evaluate("htmx.config.defaultSettleDelay = 400")
    page.keyboard.type("xicara")
    page.keyboard.press("Enter")
    # The panel shows the registered person with the reasons; the evidence is weak (day and month
    # swapped), so the safe choice has the focus; ↑ and ↓ reach every option.
    page.wait_for_selector("#decision .likely-match")
    page.wait_for_function("document.activeElement && document.activeElement.classList.contains('confirm-new')")
    assert "José Luis Xicará Tzul" in page.inner_text("#decision")
    assert page.evaluate("document.activeElement.classList.contains('confirm-new')")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.classList.contains('link-person')")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('confirm-new')")
    # Esc goes back to the list without deciding; Enter asks again.
    page.keyboard.press("Escape")
    assert page.inner_text("#decision").strip() == ""
    assert Arrival.objects.get(flight=flight, manifest_row__full_name__contains="Xicara").status == "expected"
    page.keyboard.press("Enter")
    page.wait_for_selector("#decision .likely-match")
    # The panel sets its focus once it is in the page: wait for it before pressing keys.
    page.wait_for_function("document.activeElement && document.activeElement.classList.contains('confirm-new')")
    page.keyboard.press("ArrowUp")
    page.wait_for_function("document.activeElement && document.activeElement.classList.contains('link-person')")
    page.keyboard.press("Enter")
    page.wait_for_selector("#manifest tr[data-status=checked_in]")
    assert page.inner_text("#decision").strip() == ""
    arrival = Arrival.objects.get(flight=flight, status="checked_in")
    assert arrival.person_id == person.pk
    # Marta (no likely match) checks in with one Enter.
    page.keyboard.type("marta")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('#manifest tr[data-status=checked_in]').length === 2")
    assert Arrival.objects.filter(flight=flight, status="checked_in").count() == 2


def test_a_refusal_shows_on_screen_in_the_user_language(page, sign_in, clerk, person):
    """The server's 422 ("already on this flight") is shown on the page, not only in the console."""
    flight = actions.flight_create(
        actor=clerk, date=datetime.date.today(), origin="Mesa, Arizona", carrier="ICE Air", code="ICE-10"
    )
    import_manifest(
        flight,
        clerk,
        manifest_csv(
            [
                ("Jose Luis", "Xicara", "", "M", "04/03/1990", "", "N"),
                ("Marta", "Chox", "Pop", "F", "20/12/2001", "", "N"),
            ]
        ),
    )
    open_reception(flight, clerk)
    sign_in(clerk)
    page.goto(f"{page.base_url}/reception/flights/{flight.pk}/checkin/")
    page.keyboard.type("xicara")
    page.keyboard.press("Enter")
    page.wait_for_selector("#decision .likely-match")
    # Meanwhile a colleague checks José Luis in as Marta's record (a race): linking him now is refused.
    marta = Arrival.objects.get(flight=flight, manifest_row__full_name__contains="Marta")
    actions.arrival_check_in(actor=clerk, arrival=marta, person=person)
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Enter")
    page.wait_for_selector("#htmx-error:not([hidden])")
    assert page.inner_text("#htmx-error") == "Esta persona ya está en este vuelo."
