"""Queuing, delivery through the gateway, retries, opt-outs, quiet hours and consent."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from retorno.audit.models import AuditEvent
from retorno.messaging.actions import (
    MessageSpec,
    contact_opt_out,
    message_inbound,
    message_queue,
    messages_deliver,
    messages_queue_many,
)
from retorno.messaging.actions.delivery import backoff
from retorno.messaging.models import ContactOptOut, OutboundMessage
from retorno.messaging.quiet import earliest_send

S = OutboundMessage.Status
LINK = "https://retorno.example.org/r/abc"


def invite(person=None, phone="5555-1234", **extra) -> MessageSpec:
    return MessageSpec(
        channel="sms",
        template="followup.invite",
        recipient=phone,
        params={"programme": "Programa de Retornados", "link": LINK},
        person=person,
        **extra,
    )


def test_a_message_goes_through_the_gateway_once_and_keeps_no_text(db, gateway, consenting, reintegration_officer):
    message = message_queue(actor=reintegration_officer, spec=invite(consenting))
    assert messages_deliver() == {"sent": 1, "retry": 0, "failed": 0}
    message.refresh_from_db()
    assert message.status == S.SENT
    assert message.provider_id == f"gw-{message.uuid}"
    assert str(message.cost) == "0.0500" and message.cost_currency == "USD"
    assert message.body == ""  # the link is not kept once sent
    sent = gateway.requests[0]
    assert sent["to"] == "+50255551234"
    assert LINK in sent["text"] and "responda ALTO" in sent["text"]  # Spanish first
    assert "Xicará" not in sent["text"]  # no case data, not even the name
    assert messages_deliver() == {"sent": 0, "retry": 0, "failed": 0}
    assert gateway.keys[str(message.uuid)] == 1


def test_english_template_in_english(db, gateway, consenting, reintegration_officer):
    message_queue(actor=reintegration_officer, spec=invite(consenting, language="en"))
    messages_deliver()
    assert gateway.requests[0]["text"].startswith("Hello, this is Programa de Retornados")


def test_no_message_to_a_person_without_consent_to_be_contacted(db, gateway, person, reintegration_officer, clerk):
    with pytest.raises(ValidationError) as refused:
        message_queue(actor=reintegration_officer, spec=invite(person))
    assert "person" in refused.value.message_dict
    from retorno.people.actions import consent_record

    consent_record(actor=clerk, person=person, purpose="follow_up", given=True)
    consent_record(actor=clerk, person=person, purpose="follow_up", given=False)  # withdrawn: the latest counts
    with pytest.raises(ValidationError):
        message_queue(actor=reintegration_officer, spec=invite(person))
    assert OutboundMessage.objects.count() == 0


def test_parameters_outside_the_template_are_refused(db, manager):
    spec = invite()
    spec.params = {**spec.params, "diagnosis": "PTSD"}
    with pytest.raises(ValidationError) as refused:
        message_queue(actor=manager, spec=spec)
    assert "params" in refused.value.message_dict
    with pytest.raises(ValidationError):
        message_queue(actor=manager, spec=MessageSpec("fax", "followup.invite", "1", {}))


def test_same_dedupe_key_queues_once(db, gateway, manager):
    first = message_queue(actor=manager, spec=invite(dedupe_key="followup:1:invite"))
    again = message_queue(actor=manager, spec=invite(dedupe_key="followup:1:invite"))
    assert first.pk == again.pk
    assert OutboundMessage.objects.count() == 1


def test_delivery_waits_for_the_commit(db, gateway, manager, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        message_queue(actor=manager, spec=invite())
        assert DBTaskResult.objects.count() == 0  # nothing leaves inside the transaction
    assert len(callbacks) == 1
    assert DBTaskResult.objects.filter(task_path__endswith="deliver_messages").count() == 1


def test_a_rolled_back_action_sends_nothing(db, gateway, manager, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                message_queue(actor=manager, spec=invite())
                raise RuntimeError("the surrounding action failed")
        except RuntimeError:
            pass
    assert callbacks == [] and OutboundMessage.objects.count() == 0


def test_stop_reply_opts_out_and_cancels_what_is_queued(db, gateway, consenting, reintegration_officer):
    queued = message_queue(actor=reintegration_officer, spec=invite(consenting))
    assert message_inbound(sender="+502 5555 1234", text="  stop ") is True
    queued.refresh_from_db()
    assert queued.status == S.CANCELLED and queued.last_error == "opted_out"
    later = message_queue(actor=reintegration_officer, spec=invite(consenting, dedupe_key="later"))
    assert later.status == S.CANCELLED
    messages_deliver()
    assert gateway.requests == []
    assert ContactOptOut.objects.get().recipient_digest not in ("55551234", "+50255551234")
    assert message_inbound(sender="+50255559999", text="gracias") is False


def test_staff_opt_out_needs_permission_and_is_audited(db, clerk, monitor):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        contact_opt_out(address="5555-0000", source="staff", actor=monitor)
    contact_opt_out(address="5555-0000", source="staff", actor=clerk)
    assert AuditEvent.objects.filter(action="message.opt_out", actor=clerk).exists()


def test_transient_failures_are_retried_with_backoff_then_fail(db, gateway, manager, settings):
    settings.MESSAGE_MAX_ATTEMPTS = 2
    message = message_queue(actor=manager, spec=invite())
    gateway.fail_next = [503, 503]
    assert messages_deliver() == {"sent": 0, "retry": 1, "failed": 0}
    message.refresh_from_db()
    assert message.status == S.QUEUED and message.last_error == "http_503"
    assert message.next_attempt_at > timezone.now() + datetime.timedelta(seconds=55)
    assert messages_deliver() == {"sent": 0, "retry": 0, "failed": 0}  # not due yet
    OutboundMessage.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now())
    assert messages_deliver() == {"sent": 0, "retry": 0, "failed": 1}
    message.refresh_from_db()
    assert message.status == S.FAILED and message.attempts == 2 and message.body == ""
    assert AuditEvent.objects.filter(action="message.failed", object_id=str(message.pk)).exists()


def test_a_refused_number_is_not_retried(db, gateway, manager):
    message = message_queue(actor=manager, spec=invite())
    gateway.fail_next = [400]
    assert messages_deliver()["failed"] == 1
    message.refresh_from_db()
    assert message.status == S.FAILED and message.error_label.endswith("(HTTP 400)")


def test_backoff_grows_and_is_capped():
    assert datetime.timedelta(seconds=60) <= backoff(1) <= datetime.timedelta(seconds=66)
    assert datetime.timedelta(minutes=4) <= backoff(3) <= datetime.timedelta(minutes=4, seconds=24)
    assert backoff(30) <= datetime.timedelta(hours=6, minutes=36)


def test_quiet_hours_hold_phone_messages_until_morning(db, settings):
    settings.MESSAGE_QUIET_HOURS = (20, 8)
    tz = timezone.get_current_timezone()
    night = datetime.datetime(2026, 12, 3, 22, 15, tzinfo=tz)
    assert earliest_send(night, "sms") == datetime.datetime(2026, 12, 4, 8, 0, tzinfo=tz)
    early = datetime.datetime(2026, 12, 4, 6, 0, tzinfo=tz)
    assert earliest_send(early, "whatsapp") == datetime.datetime(2026, 12, 4, 8, 0, tzinfo=tz)
    assert earliest_send(night, "email") == night
    noon = datetime.datetime(2026, 12, 4, 12, 0, tzinfo=tz)
    assert earliest_send(noon, "sms") == noon


def test_bulk_queue_skips_duplicates_and_persons_without_consent(db, gateway, manager, consenting, clerk):
    from retorno.people.actions import person_create

    other = person_create(actor=clerk, given_names="Ana", first_surname="Pop", sex="F")
    specs = [
        invite(consenting, dedupe_key="a"),
        invite(other, phone="5555-2222", dedupe_key="b"),
        invite(dedupe_key="a"),
    ]
    created = messages_queue_many(actor=manager, specs=specs)
    assert [m.dedupe_key for m in created] == ["a"]
    assert messages_queue_many(actor=manager, specs=specs) == []
    assert AuditEvent.objects.filter(action="message.queue").count() == 1


def test_whatsapp_goes_through_its_own_gateway_entry(db, gateway, manager):
    message_queue(
        actor=manager,
        spec=MessageSpec(
            channel="whatsapp",
            template="followup.reminder",
            recipient="+1 (305) 555-0100",
            params={"programme": "P", "link": LINK},
        ),
    )
    assert messages_deliver()["sent"] == 1
    assert gateway.requests[0]["channel"] == "whatsapp" and gateway.requests[0]["to"] == "+13055550100"


def test_console_and_file_backends_for_development(db, manager, settings, tmp_path, capsys):
    import json

    settings.MESSAGE_QUIET_HOURS = (0, 0)
    settings.MESSAGE_CHANNELS = {
        **settings.MESSAGE_CHANNELS,
        "sms": {"BACKEND": "retorno.messaging.backends.ConsoleBackend"},
        "whatsapp": {"BACKEND": "retorno.messaging.backends.FileBackend", "PATH": str(tmp_path / "out.jsonl")},
    }
    message_queue(actor=manager, spec=invite())
    message_queue(
        actor=manager,
        spec=MessageSpec(
            channel="whatsapp",
            template="followup.reminder",
            recipient="5555-9999",
            params={"programme": "P", "link": LINK},
        ),
    )
    assert messages_deliver()["sent"] == 2
    assert "[sms to +50255551234]" in capsys.readouterr().out
    [line] = (tmp_path / "out.jsonl").read_text().splitlines()
    assert json.loads(line)["to"] == "+50255559999"


def test_an_unconfigured_gateway_fails_for_good(db, manager, settings):
    settings.MESSAGE_QUIET_HOURS = (0, 0)
    settings.MESSAGE_CHANNELS = {
        **settings.MESSAGE_CHANNELS,
        "sms": {"BACKEND": "retorno.messaging.backends.HttpGatewayBackend"},
    }
    message = message_queue(actor=manager, spec=invite())
    assert messages_deliver()["failed"] == 1
    message.refresh_from_db()
    assert message.last_error == "gateway_not_configured"
