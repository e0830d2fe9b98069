"""Job referrals go to the employer as referrals; the employer's answer moves the job referral."""

import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from retorno.accounts.models import Organisation
from retorno.audit.models import AuditEvent
from retorno.people.actions import consent_record
from retorno.referrals import actions as referrals
from retorno.referrals.models import Partner, Referral
from retorno.reintegration import actions
from retorno.reintegration.models import FollowUp, JobReferral

pytestmark = pytest.mark.django_db


@pytest.fixture
def job(case, vacancy, reintegration_officer):
    return actions.job_referral_create(actor=reintegration_officer, case=case, vacancy=vacancy)


def _token(path: str) -> str:
    return path.rstrip("/").rsplit("/", 1)[-1]


def _status(job: JobReferral) -> tuple[str, str]:
    job.refresh_from_db()
    return job.stage, job.referral.status


def test_job_referral_sends_the_employer_a_referral(job, employer_profile, consenting):
    referral = job.referral
    assert referral.partner == employer_profile and referral.service == "employment"
    assert referral.person == consenting and referral.status == "pending"
    assert referral.shared_fields == ["name", "age", "phone", "education"]
    assert "Agente bilingüe" in referral.purpose


def test_employer_accepts_then_hires_in_the_inbox(job, employer_partner):
    referral = job.referral
    referrals.referral_set_status(actor=employer_partner, referral=referral, status="accepted")
    assert _status(job) == ("interview", "accepted")
    assert job.interview_on is not None
    referrals.referral_set_status(actor=employer_partner, referral=referral, status="completed")
    assert _status(job) == ("hired", "completed")
    assert sorted(job.followups.values_list("months_after", flat=True)) == [3, 6, 12]
    assert all(f.trigger == "job" for f in FollowUp.objects.filter(job_referral=job))
    job.vacancy.refresh_from_db()
    assert job.vacancy.is_open is False  # its one position is filled


def test_employer_rejects_through_a_signed_link(job, reintegration_officer):
    path = actions.job_referral_link_create(actor=reintegration_officer, job_referral=job)
    referrals.link_answer(token=_token(path), status="rejected", reason="Necesita inglés avanzado")
    assert _status(job) == ("not_hired", "rejected")
    assert job.reason == "Necesita inglés avanzado"
    assert job.referral.changes.last().via == "link"


def test_no_show_after_acceptance_is_not_hired(job, employer_partner):
    referral = referrals.referral_set_status(actor=employer_partner, referral=job.referral, status="accepted")
    referrals.referral_set_status(actor=employer_partner, referral=referral, status="no_show", reason="No llegó")
    assert _status(job) == ("not_hired", "no_show")
    assert "No llegó" in job.reason


def test_staff_record_an_answer_given_by_phone(job, reintegration_officer):
    referrals.referral_set_status(actor=reintegration_officer, referral=job.referral, status="accepted")
    assert _status(job) == ("interview", "accepted")


def test_revoking_the_referral_withdraws_the_job_referral(job, reintegration_officer):
    referrals.referral_set_status(
        actor=reintegration_officer, referral=job.referral, status="revoked", reason="Ya consiguió empleo"
    )
    assert _status(job) == ("withdrawn", "revoked")


def test_officer_moves_are_passed_to_the_employer_referral(job, reintegration_officer):
    path = actions.job_referral_link_create(actor=reintegration_officer, job_referral=job)
    actions.job_referral_set_status(actor=reintegration_officer, job_referral=job, status="interview")
    assert _status(job) == ("interview", "accepted")
    actions.job_referral_set_status(actor=reintegration_officer, job_referral=job, status="hired")
    assert _status(job) == ("hired", "completed")
    assert job.followups.count() == 3  # scheduled once, not again by the referral's answer
    with pytest.raises(referrals.links.LinkRefused):
        referrals.link_answer(token=_token(path), status="rejected", reason="x")


def test_not_hired_after_interview_revokes_the_open_referral(job, reintegration_officer):
    actions.job_referral_set_status(actor=reintegration_officer, job_referral=job, status="interview")
    actions.job_referral_set_status(
        actor=reintegration_officer, job_referral=job, status="not_hired", reason="Eligieron a otra persona"
    )
    assert _status(job) == ("not_hired", "revoked")
    assert job.referral.reason == "Eligieron a otra persona"


def test_no_consent_no_job_referral(case, vacancy, reintegration_officer, consenting, clerk):
    consent_record(actor=clerk, person=consenting, purpose="share_partners", given=False)
    with pytest.raises(ValidationError) as error:
        actions.job_referral_create(actor=reintegration_officer, case=case, vacancy=vacancy)
    assert "consent" in error.value.message_dict
    assert not JobReferral.objects.exists() and not Referral.objects.exists()
    with pytest.raises(PermissionDenied):  # an officer may not override
        actions.job_referral_create(
            actor=reintegration_officer, case=case, vacancy=vacancy, consent_override_reason="Urgente"
        )
    assert not JobReferral.objects.exists()


