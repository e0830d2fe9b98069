"""Delivering queued messages, safely when a worker dies half-way.

A worker claims a batch (status ``sending`` with a lease), sends each message and records the
result. A worker killed mid-batch leaves its claims to expire; the next worker claims them again
and resends with the same reference, which the gateway uses as its idempotency key — so nothing is
lost, and the recipient receives each message once. Failures are retried with exponential backoff
(respecting quiet hours) up to ``MESSAGE_MAX_ATTEMPTS``; permanent refusals are not retried.
"""

import datetime
import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from retorno.audit.actions import audit_event, audit_write
from retorno.audit.models import AuditEvent
from retorno.lib.workflow import transition
from retorno.messaging.audit_actions import AuditAction
from retorno.messaging.backends import DeliveryError, Outgoing, SendResult, backend_for
from retorno.messaging.models import OutboundMessage
from retorno.messaging.quiet import earliest_send
from retorno.messaging.texts import TEMPLATES, subject

S = OutboundMessage.Status
MAX_BACKOFF = datetime.timedelta(hours=6)


def _due(now) -> Q:
    return Q(status=S.QUEUED, next_attempt_at__lte=now) | Q(status=S.SENDING, lease_until__lt=now)


def _claim(*, ids: list[int] | None, limit: int) -> list[OutboundMessage]:
    now = timezone.now()
    with transaction.atomic():
        candidates = OutboundMessage.objects.filter(_due(now))
        if ids is not None:
            candidates = candidates.filter(pk__in=ids)
        claimed = list(
            candidates.order_by("next_attempt_at", "id")
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)[:limit]
        )
        OutboundMessage.objects.filter(pk__in=claimed).update(
            status=S.SENDING,
            lease_until=now + datetime.timedelta(seconds=settings.MESSAGE_LEASE_SECONDS),
            attempts=F("attempts") + 1,
        )
    return list(OutboundMessage.objects.filter(pk__in=claimed).order_by("id"))


def backoff(attempts: int) -> datetime.timedelta:
    """60 s, 2 min, 4 min, ... up to 6 h, with up to 10 % jitter so retries do not arrive together."""
    base = min(datetime.timedelta(seconds=60 * 2 ** max(attempts - 1, 0)), MAX_BACKOFF)
    return base + datetime.timedelta(seconds=secrets.randbelow(int(base.total_seconds() / 10) + 1))


def _sent(message: OutboundMessage, result: SendResult) -> None:
    OutboundMessage.objects.filter(pk=message.pk, status=S.SENDING).update(
        status=S.SENT,
        sent_at=timezone.now(),
        provider_id=result.provider_id,
        cost=result.cost,
        cost_currency=result.currency,
        lease_until=None,
        last_error="",
        body="",
    )


def _failed(message: OutboundMessage, error: DeliveryError) -> datetime.datetime | None:
    """Record a failed attempt; returns when to try again, or None when the message has failed."""
    now = timezone.now()
    if error.permanent or message.attempts >= settings.MESSAGE_MAX_ATTEMPTS:
        with transaction.atomic():
            OutboundMessage.objects.filter(pk=message.pk, status=S.SENDING).update(
                status=S.FAILED, last_error=error.code[:200], lease_until=None, body="", finished_at=now
            )
            audit_write(
                actor=None,
                action=AuditAction.MESSAGE_FAILED,
                obj=message,
                person_id=message.person_id,
                new={"error": error.code, "attempts": message.attempts},
            )
        return None
    retry_at = earliest_send(now + backoff(message.attempts), message.channel)
    OutboundMessage.objects.filter(pk=message.pk, status=S.SENDING).update(
        status=S.QUEUED, last_error=error.code[:200], lease_until=None, next_attempt_at=retry_at
    )
    return retry_at


def _outgoing(message: OutboundMessage) -> Outgoing:
    return Outgoing(
        reference=str(message.uuid),
        channel=message.channel,
        to=message.recipient,
        subject=subject(TEMPLATES[message.template], language=message.language),
        text=message.body,
    )


def messages_deliver(*, ids: list[int] | None = None, limit: int = 100) -> dict:
    """Claim up to ``limit`` due messages (of ``ids`` when given), send them, record each result.

    Runs in the worker, outside any request. Each result is committed as soon as it is known.
    """
    from retorno.messaging.tasks import enqueue_delivery

    counts = {"sent": 0, "retry": 0, "failed": 0}
    backends: dict = {}
    for message in _claim(ids=ids, limit=limit):
        backend = backends.get(message.channel) or backends.setdefault(message.channel, backend_for(message.channel))
        try:
            result = backend.send(_outgoing(message))
        except DeliveryError as error:
            retry_at = _failed(message, error)
            if retry_at is None:
                counts["failed"] += 1
            else:
                counts["retry"] += 1
                enqueue_delivery([message.pk], run_after=retry_at)
        else:
            _sent(message, result)
            counts["sent"] += 1
    return counts


def messages_sweep() -> int:
    """Hand every due message (and every claim left by a dead worker) back to the workers."""
    from retorno.messaging.tasks import enqueue_delivery

    ids = list(OutboundMessage.objects.filter(_due(timezone.now())).order_by("id").values_list("pk", flat=True))
    if ids:
        enqueue_delivery(ids)
    return len(ids)


def callback_signature(body: bytes) -> str:
    """The signature a gateway sends with a delivery report: HMAC-SHA256 of the body, hex."""
    return hmac.new(settings.MESSAGE_CALLBACK_SECRET.encode(), body, hashlib.sha256).hexdigest()


def signature_valid(body: bytes, signature: str) -> bool:
    return hmac.compare_digest(callback_signature(body), signature or "")


REPORTED = {"delivered": S.DELIVERED, "failed": S.FAILED}


@transaction.atomic
def message_delivery_report(
    *, reference: str, status: str, cost=None, currency: str = "", error: str = "", request=None
) -> OutboundMessage | None:
    """Apply a gateway's signed delivery report (by our reference or the provider's id).

    Reports are idempotent: a repeated or late report about a finished message changes nothing.
    """
    messages = OutboundMessage.objects.select_for_update()
    message = messages.filter(provider_id=reference).first()
    if message is None:
        try:
            message = messages.filter(uuid=reference).first()
        except ValueError:
            message = None
    if message is None:
        audit_event(
            actor=None,
            kind=AuditEvent.Kind.SECURITY,
            action=AuditAction.MESSAGE_REPORT_UNKNOWN,
            reason=reference[:64],
            request=request,
        )
        return None
    target = REPORTED[status]
    if not message.can_move_to(target):
        return message
    fields = {"finished_at": timezone.now()}
    if cost is not None:
        fields.update(cost=cost, cost_currency=(currency or "")[:3])
    if error:
        fields["last_error"] = error[:200]
    return transition(
        message,
        target,
        actor=None,
        action=AuditAction.MESSAGE_REPORT,
        person_id=message.person_id,
        fields=fields,
        request=request,
    )
