"""One returnee, end to end, each step in the UI by the person who does it in real life.

Reception triage (check-in off the manifest, consent, shelter need and interest in reintegration)
→ a shelter stay (the shelter accepts, checks her in and out) → a DPI request → a course, enrolled
and completed → a job referral the employer (no account) answers through signed links → the
3-month follow-up with its outcomes. Only reference data is made in the setup: the flight and its
manifest, the shelter, the course and the vacancy.
"""

import datetime

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MANIFEST = (
    "No.;Nombres;Primer Apellido;Segundo Apellido;Sexo;Fecha de Nacimiento;DPI;No acompañado\n"
    "1;Rosa Amalia;Chitay;Batz;F;14/05/1992;;N\n"
)
NAME = "Rosa Amalia Chitay Batz"


@pytest.fixture
def tab(browser, live_server):
    """``tab(user)`` -> a page in its own browser context, signed in as ``user`` (anonymous if None)."""
    from retorno.tests_browser.fixtures import sign_in_through_forms

    contexts = []

    def make(user=None):
        context = browser.new_context(locale="es-GT", viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        if user is not None:
            sign_in_through_forms(page, live_server.url, user)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def reference(reference_data, clerk, manager, reintegration_officer, shelter_org, employer_org):
    """The flight with its manifest, a shelter, a course and a vacancy (what staff set up beforehand)."""
    from retorno.accounts.models import Organisation
    from retorno.reception.actions import flight_create, manifest_commit, manifest_stage
    from retorno.referrals.actions import partner_create, shelter_create
    from retorno.reintegration import actions

    flight = flight_create(
        actor=clerk, date=datetime.date.today(), origin="Alexandria, Luisiana", carrier="ICE Air", code="ICE-606"
    )
    staged, _ = manifest_stage(actor=clerk, flight=flight, data=MANIFEST.encode(), filename="manifiesto.csv")
    manifest_commit(actor=clerk, manifest_import=staged)
    casa = partner_create(actor=manager, organisation=shelter_org, services=["shelter"], target_groups=["women"])
    shelter = shelter_create(actor=manager, partner=casa, name="Casa del Migrante — zona 1", capacity_women=4)
    intecap = Organisation.objects.create(slug="intecap-j", name="INTECAP", kind=Organisation.Kind.TRAINING)
    course = actions.course_create(
        actor=reintegration_officer, institution=intecap, name="Cocina profesional", sector="culinary"
    )
    partner_create(actor=manager, organisation=employer_org, services=["employment"])
    vacancy = actions.vacancy_create(
        actor=reintegration_officer, employer=employer_org, title="Ayudante de cocina", sector="culinary"
    )
    return flight, shelter, course, vacancy


def _submit(page, selector):
    with page.expect_navigation():
        page.click(selector)


def _move(page, row, status, **extra):
    page.select_option(f"{row} form.status-form select[name=status]", status)
    for name, value in extra.items():
        page.fill(f"{row} form.status-form input[name={name}]", value)
    _submit(page, f"{row} form.status-form button[type=submit]")


def _employer_answers(tab, link, status, note=""):
    """The employer, who has no account, opens the link in a fresh browser and answers."""
    employer = tab(None)
    employer.goto(link)
    employer.wait_for_selector("text=Ayudante de cocina")
    assert NAME in employer.inner_text("#shared-data")
    employer.check(f"input[name=status][value={status}]")
    if note:
        employer.fill("#id_note", note)
    employer.click("button:has-text('Enviar respuesta')")
    employer.wait_for_selector("text=Gracias: su respuesta quedó registrada.")
    return employer


def test_returnee_from_triage_to_three_month_follow_up(
    tab, live_server, reference, clerk, shelter_partner, reintegration_officer
):
    from retorno.reception.models import Arrival
    from retorno.referrals.models import Referral, Stay
    from retorno.reintegration.models import DocumentRequest, Enrolment, FollowUp, JobReferral

    flight, shelter, course, vacancy = reference
    base = live_server.url

    # 1. Reception: the clerk opens reception, checks Rosa in off the manifest, records her consent
    #    to share data with partners, and triages a shelter need and interest in reintegration.
    desk = tab(clerk)
    desk.goto(f"{base}/reception/flights/{flight.pk}/")
    desk.click("button[value=arrived]")
    desk.click("button[value=reception_open]")
    desk.wait_for_selector("text=Registro de ingreso")
    desk.click("text=Registro de ingreso")
    desk.wait_for_selector("#filter")
    desk.keyboard.press("/")
    desk.keyboard.type("rosa chitay ")
    desk.keyboard.press("Enter")
    desk.wait_for_selector("#manifest tr[data-status=checked_in]")
    arrival = Arrival.objects.get(flight=flight)
    person = arrival.person
    # No consent to be contacted yet: no follow-up is scheduled (it could never be made).
    assert FollowUp.objects.filter(arrival_id=arrival.pk).count() == 0

    desk.goto(f"{base}/people/{person.pk}/")
    desk.click("text=Registrar una decisión de consentimiento")
    consent_form = "form[action$='/consents/add/']"
    desk.select_option(f"{consent_form} select[name=purpose]", "share_partners")
    desk.select_option(f"{consent_form} select[name=given]", "True")
    _submit(desk, f"{consent_form} button[type=submit]")

    desk.goto(f"{base}/reception/arrivals/{arrival.pk}/")
    desk.check("#id_t-refreshments")
    desk.check("#id_t-shelter")
    desk.check("#id_t-reintegration_interest")
    desk.check("#id_t-contact_consent")
    desk.fill("#id_t-contact_phone", "5512 3456")
    desk.click("#triage-form button[type=submit]")
    desk.wait_for_selector("text=Tamizaje guardado")
    # Consent to be contacted, given at triage, schedules the follow-ups: 1, 3, 6 and 12 months.
    assert FollowUp.objects.filter(arrival_id=arrival.pk).count() == 4
    shelter_referral = Referral.objects.get(person=person, service="shelter")
    assert shelter_referral.shelter == shelter and shelter_referral.arrival_id == arrival.pk

    # 2. The shelter accepts the referral, checks her in, and checks her out the next morning.
    casa = tab(shelter_partner)
    casa.click("text=Referencias recibidas")
    casa.click(f"a:has-text('#{shelter_referral.pk}')")
    assert NAME in casa.inner_text("#shared-data")
    casa.select_option("#id_status", "accepted")
    casa.click("button:has-text('Enviar respuesta')")
    casa.wait_for_selector("text=Su respuesta quedó registrada.")
    casa.click("text=Ir al albergue")
    casa.wait_for_selector(f"#expected >> text={NAME}")
    casa.click("#expected >> button:has-text('Registrar ingreso')")
    casa.wait_for_selector("text=Ingreso registrado.")
    assert NAME in casa.inner_text("#present")
    casa.fill("#present input[name=note]", "Viaja a Chimaltenango con su hermana")
    _submit(casa, "#present button:has-text('Registrar salida')")
    stay = Stay.objects.get(person=person)
    assert stay.shelter == shelter and stay.checked_out_at is not None
    assert NAME not in casa.inner_text("#present")

    # 3. The reintegration officer opens her case and requests her DPI from RENAP.
    officer = tab(reintegration_officer)
    officer.goto(f"{base}/people/{person.pk}/")
    _submit(officer, f"a[href='/reintegration/cases/open/{person.pk}/']")
    _submit(officer, "button[type=submit].primary")
    officer.wait_for_selector(f"h1:has-text('{NAME}')")
    officer.click("#documents summary")
    officer.select_option("#id_kind", "dpi")
    _submit(officer, "#document-form button[type=submit]")
    document = DocumentRequest.objects.get(case__person=person)
    assert document.kind == "dpi" and document.status == "requested"
    _move(officer, f"#document-{document.pk}", "submitted")

    # 4. A course: enrolment, attendance, completion.
    officer.click("#training summary")
    officer.select_option("#id_course", str(course.pk))
    _submit(officer, "#enrolment-form button[type=submit]")
    enrolment = Enrolment.objects.get(case__person=person)
    officer.fill(f"#enrolment-{enrolment.pk} input[name=sessions_total]", "12")
    officer.fill(f"#enrolment-{enrolment.pk} input[name=sessions_attended]", "11")
    _submit(officer, f"#enrolment-{enrolment.pk} form:not(.status-form) button[type=submit]")
    _move(officer, f"#enrolment-{enrolment.pk}", "completed")
    enrolment.refresh_from_db()
    assert enrolment.status == "completed" and enrolment.sessions_attended == 11

    # 5. A job referral: the employer gets it as a referral and answers through signed links.
    officer.click("#jobs summary")
    officer.select_option("#id_vacancy", str(vacancy.pk))
    _submit(officer, "#job-form button[type=submit]")
    job = JobReferral.objects.get(case__person=person)
    assert job.referral.status == "pending" and job.referral.service == "employment"
    _submit(officer, f"#job-{job.pk} a[href='/reintegration/job-referrals/{job.pk}/']")
    _submit(officer, "#link-form button[type=submit]")
    link = officer.input_value("#signed-link")
    assert "/referrals/answer/" in link and "Rosa" not in link

    _employer_answers(tab, link, "accepted", note="Entrevista el lunes a las 9:00")
    job.refresh_from_db()
    assert job.stage == "interview" and job.referral.status == "accepted"

    job_page = f"{base}/reintegration/job-referrals/{job.pk}/"
    officer.goto(job_page)
    assert 'id="signed-link"' not in officer.content()  # shown once only
    assert officer.inner_text("#job-status") == "Entrevista"
    assert "Entrevista el lunes" in officer.inner_text("#answers")
    _submit(officer, "#link-form button[type=submit]")
    second = officer.input_value("#signed-link")
    assert second != link
    _employer_answers(tab, second, "completed", note="Empieza el 1 del mes")
    job.refresh_from_db()
    assert job.stage == "hired" and job.hired_on == datetime.date.today()
    assert sorted(job.followups.values_list("months_after", flat=True)) == [3, 6, 12]
    officer.goto(job_page)
    assert officer.inner_text("#job-status") == "Contratado/a"

    # 6. The 3-month follow-up of her arrival, from the officer's worklist: reached, outcomes recorded.
    followup = FollowUp.objects.get(arrival_id=arrival.pk, months_after=3)
    officer.goto(f"{base}/reintegration/")
    _submit(officer, f"#my-followups a[href='/reintegration/followups/{followup.pk}/']")
    officer.select_option("#attempt-form select[name=channel]", "phone")
    officer.select_option("#attempt-form select[name=reached]", "1")
    _submit(officer, "#attempt-form button[type=submit]")
    officer.select_option("#outcome-form select[name=working]", "formal")
    officer.select_option("#outcome-form select[name=income_band]", "3000_5000")
    officer.select_option("#outcome-form select[name=intends_to_migrate]", "no")
    for code, answer in {
        "econ_satisfaction": "satisfied",
        "econ_food": "never",
        "econ_borrow": "no",
        "econ_work": "yes",
        "soc_housing": "good",
        "soc_health": "good",
        "soc_documents": "yes",
        "psy_belonging": "agree",
        "psy_support": "yes",
        "psy_distress": "rarely",
    }.items():
        officer.select_option(f"#outcome-form select[name=rss_{code}]", answer)
    _submit(officer, "#outcome-form button[type=submit]")
    officer.wait_for_selector("#outcome")
    followup.refresh_from_db()
    assert followup.status == "done" and followup.case == job.case
    assert followup.outcome.working == "formal" and followup.outcome.intends_to_migrate == "no"
    assert officer.inner_text("#composite") == f"{round(followup.outcome.composite_score * 100)}%"
