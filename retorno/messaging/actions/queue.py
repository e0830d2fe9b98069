"""Putting messages in the queue: checked, deduplicated, respectful of opt-outs and quiet hours.

Nothing is sent inside the caller's transaction: delivery is handed to the background worker
once the transaction commits (``transaction.on_commit``), so a rolled-back action sends nothing.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from retorno.accounts.models import Organisation, User
from retorno.audit.actions import audit_write
from retorno.audit.models import AuditEvent
from retorno.messaging import addresses
from retorno.messaging.audit_actions import AuditAction
from retorno.messaging.models import ContactOptOut, OutboundMessage
from retorno.messaging.quiet import earliest_send
from retorno.messaging.texts import LANGUAGES, TEMPLATES, render
from retorno.people.models import Consent, Person

BULK_CHUNK = 500


@dataclass
class MessageSpec:
    """One message to queue: what, to whom, about what."""

    channel: str
    template: str
    recipient: str
    params: dict
    language: str = "es"
    person: Person | None = None
    organisation: Organisation | None = None
    about: models.Model | None = None
    dedupe_key: str | None = None


def _check(spec: MessageSpec) -> None:
    template = TEMPLATES.get(spec.template)
    if template is None:
        raise ValidationError({"template": _("Unknown message template.")})
    if spec.channel not in template.channels:
        raise ValidationError({"channel": _("This message cannot go by this channel.")})
    if set(spec.params) != template.params:
        raise ValidationError({"params": _("The message's parameters do not match its template.")})
    if any(len(str(value)) > 300 for value in spec.params.values()):
        raise ValidationError({"params": _("A parameter is too long for a message.")})
    if spec.language not in LANGUAGES:
        raise ValidationError({"language": _("Messages are written in Spanish or English.")})
    if not addresses.normalise(spec.recipient):
        raise ValidationError({"recipient": _("No phone number or email address to send to.")})


def contact_consent_in_force(person_ids: list[int]) -> set[int]:
    """The persons whose latest decision on being contacted for follow-up is a yes."""
    latest = (
        Consent.objects.filter(person_id__in=person_ids, purpose=Consent.Purpose.FOLLOW_UP)
        .order_by("person_id", "-at", "-id")
        .values_list("person_id", "given")
    )
    decided: dict[int, bool] = {}
    for person_id, given in latest:
        decided.setdefault(person_id, given)
    return {person_id for person_id, given in decided.items() if given}


def _build(spec: MessageSpec, *, actor: User | None, now, opted_out: set[str]) -> OutboundMessage:
    digest = addresses.digest(spec.recipient)
    _subject, text = render(TEMPLATES[spec.template], language=spec.language, params=spec.params)
    message = OutboundMessage(
        channel=spec.channel,
        template=spec.template,
        language=spec.language,
        recipient=addresses.normalise(spec.recipient),
        recipient_digest=digest,
        person=spec.person,
        organisation=spec.organisation,
        object_type=spec.about._meta.label_lower if spec.about is not None else "",
        object_id=str(spec.about.pk) if spec.about is not None else "",
        dedupe_key=spec.dedupe_key,
        body=text,
        created_by=actor if getattr(actor, "pk", None) else None,
        created_at=now,
        next_attempt_at=earliest_send(now, spec.channel),
    )
    if digest in opted_out:
        message.status = OutboundMessage.Status.CANCELLED
        message.last_error = "opted_out"
        message.body = ""
        message.finished_at = now
    return message


def _enqueue_on_commit(messages: list[OutboundMessage]) -> None:
    from retorno.messaging.tasks import enqueue_delivery

    by_time: dict = {}
    for message in messages:
        if message.status == OutboundMessage.Status.QUEUED:
            by_time.setdefault(message.next_attempt_at, []).append(message.pk)
    for run_after, ids in by_time.items():
        transaction.on_commit(lambda ids=ids, run_after=run_after: enqueue_delivery(ids, run_after=run_after))


@transaction.atomic
def message_queue(*, actor: User | None, spec: MessageSpec, request: HttpRequest | None = None) -> OutboundMessage:
    """Queue one message. A message to a returnee needs their consent to be contacted; an address
    that opted out gets a message recorded as cancelled ("opted_out"), never sent. Queuing the same
    ``dedupe_key`` twice returns the first message."""
    _check(spec)
    if spec.dedupe_key and (existing := OutboundMessage.objects.filter(dedupe_key=spec.dedupe_key).first()):
        return existing
    if spec.person is not None and spec.person.pk not in contact_consent_in_force([spec.person.pk]):
        raise ValidationError({"person": _("This person has not agreed to be contacted.")})
    digest = addresses.digest(spec.recipient)
    opted_out = set(ContactOptOut.objects.filter(recipient_digest=digest).values_list("recipient_digest", flat=True))
    message = _build(spec, actor=actor, now=timezone.now(), opted_out=opted_out)
    message.full_clean()
    message.save()
    audit_write(
        actor=actor,
        action=AuditAction.MESSAGE_QUEUE,
        obj=message,
        person_id=spec.person.pk if spec.person else None,
        new={"channel": message.channel, "template": message.template, "status": message.status},
        request=request,
    )
    _enqueue_on_commit([message])
    return message


@transaction.atomic
def messages_queue_many(*, actor: User | None, specs: list[MessageSpec]) -> list[OutboundMessage]:
    """Queue many messages at once (reminders): set-based lookups and inserts, one audit row each.

    Messages to persons without a consent in force, and ``dedupe_key`` already queued, are skipped;
    the result holds the new messages only.
    """
    for spec in specs:
        _check(spec)
    keys = [s.dedupe_key for s in specs if s.dedupe_key]
    seen: set[str] = set()
    for start in range(0, len(keys), BULK_CHUNK):
        chunk = keys[start : start + BULK_CHUNK]
        seen |= set(OutboundMessage.objects.filter(dedupe_key__in=chunk).values_list("dedupe_key", flat=True))
    person_ids = [s.person.pk for s in specs if s.person is not None]
    consented: set[int] = set()
    for start in range(0, len(person_ids), BULK_CHUNK):
        consented |= contact_consent_in_force(person_ids[start : start + BULK_CHUNK])
    digests = {addresses.digest(s.recipient) for s in specs}
    opted_out = set(
        ContactOptOut.objects.filter(recipient_digest__in=digests).values_list("recipient_digest", flat=True)
    )
    now = timezone.now()
    fresh = []
    for spec in specs:
        if spec.dedupe_key and spec.dedupe_key in seen:
            continue
        if spec.person is not None and spec.person.pk not in consented:
            continue
        if spec.dedupe_key:
            seen.add(spec.dedupe_key)
        fresh.append(_build(spec, actor=actor, now=now, opted_out=opted_out))
    created = OutboundMessage.objects.bulk_create(fresh, batch_size=BULK_CHUNK)
    if created and created[0].pk is None:  # backends that do not return keys on bulk insert
        created = list(OutboundMessage.objects.filter(uuid__in=[m.uuid for m in fresh]).order_by("id"))
    AuditEvent.objects.bulk_create(
        [
            AuditEvent(
                actor=actor if getattr(actor, "pk", None) else None,
                actor_username=getattr(actor, "username", "") or "",
                kind=AuditEvent.Kind.WRITE,
                action=AuditAction.MESSAGE_QUEUE,
                object_type=OutboundMessage._meta.label_lower,
                object_id=str(m.pk),
                person_id=m.person_id,
                new={"channel": m.channel, "template": m.template, "status": m.status},
                at=now,
            )
            for m in created
        ],
        batch_size=BULK_CHUNK,
    )
    _enqueue_on_commit(created)
    return created
