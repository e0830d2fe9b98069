"""An officer refers a returnee to a shelter; the shelter accepts and checks them in; an employer
without an account answers a job referral through a signed link."""

import pytest

from retorno.accounts.models import Organisation
from retorno.referrals import actions
from retorno.referrals.models import Referral, Stay

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def signed_in(browser, live_server):
    """``signed_in(user)`` -> a new tab in its own browser context, signed in as ``user``."""
    from retorno.tests_browser.fixtures import sign_in_through_forms

    contexts = []

    def make(user=None):
        context = browser.new_context(locale="es-GT", viewport={"width": 1280, "height": 900})
        contexts.append(context)
        tab = context.new_page()
        tab.set_default_timeout(10_000)
        if user is not None:
            sign_in_through_forms(tab, live_server.url, user)
        return tab

    yield make
    for context in contexts:
        context.close()


def test_shelter_referral_check_in_and_job_referral_by_signed_link(
    page, signed_in, live_server, consenting_person, shelter, reintegration_officer, shelter_partner, manager
):
    base = live_server.url
    person = consenting_person

    # 1. The officer refers José Luis to the shelter from his profile.
    officer = signed_in(reintegration_officer)
    officer.goto(f"{base}/people/{person.pk}/")
    officer.click("text=Referir a una organización aliada")
    officer.select_option("#id_partner", label="Casa del Migrante")
    officer.select_option("#id_service", "shelter")
    officer.select_option("#id_shelter", label=shelter.name)
    officer.fill("#id_purpose", "Albergue temporal: no tiene dónde pasar la noche")
    officer.click("button:has-text('Enviar referencia')")
    officer.wait_for_selector("text=Referencia enviada.")
    referral = Referral.objects.get(service="shelter")
    assert referral.shared_fields == ["name", "sex", "age", "languages"]

    # 2. The shelter's user sees it among referrals received, accepts it and checks him in.
    albergue = signed_in(shelter_partner)
    albergue.click("text=Referencias recibidas")
    albergue.click(f"a:has-text('#{referral.pk}')")
    assert albergue.inner_text("#shared-data").count("José Luis Xicará Tzul") == 1
    albergue.select_option("#id_status", "accepted")
    albergue.click("button:has-text('Enviar respuesta')")
    albergue.wait_for_selector("text=Su respuesta quedó registrada.")
    albergue.click("text=Ir al albergue")
    albergue.wait_for_selector("#expected >> text=José Luis Xicará Tzul")
    albergue.click("#expected >> button:has-text('Registrar ingreso')")
    albergue.wait_for_selector("text=Ingreso registrado.")
    assert "José Luis Xicará Tzul" in albergue.inner_text("#present")
    assert "1 / 2" in albergue.inner_text("#occupancy")
    stay = Stay.objects.get()
    assert stay.referral_id == referral.pk and stay.checked_out_at is None

    # 3. A construction company without an account answers a job referral through a signed link.
    company = Organisation.objects.create(slug="constructora", name="Constructora del Altiplano", kind="employer")
    employer = actions.partner_create(actor=manager, organisation=company, services=["employment"])
    job = actions.referral_create(
        actor=reintegration_officer,
        person=person,
        partner=employer,
        purpose="Vacante de albañil, obra en Quetzaltenango",
        service="employment",
        shared_fields=["name", "age"],
    )
    officer.goto(f"{base}/referrals/{job.pk}/")
    officer.click("button:has-text('Crear un enlace firmado')")
    link = officer.input_value("#signed-link")
    assert "/referrals/answer/" in link and "Xicar" not in link

    outsider = signed_in(None)
    outsider.goto(link)
    outsider.wait_for_selector("text=Vacante de albañil")
    shared = outsider.inner_text("#shared-data")
    assert "José Luis Xicará Tzul" in shared and "Sexo" not in shared
    assert "Albergue temporal" not in outsider.content()  # nothing of the other referral
    outsider.check("input[name=status][value=accepted]")
    outsider.fill("#id_note", "Que se presente el lunes a las 7:00")
    outsider.click("button:has-text('Enviar respuesta')")
    outsider.wait_for_selector("text=Gracias: su respuesta quedó registrada.")
    job.refresh_from_db()
    assert job.status == "accepted" and job.changes.last().via == "link"

    outsider.goto(link)  # single use
    outsider.wait_for_selector("text=Ya se usó para responder.")
