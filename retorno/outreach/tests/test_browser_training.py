"""The officer for institutions plans a training of judges, records attendance and scores, prints the
certificates and finds the figures — in a real browser, in Spanish."""

import pytest

from retorno.accounts.models import Organisation, User
from retorno.outreach.models import Training

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_plan_a_training_of_judges_record_attendance_scores_print_and_find_the_figures(
    page, sign_in, reference_data, monitor
):
    from conftest import make_user

    programme = Organisation.objects.get(slug="programa")
    officer = make_user("sofia", User.Role.INSTITUTIONS, programme)
    Organisation.objects.create(name="Organismo Judicial", acronym="OJ", slug="oj", kind=Organisation.Kind.JUDICIARY)
    base = page.base_url
    sign_in(officer)

    # 1. Plan the training from the home page.
    page.click("text=Instituciones y prevención")
    page.click("text=Planificar una capacitación")
    page.fill("#id_title", "Trata de personas y Ley VET — jueces de Quetzaltenango")
    page.select_option("#id_topic", "trafficking")
    page.select_option("#id_audience", "judges")
    page.fill("#id_starts_on", "2026-05-04")
    page.fill("#id_ends_on", "2026-05-05")
    page.fill("#id_place", "Quetzaltenango")
    page.select_option("#id_department", label="Quetzaltenango")
    page.select_option("#id_institutions", label="Organismo Judicial")
    page.fill("#id_trainers", "Licda. Ana Pérez")
    page.fill("#id_cost", "12500")
    page.click("button:has-text('Guardar')")
    page.wait_for_selector("text=Capacitación planificada.")
    training = Training.objects.get()

    # 2. Two sessions, two judges (one with an apostrophe and accents in her name).
    for day, subject in (("2026-05-04", "Marco legal"), ("2026-05-05", "Casos y sentencias")):
        page.fill("#session-form #id_date", day)
        page.fill("#session-form #id_subject", subject)
        page.click("#session-form button")
        page.wait_for_selector("text=Sesión agregada.")
    for name, position, sex in (
        ("María José Q'uel Ixcoy", "Jueza de paz", "F"),
        ("Pedro Tzoc Chávez", "Juez de paz", "M"),
    ):
        page.fill("#enrol-form #id_full_name", name)
        page.select_option("#enrol-form #id_institution", label="Organismo Judicial")
        page.fill("#enrol-form #id_position", position)
        page.select_option("#enrol-form #id_department", label="Quetzaltenango")
        page.select_option("#enrol-form #id_sex", sex)
        page.click("#enrol-form button")
        page.wait_for_selector("text=Participante inscrito.")

    # 3. Attendance: both on day one, only María José on day two; then the scores.
    page.check("form[data-session='2026-05-04'] label:has-text('Pedro Tzoc') input")
    page.check("form[data-session='2026-05-04'] label:has-text('María José') input")
    page.click("form[data-session='2026-05-04'] button")
    page.wait_for_selector("text=Asistencia guardada: 2 presentes.")
    page.check("form[data-session='2026-05-05'] label:has-text('María José') input")
    page.click("form[data-session='2026-05-05'] button")
    page.wait_for_selector("text=Asistencia guardada: 1 presente.")
    page.fill("input[aria-label='Prueba inicial María José Q\\'uel Ixcoy']", "45")
    page.fill("input[aria-label='Prueba final María José Q\\'uel Ixcoy']", "88")
    page.fill("input[aria-label='Prueba inicial Pedro Tzoc Chávez']", "40")
    page.fill("input[aria-label='Prueba final Pedro Tzoc Chávez']", "90")
    page.click("button:has-text('Guardar notas')")
    page.wait_for_selector("text=Notas guardadas.")

    # 4. The training was held; one certificate is earned (Pedro missed half the sessions).
    page.select_option("select[name=status]", label="Realizada")
    page.click("button:has-text('Cambiar estado')")
    page.wait_for_selector("text=Estado cambiado.")
    link = page.locator("#print-certificates")
    assert link.inner_text() == "Imprimir 1 diploma"
    pdf = page.request.get(base + link.get_attribute("href"))
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF") and b"DejaVu" in pdf.body()
    training.refresh_from_db()
    assert training.status == "held"

    # 5. The figures page counts both judges trained, by institution and by sex.
    page.click("nav.card >> text=Cifras")
    assert page.locator("[data-figure=judges_trained] b").inner_text() == "2"
    assert "Organismo Judicial" in page.locator("#by-institution").inner_text()
    assert page.locator("#by-sex").inner_text().count("1") >= 2

    # 6. M&E finds the same figure in the reports builder (the indicator outreach registered).
    page.context.clear_cookies()  # sign the officer out
    sign_in(monitor)
    page.goto(f"{base}/reports/builder/")
    page.click("summary:has-text('Instituciones y prevención')")
    page.check("input[value='outreach.officials_trained']")
    page.select_option("#breakdown-1", "institution")
    page.fill("input[name=start]", "2026-01-01")
    page.fill("input[name=end]", "2026-12-31")
    page.click("#builder button[type=submit]")
    table = page.locator(".report-result table").first
    assert "organismo judicial\t2" in table.inner_text().lower()
