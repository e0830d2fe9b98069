"""Signed links sent to the partner by email, SMS or WhatsApp (never copied by hand), and a reminder
when the partner has not answered."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from retorno.accounts.access import require
from retorno.accounts.models import User
from retorno.audit.actions import audit_write
from retorno.messaging.actions import MessageSpec, message_queue
from retorno.messaging.models import Channel, OutboundMessage
from retorno.messaging.texts import programme_name
from retorno.referrals.actions.links import signed_link_create
from retorno.referrals.audit_actions import AuditAction
from retorno.referrals.models import PARTNER_ANSWERS, Referral

REMINDER_AFTER = datetime.timedelta(days=2)


def partner_address(referral: Referral, channel: str) -> str:
    """The partner's address on file for ``channel`` ('' when there is none)."""
    partner = referral.partner
    return partner.contact_email if channel == Channel.EMAIL else partner.contact_phone


@transaction.atomic
def referral_link_send(
    *,
    actor: User,
    referral: Referral,
    channel: str,
    days_valid: int = 7,
    template: str = "referral.link",
    request: HttpRequest | None = None,
) -> OutboundMessage:
    """Issue a signed link and send it to the partner's contact on file; the officer never sees it."""
    require(actor, "referral.link")
    if channel not in Channel.values:
        raise ValidationError({"channel": _("Choose email, SMS or WhatsApp.")})
    address = partner_address(referral, channel)
    if not address:
        raise ValidationError({"channel": _("The partner has no address on file for this channel.")})
    path = signed_link_create(actor=actor, referral=referral, days_valid=days_valid, request=request)
    expires = timezone.now() + datetime.timedelta(days=days_valid)
    params = {
        "programme": programme_name(),
        "organisation": referral.partner.organisation.name,
        "link": settings.SITE_URL + path,
    }
    if template == "referral.link":
        params["expires"] = formats.date_format(timezone.localtime(expires), "SHORT_DATE_FORMAT")
    message = message_queue(
        actor=actor,
        spec=MessageSpec(
            channel=channel,
            template=template,
            recipient=address,
            params=params,
            organisation=referral.partner.organisation,
            about=referral,
        ),
        request=request,
    )
    audit_write(
        actor=actor,
        action=AuditAction.LINK_SEND,
        obj=referral,
        person_id=referral.person_id,
        new={"channel": channel, "message": message.pk, "template": template},
        request=request,
    )
    return message


def referral_reminders_queue() -> int:
    """Remind partners who have not answered a link sent two days ago or more (once per referral).

    Periodic job: idempotent, and the reminder carries a fresh link (the first may be lost).
    """
    cutoff = timezone.now() - REMINDER_AFTER
    waiting = {s for s, moves in Referral.TRANSITIONS.items() if moves & PARTNER_ANSWERS}
    first_sends = OutboundMessage.objects.filter(
        template="referral.link",
        object_type=Referral._meta.label_lower,
        created_at__lte=cutoff,
        created_at__gte=cutoff - datetime.timedelta(days=30),
    ).exclude(status=OutboundMessage.Status.CANCELLED)
    reminded = set(
        OutboundMessage.objects.filter(
            template="referral.reminder", object_type=Referral._meta.label_lower
        ).values_list("object_id", flat=True)
    )
    sent = 0
    for message in first_sends.select_related("created_by").order_by("object_id", "-created_at"):
        if message.object_id in reminded or message.created_by is None:
            continue
        reminded.add(message.object_id)
        referral = (
            Referral.objects.select_related("partner__organisation")
            .filter(pk=message.object_id, status__in=waiting)
            .first()
        )
        if referral is None or referral.answered_at is not None:
            continue
        try:
            referral_link_send(
                actor=message.created_by, referral=referral, channel=message.channel, template="referral.reminder"
            )
        except ValidationError:
            continue  # the partner's address was removed since: nothing to remind
        sent += 1
    return sent
