"""Signed links sent to the partner by email or SMS, reminders, and who may send them."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from retorno.audit.models import AuditEvent
from retorno.messaging.actions import messages_deliver
from retorno.messaging.models import OutboundMessage
from retorno.messaging.testing import FakeGateway
from retorno.referrals import actions
from retorno.referrals.models import ReferralLink


@pytest.fixture
def reachable_employer(employer_profile):
    employer_profile.contact_email = "rrhh@empleador.example"
    employer_profile.contact_phone = "2222-3344"
    employer_profile.save()
    return employer_profile


@pytest.fixture
def gateway(settings):
    with FakeGateway() as fake:
        settings.MESSAGE_CHANNELS = {**settings.MESSAGE_CHANNELS, "sms": fake.settings()}
        settings.MESSAGE_QUIET_HOURS = (0, 0)
        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        yield fake


def test_link_goes_to_the_partner_by_email_with_no_personal_data(
    db, gateway, refer, reachable_employer, reintegration_officer
):
    referral = refer(reachable_employer, service="employment")
    message = actions.referral_link_send(actor=reintegration_officer, referral=referral, channel="email")
    assert ReferralLink.objects.filter(referral=referral).count() == 1
    assert messages_deliver()["sent"] == 1
    [email] = mail.outbox
    assert email.to == ["rrhh@empleador.example"]
    assert "/referrals/answer/" in email.body
    assert "Xicará" not in email.body and "José" not in email.body and "cocina" not in email.body
    message.refresh_from_db()
    assert message.status == OutboundMessage.Status.SENT and message.body == ""
    assert AuditEvent.objects.filter(action="referral.link.send", object_id=str(referral.pk)).exists()


def test_link_by_sms_and_a_partner_without_a_phone(
    db, gateway, refer, reachable_employer, employer_profile, reintegration_officer
):
    referral = refer(reachable_employer, service="employment")
    actions.referral_link_send(actor=reintegration_officer, referral=referral, channel="sms")
    messages_deliver()
    assert gateway.requests[0]["to"] == "+50222223344"
    employer_profile.contact_phone = ""
    employer_profile.save()
    with pytest.raises(ValidationError) as refused:
        actions.referral_link_send(actor=reintegration_officer, referral=referral, channel="sms")
    assert "channel" in refused.value.message_dict


def test_only_staff_who_may_issue_links_send_them(db, refer, reachable_employer, employer_partner, monitor):
    referral = refer(reachable_employer, service="employment")
    for user in (employer_partner, monitor):
        with pytest.raises(PermissionDenied):
            actions.referral_link_send(actor=user, referral=referral, channel="email")
    assert OutboundMessage.objects.count() == 0


def test_unanswered_link_gets_one_reminder(db, gateway, refer, reachable_employer, reintegration_officer):
    referral = refer(reachable_employer, service="employment")
    first = actions.referral_link_send(actor=reintegration_officer, referral=referral, channel="email")
    assert actions.referral_reminders_queue() == 0  # not yet two days
    OutboundMessage.objects.filter(pk=first.pk).update(created_at=timezone.now() - datetime.timedelta(days=3))
    assert actions.referral_reminders_queue() == 1
    assert actions.referral_reminders_queue() == 0  # once
    reminder = OutboundMessage.objects.get(template="referral.reminder")
    assert reminder.object_id == str(referral.pk)
    assert ReferralLink.objects.filter(referral=referral).count() == 2  # a fresh link


def test_answered_referral_gets_no_reminder(db, gateway, refer, reachable_employer, reintegration_officer):
    referral = refer(reachable_employer, service="employment")
    first = actions.referral_link_send(actor=reintegration_officer, referral=referral, channel="email")
    OutboundMessage.objects.filter(pk=first.pk).update(created_at=timezone.now() - datetime.timedelta(days=3))
    actions.referral_set_status(actor=reintegration_officer, referral=referral, status="accepted")
    assert actions.referral_reminders_queue() == 0


def test_page_sends_the_link_and_shows_the_message(
    db, gateway, refer, reachable_employer, reintegration_officer, client_for
):
    referral = refer(reachable_employer, service="employment")
    client = client_for(reintegration_officer)
    page = client.get(f"/referrals/{referral.pk}/")
    assert 'id="send-link"' in page.content.decode()
    answer = client.post(f"/referrals/{referral.pk}/links/send/", {"channel": "email", "days_valid": 5}, follow=True)
    body = answer.content.decode()
    assert "sent-messages" in body and "r…@empleador.example" in body
    assert "/referrals/answer/" not in body  # the officer never handles the link


def test_page_refuses_a_partner_and_an_unknown_channel(
    db, refer, reachable_employer, employer_partner, reintegration_officer, client_for
):
    referral = refer(reachable_employer, service="employment")
    assert client_for(employer_partner).post(
        f"/referrals/{referral.pk}/links/send/", {"channel": "email"}
    ).status_code in (403, 404)
    client_for(reintegration_officer).post(f"/referrals/{referral.pk}/links/send/", {"channel": "fax", "days_valid": 5})
    assert OutboundMessage.objects.count() == 0


def test_api_sends_a_link(db, gateway, refer, reachable_employer, reintegration_officer, employer_partner, api_for):
    referral = refer(reachable_employer, service="employment")
    answer = api_for(reintegration_officer).post(
        f"/api/v1/referrals/{referral.pk}/links/send", {"channel": "sms"}, content_type="application/json"
    )
    assert answer.status_code == 202, answer.content
    assert answer.json()["status"] == "queued"
    denied = api_for(employer_partner).post(
        f"/api/v1/referrals/{referral.pk}/links/send", {"channel": "sms"}, content_type="application/json"
    )
    assert denied.status_code in (403, 404)
    bad = api_for(reintegration_officer).post(
        f"/api/v1/referrals/{referral.pk}/links/send", {"channel": "fax"}, content_type="application/json"
    )
    assert bad.status_code == 422