def test_manager_override_is_audited(case, vacancy, manager, consenting, clerk):
    consent_record(actor=clerk, person=consenting, purpose="share_partners", given=False)
    job = actions.job_referral_create(
        actor=manager, case=case, vacancy=vacancy, consent_override_reason="Lo pidió por teléfono; firma el lunes"
    )
    assert job.referral.consent_override_reason.startswith("Lo pidió")
    event = AuditEvent.objects.get(action="referral.create_without_consent")
    assert event.reason == "Lo pidió por teléfono; firma el lunes" and event.person_id == consenting.pk


def test_employer_without_a_partner_profile(case, reintegration_officer, manager):
    company = Organisation.objects.create(slug="obra", name="Constructora Obra", kind=Organisation.Kind.EMPLOYER)
    vacancy = actions.vacancy_create(actor=manager, employer=company, title="Albañil", sector="construction")
    with pytest.raises(ValidationError) as error:
        actions.job_referral_create(actor=reintegration_officer, case=case, vacancy=vacancy)
    assert "Constructora Obra" in " ".join(error.value.messages)
    assert not Partner.objects.filter(organisation=company).exists()
    job = actions.job_referral_create(actor=manager, case=case, vacancy=vacancy)  # a manager adds it on the fly
    assert job.referral.partner.organisation == company
    assert Partner.objects.get(organisation=company).services == ["employment"]


def test_case_page_shows_the_consent_error(case, vacancy, reintegration_officer, consenting, clerk, client_for):
    consent_record(actor=clerk, person=consenting, purpose="share_partners", given=False)
    client = client_for(reintegration_officer)
    response = client.post(
        reverse("reintegration:job_referral_add", args=[case.pk]),
        {"vacancy": vacancy.pk, "shared_fields": ["name", "phone"]},
        follow=True,
    )
    assert "La persona no ha dado su consentimiento para esto" in response.content.decode()
    assert not JobReferral.objects.exists()


def test_job_page_creates_a_link_shown_once(job, reintegration_officer, client_for):
    client = client_for(reintegration_officer)
    page = client.get(reverse("reintegration:job_referral", args=[job.pk])).content.decode()
    assert "Agente bilingüe" in page and 'id="signed-link"' not in page and 'id="link-form"' in page
    response = client.post(reverse("reintegration:job_referral_link", args=[job.pk]), {"days_valid": 3})
    body = response.content.decode()
    assert response.status_code == 200 and 'id="signed-link"' in body and "/referrals/answer/" in body
    assert response["Cache-Control"] == "no-store, private"
    again = client.get(reverse("reintegration:job_referral", args=[job.pk])).content.decode()
    assert 'id="signed-link"' not in again and job.referral.links.count() == 1


def test_api_job_referral_and_link(case, vacancy, reintegration_officer, api_for):
    api = api_for(reintegration_officer)
    created = api.post(
        f"/api/v1/reintegration/cases/{case.pk}/job-referrals",
        json.dumps({"vacancy_id": vacancy.pk, "shared_fields": ["name", "phone"]}),
        content_type="application/json",
    )
    assert created.status_code == 201 and created.json()["partner_referral_status"] == "pending"
    job_id = created.json()["id"]
    link = api.post(
        f"/api/v1/reintegration/job-referrals/{job_id}/link", json.dumps({}), content_type="application/json"
    )
    assert link.status_code == 201 and "/referrals/answer/" in link.json()["url"]
    referrals.link_answer(token=_token(link.json()["url"]), status="accepted")
    assert api.get(f"/api/v1/reintegration/job-referrals/{job_id}").json()["status"] == "interview"


def test_the_link_goes_to_the_employer_by_email(
    job, employer_profile, reintegration_officer, clerk, client_for, api_for, settings
):
    from django.core import mail

    from retorno.messaging.actions import messages_deliver
    from retorno.messaging.models import OutboundMessage

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    employer_profile.contact_email = "rrhh@callgt.example"
    employer_profile.save()
    page = client_for(reintegration_officer).get(f"/reintegration/job-referrals/{job.pk}/")
    assert 'id="send-link"' in page.content.decode()
    client_for(reintegration_officer).post(
        f"/reintegration/job-referrals/{job.pk}/link/send/", {"channel": "email", "days_valid": 5}
    )
    assert messages_deliver()["sent"] == 1
    assert mail.outbox[0].to == ["rrhh@callgt.example"] and "/referrals/answer/" in mail.outbox[0].body
    shown = client_for(reintegration_officer).get(f"/reintegration/job-referrals/{job.pk}/").content.decode()
    assert 'id="sent-messages"' in shown and "/referrals/answer/" not in shown
    api = api_for(reintegration_officer).post(
        f"/api/v1/reintegration/job-referrals/{job.pk}/link/send", {"channel": "email"}, content_type="application/json"
    )
    assert api.status_code == 202
    denied = api_for(clerk).post(
        f"/api/v1/reintegration/job-referrals/{job.pk}/link/send", {"channel": "email"}, content_type="application/json"
    )
    assert denied.status_code in (403, 404)
    assert (
        client_for(clerk).post(f"/reintegration/job-referrals/{job.pk}/link/send/", {"channel": "email"}).status_code
        == 403
    )
    assert OutboundMessage.objects.filter(template="referral.link").count() == 2
