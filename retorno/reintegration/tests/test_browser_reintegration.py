"""An officer takes a returnee from a DPI request, through a course and a job referral, to a 3-month follow-up."""

import datetime

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def returnee(clerk):
    from retorno.people.actions import consent_record, person_create

    person = person_create(actor=clerk, given_names="María Elena", first_surname="Cux", second_surname="Tol", sex="F")
    consent_record(actor=clerk, person=person, purpose="reintegration", given=True)
    consent_record(actor=clerk, person=person, purpose="follow_up", given=True)
    consent_record(actor=clerk, person=person, purpose="share_partners", given=True)
    return person


@pytest.fixture
def offers(reintegration_officer, manager):
    from retorno.accounts.models import Organisation
    from retorno.referrals.actions import partner_create
    from retorno.reintegration import actions

    intecap = Organisation.objects.create(slug="intecap-b", name="INTECAP", kind=Organisation.Kind.TRAINING)
    employer = Organisation.objects.create(
        slug="callgt-b", name="Centro de Llamadas GT", kind=Organisation.Kind.EMPLOYER
    )
    partner_create(actor=manager, organisation=employer, services=["employment"])  # job referrals go to it
    course = actions.course_create(
        actor=reintegration_officer, institution=intecap, name="Panadería básica", sector="culinary"
    )
    vacancy = actions.vacancy_create(
        actor=reintegration_officer, employer=employer, title="Agente bilingüe", sector="call_centre"
    )
    return course, vacancy


def _submit(page, selector):
    with page.expect_navigation():
        page.click(selector)


def _move(page, row, status, **extra):
    page.select_option(f"{row} form.status-form select[name=status]", status)
    for name, value in extra.items():
        page.fill(f"{row} form.status-form input[name={name}]", value)
    _submit(page, f"{row} form.status-form button[type=submit]")


def test_returnee_to_three_month_follow_up(page, sign_in, reintegration_officer, returnee, offers):
    from retorno.reintegration.actions import followups_on_arrival
    from retorno.reintegration.models import DocumentRequest, Enrolment, FollowUp, JobReferral

    course, vacancy = offers
    arrived_on = datetime.date.today() - datetime.timedelta(days=95)
    followups_on_arrival(actor=reintegration_officer, person=returnee, arrived_on=arrived_on, arrival_id=1)

    sign_in(reintegration_officer)
    page.goto(f"{page.base_url}/people/{returnee.pk}/")
    _submit(page, f"a[href='/reintegration/cases/open/{returnee.pk}/']")
    page.fill("#id_returned_on", arrived_on.isoformat())
    _submit(page, "button[type=submit].primary")
    page.wait_for_selector("h1:has-text('María Elena Cux Tol')")

    # DPI through RENAP: requested → submitted → issued.
    page.click("#documents summary")
    page.select_option("#id_kind", "dpi")
    _submit(page, "#document-form button[type=submit]")
    document = DocumentRequest.objects.get()
    _move(page, f"#document-{document.pk}", "submitted")
    _move(page, f"#document-{document.pk}", "issued")
    assert page.is_visible(f"#document-{document.pk} .badge.ok")

    # A course: enrolment, attendance, completion.
    page.click("#training summary")
    page.select_option("#id_course", str(course.pk))
    _submit(page, "#enrolment-form button[type=submit]")
    enrolment = Enrolment.objects.get()
    page.fill(f"#enrolment-{enrolment.pk} input[name=sessions_total]", "10")
    page.fill(f"#enrolment-{enrolment.pk} input[name=sessions_attended]", "9")
    _submit(page, f"#enrolment-{enrolment.pk} form:not(.status-form) button[type=submit]")
    assert "90%" in page.inner_text(f"#enrolment-{enrolment.pk}")
    _move(page, f"#enrolment-{enrolment.pk}", "completed")
    enrolment.refresh_from_db()
    assert enrolment.status == "completed"

    # A job referral: referred → interview → hired.
    page.click("#jobs summary")
    page.select_option("#id_vacancy", str(vacancy.pk))
    _submit(page, "#job-form button[type=submit]")
    job = JobReferral.objects.get()
    _move(page, f"#job-{job.pk}", "interview")
    _move(page, f"#job-{job.pk}", "hired")
    job.refresh_from_db()
    assert job.stage == "hired" and job.followups.count() == 3

    # The 3-month follow-up of the arrival is on the officer's worklist.
    followup = FollowUp.objects.get(arrival_id=1, months_after=3)
    page.goto(f"{page.base_url}/reintegration/")
    _submit(page, f"#my-followups a[href='/reintegration/followups/{followup.pk}/']")
    page.select_option("#attempt-form select[name=channel]", "phone")
    page.select_option("#attempt-form select[name=reached]", "1")
    _submit(page, "#attempt-form button[type=submit]")
    page.select_option("#outcome-form select[name=working]", "formal")
    page.select_option("#outcome-form select[name=income_band]", "3000_5000")
    page.select_option("#outcome-form select[name=still_with_employer]", "1")
    page.select_option("#outcome-form select[name=intends_to_migrate]", "no")
    for code, answer in {
        "econ_satisfaction": "satisfied",
        "econ_food": "never",
        "econ_borrow": "yes",
        "econ_work": "yes",
        "soc_housing": "good",
        "soc_health": "fair",
        "soc_documents": "yes",
        "psy_belonging": "agree",
        "psy_support": "yes",
        "psy_distress": "rarely",
    }.items():
        page.select_option(f"#outcome-form select[name=rss_{code}]", answer)
    _submit(page, "#outcome-form button[type=submit]")
    page.wait_for_selector("#outcome")
    followup.refresh_from_db()
    assert followup.status == "done"
    assert followup.outcome.working == "formal" and followup.outcome.still_with_employer is True
    assert followup.outcome.rss_answers["econ_food"] == "never"
    assert page.inner_text("#composite") == f"{round(followup.outcome.composite_score * 100)}%"
