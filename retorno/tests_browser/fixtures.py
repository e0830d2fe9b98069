"""Browser-test fixtures (Playwright driving Debian's Chromium against a live test server).

Loaded once for the whole suite by the root conftest (``pytest_plugins``), so every app's
browser tests share one Playwright instance.
"""

import os

import pytest
from django.core.management import call_command

CHROMIUM = os.getenv("CHROMIUM_PATH", "/usr/bin/chromium")
# The machine has no network: keep Chromium from reaching out at start-up.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Django refuses ORM calls from inside an event loop; Playwright's sync API runs one.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def reference_data(transactional_db):
    """Transactional tests start from empty tables: reload the shipped reference data."""
    from retorno.accounts.models import PROGRAMME_ORGANISATION_SLUG, Organisation

    call_command("geo_load", verbosity=0)
    Organisation.objects.get_or_create(
        slug=PROGRAMME_ORGANISATION_SLUG, defaults={"name": "Programa de Retornados", "kind": "programme"}
    )


@pytest.fixture
def page(browser, live_server, reference_data):
    context = browser.new_context(locale="es-GT", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    tab.base_url = live_server.url
    yield tab
    context.close()


def sign_in_through_forms(tab, base_url: str, user) -> None:
    """Type the password, then (for roles that need it) the authenticator's code, in the real forms."""
    from conftest import PASSWORD, enrol_second_factor, totp_code
    from retorno.accounts.access import needs_second_factor

    device = enrol_second_factor(user) if needs_second_factor(user) else None
    tab.goto(f"{base_url}/accounts/login/")
    tab.fill("#id_username", user.username)
    tab.fill("#id_password", PASSWORD)
    tab.click("button[type=submit].primary")
    if device is not None:
        tab.wait_for_url("**/accounts/second-factor/?*")
        tab.fill("#id_code", totp_code(device))
        tab.click("button[type=submit].primary")
    tab.wait_for_url(f"{base_url}/")


@pytest.fixture
def sign_in(page):
    """``sign_in(user)`` signs the browser in through the real login form (and second-factor form)."""

    def do(user):
        sign_in_through_forms(page, page.base_url, user)
        return page

    return do
