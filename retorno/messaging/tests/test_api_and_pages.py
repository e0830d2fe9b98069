"""The outbox page and API (managers only), opt-outs by staff, and the gateways' signed callbacks."""

import json

import pytest

from retorno.messaging.actions import MessageSpec, message_queue, messages_deliver
from retorno.messaging.actions.delivery import callback_signature
from retorno.messaging.models import ContactOptOut, OutboundMessage

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(gateway, manager):
    message = message_queue(
        actor=manager,
        spec=MessageSpec("sms", "followup.reminder", "5555-1234", {"programme": "P", "link": "https://x/y"}),
    )
    messages_deliver()
    message.refresh_from_db()
    return message


def _callback(client, path, body: dict, *, signature: str | None = None):
    raw = json.dumps(body).encode()
    return client.post(
        path, raw, content_type="application/json", HTTP_X_RETORNO_SIGNATURE=signature or callback_signature(raw)
    )


def test_signed_delivery_report_marks_delivered_once(client, sent):
    path = "/api/v1/messaging/callbacks/status"
    answer = _callback(client, path, {"reference": sent.provider_id, "status": "delivered", "cost": "0.07"})
    assert answer.status_code == 200 and answer.json() == {"accepted": True}
    sent.refresh_from_db()
    assert sent.status == OutboundMessage.Status.DELIVERED and str(sent.cost) == "0.0700"
    late = _callback(client, path, {"reference": str(sent.uuid), "status": "failed"})
    assert late.status_code == 200
    sent.refresh_from_db()
    assert sent.status == OutboundMessage.Status.DELIVERED  # a finished message stays finished


def test_unsigned_or_forged_reports_are_refused(client, sent):
    path = "/api/v1/messaging/callbacks/status"
    body = {"reference": sent.provider_id, "status": "delivered"}
    assert _callback(client, path, body, signature="0" * 64).status_code == 401
    assert client.post(path, json.dumps(body), content_type="application/json").status_code == 401
    sent.refresh_from_db()
    assert sent.status == OutboundMessage.Status.SENT


def test_bad_report_bodies_get_4xx(client, sent):
    path = "/api/v1/messaging/callbacks/status"
    assert _callback(client, path, {"reference": sent.provider_id, "status": "lost"}).status_code == 422
    raw = b"not json"
    answer = client.post(path, raw, content_type="application/json", HTTP_X_RETORNO_SIGNATURE=callback_signature(raw))
    assert 400 <= answer.status_code < 500


def test_inbound_stop_opts_out(client, db):
    answer = _callback(client, "/api/v1/messaging/callbacks/inbound", {"from": "+50255551234", "text": "BAJA"})
    assert answer.status_code == 200 and answer.json() == {"opted_out": True}
    assert ContactOptOut.objects.count() == 1


def test_outbox_for_managers_only(client_for, sent, manager, clerk, monitor, shelter_partner):
    page = client_for(manager).get("/messaging/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "…234" in body and "5555" not in body and "https://x/y" not in body
    for user in (clerk, monitor, shelter_partner):
        assert client_for(user).get("/messaging/").status_code == 403


def test_outbox_api_for_managers_only(api_for, sent, manager, clerk):
    answer = api_for(manager).get("/api/v1/messaging/messages")
    assert answer.status_code == 200
    [item] = answer.json()["items"]
    assert item["recipient"] == "…234" and item["status"] == "sent"
    assert api_for(clerk).get("/api/v1/messaging/messages").status_code == 403


def test_staff_record_an_opt_out_on_the_page_and_the_api(client_for, api_for, clerk, monitor):
    answer = client_for(clerk).post("/messaging/opt-out/", {"address": "5555-7777"}, follow=True)
    assert answer.status_code == 200 and ContactOptOut.objects.count() == 1
    assert client_for(monitor).get("/messaging/opt-out/").status_code == 403
    created = api_for(clerk).post(
        "/api/v1/messaging/opt-outs", {"address": "ana@example.org"}, content_type="application/json"
    )
    assert created.status_code == 201 and ContactOptOut.objects.count() == 2
    denied = api_for(monitor).post(
        "/api/v1/messaging/opt-outs", {"address": "x@example.org"}, content_type="application/json"
    )
    assert denied.status_code == 403
