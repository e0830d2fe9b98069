"""Signed links for partners without an account: expiry, single use, revocation, nothing else visible."""

import datetime
import hashlib

import pytest
from django.core import signing
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from retorno.audit.models import AuditEvent
from retorno.people.actions import contact_add, person_update
from retorno.referrals.actions import link_revoke, referral_set_status, signed_link_create
from retorno.referrals.models import Referral, ReferralLink


@pytest.fixture
def link(job_referral, reintegration_officer):
    return signed_link_create(actor=reintegration_officer, referral=job_referral)


def _token(path: str) -> str:
    return path.rstrip("/").rsplit("/", 1)[1]


def test_link_path_carries_no_personal_data_and_db_keeps_only_a_digest(link, job_referral):
    assert link.startswith("/referrals/answer/")
    assert "Xicar" not in link and "Jos" not in link
    nonce, _timestamp, _signature = _token(link).split(":")
    row = ReferralLink.objects.get()
    # The token is a random nonce, signed: no ids, and the database holds only its digest.
    assert row.nonce_digest == hashlib.sha256(nonce.encode()).hexdigest() and nonce not in row.nonce_digest
    assert len(nonce) == 32


def test_link_shows_only_the_shared_data(link, job_referral, reintegration_officer, refer, shelter_profile, shelter):
    person = job_referral.person
    person_update(actor=reintegration_officer, person=person, cui="2547896541301")
    contact_add(actor=reintegration_officer, person=person, kind="phone", value="5555-1234")
    contact_add(actor=reintegration_officer, person=person, kind="email", value="jose@example.org")
    refer(
        shelter_profile,
        service="shelter",
        shelter=shelter,
        purpose="Albergue secreto",
        note="Nota solo para el albergue",
    )
    response = Client().get(link)
    page = response.content.decode()
    assert response.status_code == 200
    assert "José Luis Xicará Tzul" in page and "5555-1234" in page  # name and phone are shared
    assert "Entrevista para puesto de ayudante de cocina" in page
    for hidden in (
        "2547896541301",
        "jose@example.org",
        "1990",
        "Huehuetenango",
        "Albergue secreto",
        "Nota solo para el albergue",
    ):
        assert hidden not in page
    assert f'href="/people/{person.pk}' not in page
    assert response["Cache-Control"] == "no-store, private" and response["Referrer-Policy"] == "same-origin"


def test_answer_once_then_the_link_is_spent(link, job_referral):
    client = Client()
    response = client.post(link, {"status": "accepted", "note": "Entrevista el lunes"})
    assert response.status_code == 200 and "Gracias" in response.content.decode()
    job_referral.refresh_from_db()
    assert job_referral.status == Referral.Status.ACCEPTED
    change = job_referral.changes.last()
    assert (change.via, change.actor, change.note) == ("link", None, "Entrevista el lunes")
    assert ReferralLink.objects.get().state == "used"
    again = client.post(link, {"status": "completed"})
    assert again.status_code == 410
    assert Client().get(link).status_code == 410
    job_referral.refresh_from_db()
    assert job_referral.status == Referral.Status.ACCEPTED


def test_reject_through_link_needs_a_reason_and_keeps_the_link(link, job_referral):
    response = Client().post(link, {"status": "rejected", "reason": ""})
    assert response.status_code == 200
    job_referral.refresh_from_db()
    assert job_referral.status == Referral.Status.PENDING
    assert ReferralLink.objects.get().state == "live"
    Client().post(link, {"status": "rejected", "reason": "El puesto ya fue ocupado"})
    job_referral.refresh_from_db()
    assert (job_referral.status, job_referral.reason) == ("rejected", "El puesto ya fue ocupado")


def test_link_cannot_revoke(link, job_referral):
    response = Client().post(link, {"status": "revoked", "reason": "x"})
    assert response.status_code == 200  # form refuses a choice it does not offer
    job_referral.refresh_from_db()
    assert job_referral.status == Referral.Status.PENDING


def test_expired_link_is_refused(link, job_referral):
    ReferralLink.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    response = Client().get(link)
    assert response.status_code == 410 and "Xicará" not in response.content.decode()
    assert Client().post(link, {"status": "accepted"}).status_code == 410
    job_referral.refresh_from_db()
    assert job_referral.status == Referral.Status.PENDING


def test_signature_older_than_any_link_is_refused(job_referral, reintegration_officer, monkeypatch):
    path = signed_link_create(actor=reintegration_officer, referral=job_referral, days_valid=30)
    later = timezone.now() + datetime.timedelta(days=31)
    monkeypatch.setattr(signing.time, "time", lambda: later.timestamp())
    assert Client().get(path).status_code == 410


def test_revoked_link_is_refused(link, reintegration_officer):
    link_revoke(actor=reintegration_officer, link=ReferralLink.objects.get())
    response = Client().get(link)
    assert response.status_code == 410 and "retiró" in response.content.decode()


def test_closing_the_referral_revokes_its_links(link, job_referral, reintegration_officer):
    referral_set_status(actor=reintegration_officer, referral=job_referral, status="revoked", reason="Ya no aplica")
    assert ReferralLink.objects.get().state == "revoked"
    assert Client().get(link).status_code == 410


def test_tampered_or_unknown_tokens_are_not_found(link):
    token = _token(link)
    assert Client().get(link.replace(token, token[:-2] + "xx")).status_code == 404
    forged = signing.TimestampSigner(salt="retorno.referrals.link").sign("never-issued")
    assert Client().get(f"/referrals/answer/{forged}/").status_code == 404


def test_every_use_is_audited(link, job_referral):
    Client().get(link)
    Client().post(link, {"status": "accepted"})
    Client().get(link)
    actions = list(
        AuditEvent.objects.filter(person_id=job_referral.person_id).order_by("id").values_list("action", "kind")
    )
    link_rows = [a for a in actions if a[0].startswith("referral.link")]
    assert link_rows == [
        ("referral.link.create", "write"),
        ("referral.link.open", "view"),
        ("referral.link.open", "view"),
        ("referral.link.use", "write"),
        ("referral.link.refused", "security"),
    ]
    assert AuditEvent.objects.filter(action="referral.link.use").get().actor_username.startswith("link:")


def test_no_link_for_a_closed_referral(job_referral, reintegration_officer, employer_partner):
    referral_set_status(actor=employer_partner, referral=job_referral, status="rejected", reason="Sin plazas")
    with pytest.raises(ValidationError) as error:
        signed_link_create(actor=reintegration_officer, referral=job_referral)
    assert "status" in error.value.message_dict


def test_only_programme_staff_issue_links(job_referral, employer_partner, monitor):
    from django.core.exceptions import PermissionDenied

    for actor in (employer_partner, monitor):
        with pytest.raises(PermissionDenied):
            signed_link_create(actor=actor, referral=job_referral)
