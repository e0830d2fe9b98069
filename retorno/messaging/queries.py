"""Reads of the messaging app."""

from django.db.models import Count, QuerySet

from retorno.accounts.access import require
from retorno.accounts.models import User
from retorno.messaging.models import OutboundMessage


def messages_visible_to(*, user: User, status: str = "") -> QuerySet[OutboundMessage]:
    """The outbox, newest first (managers only): who it went to is masked, the text is never shown."""
    require(user, "message.view")
    messages = OutboundMessage.objects.all()
    if status in OutboundMessage.Status.values:
        messages = messages.filter(status=status)
    return messages


def message_counts(*, user: User) -> dict[str, int]:
    require(user, "message.view")
    counts = dict(OutboundMessage.objects.values_list("status").annotate(n=Count("id")).order_by())
    return {status: counts.get(status, 0) for status in OutboundMessage.Status.values}


def messages_about(obj) -> QuerySet[OutboundMessage]:
    """The messages sent about one object (a referral, a follow-up), newest first."""
    return OutboundMessage.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))
