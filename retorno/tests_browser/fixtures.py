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


@pytest.fixture
def sign_in(page):
    """``sign_in(user)`` signs the browser in through the real login form."""
    from conftest import PASSWORD

    def do(user):
        page.goto(f"{page.base_url}/accounts/login/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit].primary")
        page.wait_for_url(f"{page.base_url}/")
        return page

    return do
