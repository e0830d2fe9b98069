"""An officer sends a follow-up link; the returnee answers on a phone-sized screen without JavaScript;
the answers reach the worklist and the cohort figures."""

import datetime
import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def gateway(settings):
    from retorno.messaging.testing import FakeGateway

    with FakeGateway() as fake:
        settings.MESSAGE_CHANNELS = {**settings.MESSAGE_CHANNELS, "sms": fake.settings()}
        settings.MESSAGE_QUIET_HOURS = (0, 0)
        yield fake


def test_returnee_answers_a_follow_up_from_a_phone(
    page, browser, sign_in, gateway, reintegration_officer, clerk, monitor
):
    from retorno.messaging.actions import messages_deliver
    from retorno.people.actions import consent_record, contact_add, person_create
    from retorno.reintegration.actions import followups_on_arrival

    person = person_create(actor=clerk, given_names="Rosa Amalia", first_surname="Chumil", sex="F")
    consent_record(actor=clerk, person=person, purpose="follow_up", given=True)
    contact_add(actor=clerk, person=person, kind="phone", value="5012-3344")
    arrived = datetime.date.today() - datetime.timedelta(days=35)
    followup = followups_on_arrival(actor=clerk, person=person, arrived_on=arrived, arrival_id=1)[0]
    followup.officer = reintegration_officer
    followup.save()

    sign_in(reintegration_officer)
    page.goto(f"{page.base_url}/reintegration/followups/{followup.pk}/")
    page.select_option("#invite-form select[name=channel]", "sms")
    with page.expect_navigation():
        page.click("#invite-form button[type=submit]")
    assert "no respondió" not in page.content()
    assert page.locator("#invitations").inner_text().strip() != ""

    assert messages_deliver()["sent"] == 1  # what the background worker does
    link = re.search(r"https?://\S+?(/reintegration/answer/\S+?/)", gateway.requests[0]["text"]).group(1)

    phone = browser.new_context(
        locale="es-GT", viewport={"width": 360, "height": 640}, java_script_enabled=False, is_mobile=True
    )
    tab = phone.new_page()
    tab.goto(page.base_url + link)
    assert tab.locator("h1").inner_text() == "¿Cómo está?"
    tab.check("input[name=working][value=informal]")
    tab.check('input[name=income_band][value="1500_3000"]')
    tab.check("input[name=intends_to_migrate][value=no]")
    tab.check("input[name=rss_econ_satisfaction][value=satisfied]")
    tab.check("input[name=rss_psy_support][value=yes]")
    tab.screenshot(path="var/self-report-phone.png", full_page=False)
    with tab.expect_navigation():
        tab.click("#self-report button[type=submit]")
    assert "Gracias" in tab.locator("main").inner_text()
    phone.close()

    page.goto(f"{page.base_url}/reintegration/")
    answered = page.locator("#self-answered").inner_text()
    assert "Rosa Amalia Chumil" in answered and "Trabaja, informal" in answered

    page.context.clear_cookies()
    sign_in(monitor)
    page.goto(f"{page.base_url}/reintegration/figures/")
    row = page.locator("#response-by-cohort tbody tr").first.inner_text()
    assert "100%" in row
