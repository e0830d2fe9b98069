"""Follow-ups the returnee answers from a phone: invitation, the no-JavaScript form, reminders."""

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone

from retorno.messaging.actions import messages_deliver
from retorno.messaging.models import OutboundMessage
from retorno.messaging.testing import FakeGateway
from retorno.people.actions import consent_record, contact_add
from retorno.reintegration import actions, rss
from retorno.reintegration.models import FollowUp, FollowUpAttempt, FollowUpInvitation

pytestmark = pytest.mark.django_db


@pytest.fixture
def gateway(settings):
    with FakeGateway() as fake:
        settings.MESSAGE_CHANNELS = {**settings.MESSAGE_CHANNELS, "sms": fake.settings(), "whatsapp": fake.settings()}
        settings.MESSAGE_QUIET_HOURS = (0, 0)
        yield fake


@pytest.fixture
def followup(case, consenting, clerk):
    contact_add(actor=clerk, person=consenting, kind="phone", value="4123-4567")
    return (
        FollowUp.objects.filter(person=consenting, status="due").order_by("due_on").first()
        or actions.followups_schedule(
            actor=clerk, person=consenting, trigger="arrival", base_date=datetime.date.today(), case=case
        )[0]
    )


def _link(gateway) -> str:
    text = gateway.requests[-1]["text"]
    return re.search(r"https?://\S+?/reintegration/answer/\S+?/", text).group(0).split("://", 1)[1].split("/", 1)[1]


def _answers(**extra) -> dict:
    best = {f"rss_{q.code}": next(iter(q.options)) for q in rss.QUESTIONS_V1}
    return {"working": "informal", "income_band": "1500_3000", "intends_to_migrate": "no", **best, **extra}


def test_the_person_answers_from_the_phone_and_the_outcome_is_recorded(gateway, followup, reintegration_officer):
    actions.followup_invite(actor=reintegration_officer, followup=followup, channel="sms")
    messages_deliver()
    assert gateway.requests[0]["to"] == "+50241234567"
    assert "Xicará" not in gateway.requests[0]["text"]
    path = "/" + _link(gateway)
    page = Client().get(path)
    assert page.status_code == 200
    body = page.content.decode()
    assert "<script" not in body  # a cheap phone, no JavaScript
    assert "¿Está trabajando" in body or "Are you working" in body
    assert page["Cache-Control"].startswith("no-store")
    done = Client().post(path, _answers())
    assert done.status_code == 200, done.content.decode()[:2000]
    followup.refresh_from_db()
    assert followup.status == FollowUp.Status.DONE
    assert followup.outcome.self_reported and followup.outcome.working == "informal"
    assert followup.outcome.composite_score == 1.0
    assert followup.attempts.get().channel == FollowUpAttempt.Channel.SELF_REPORT
    assert Client().post(path, _answers()).status_code == 410  # single use
    assert Client().get(path).status_code == 410


def test_no_invitation_without_consent_or_a_phone(gateway, followup, reintegration_officer, clerk, consenting):
    with pytest.raises(ValidationError):
        actions.followup_invite(actor=reintegration_officer, followup=followup, channel="email")  # no email on file
    consent_record(actor=clerk, person=consenting, purpose="follow_up", given=False)
    with pytest.raises(ValidationError):
        actions.followup_invite(actor=reintegration_officer, followup=followup, channel="sms")
    assert not FollowUpInvitation.objects.exclude(followup__person=consenting).exists()
    assert OutboundMessage.objects.count() == 0


def test_only_reintegration_staff_invite(followup, clerk, monitor):
    for user in (clerk, monitor):
        with pytest.raises(PermissionDenied):
            actions.followup_invite(actor=user, followup=followup, channel="sms")


def test_tampered_or_unknown_link_is_refused(db):
    assert Client().get("/reintegration/answer/not-a-token/").status_code == 404


def test_one_reminder_after_three_days(gateway, followup, reintegration_officer):
    actions.followup_invite(actor=reintegration_officer, followup=followup, channel="sms")
    assert actions.followup_invitation_reminders() == 0
    FollowUpInvitation.objects.update(created_at=timezone.now() - datetime.timedelta(days=4))
    assert actions.followup_invitation_reminders() == 1
    assert actions.followup_invitation_reminders() == 0
    assert OutboundMessage.objects.filter(template="followup.reminder").count() == 1


def test_worklist_shows_who_answered(gateway, followup, reintegration_officer, client_for):
    followup.officer = reintegration_officer
    followup.save()
    client = client_for(reintegration_officer)
    assert "not answered" not in client.get("/reintegration/").content.decode().lower()
    client.post(f"/reintegration/followups/{followup.pk}/invite/", {"channel": "sms", "language": "es"})
    assert FollowUpInvitation.objects.filter(followup=followup).count() == 1
    from django.utils import translation

    with translation.override("en"):
        worklist = client.get("/reintegration/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "No contestó: llamar" in worklist or "not answered: call" in worklist


def test_api_invites_and_lists(gateway, followup, reintegration_officer, clerk, api_for):
    url = f"/api/v1/reintegration/followups/{followup.pk}/invitations"
    sent = api_for(reintegration_officer).post(url, {"channel": "sms"}, content_type="application/json")
    assert sent.status_code == 202, sent.content
    listed = api_for(reintegration_officer).get(url).json()
    assert [i["state"] for i in listed] == ["waiting"]
    assert api_for(clerk).post(url, {"channel": "sms"}, content_type="application/json").status_code in (403, 404)
    assert (
        api_for(reintegration_officer).post(url, {"channel": "fax"}, content_type="application/json").status_code == 422
    )


def test_response_rate_by_arrival_cohort(gateway, followup, reintegration_officer, monitor, client_for):
    from retorno.reintegration.queries import followup_response_by_cohort

    actions.followup_invite(actor=reintegration_officer, followup=followup, channel="sms")
    messages_deliver()
    [before] = followup_response_by_cohort()
    assert (before["followups"], before["invited"], before["answered"], before["rate"]) == (4, 1, 0, 0.0)
    Client().post("/" + _link(gateway), _answers())
    [after] = followup_response_by_cohort()
    assert (after["invited"], after["answered"], after["rate"]) == (1, 1, 1.0)
    page = client_for(monitor).get("/reintegration/figures/").content.decode()
    assert 'id="response-by-cohort"' in page and "100%" in page
