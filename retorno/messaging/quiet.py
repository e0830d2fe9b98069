"""Quiet hours: no SMS or WhatsApp to a returnee's phone at night (``MESSAGE_QUIET_HOURS``)."""

import datetime

from django.conf import settings
from django.utils import timezone

from retorno.messaging.models import Channel

PHONE_CHANNELS = frozenset({Channel.SMS, Channel.WHATSAPP})


def in_quiet_hours(moment: datetime.datetime) -> bool:
    start, end = settings.MESSAGE_QUIET_HOURS
    hour = timezone.localtime(moment).hour
    if start == end:
        return False
    return hour >= start or hour < end if start > end else start <= hour < end


def earliest_send(moment: datetime.datetime, channel: str) -> datetime.datetime:
    """``moment``, or the end of the quiet hours it falls in for a phone channel."""
    if channel not in PHONE_CHANNELS or not in_quiet_hours(moment):
        return moment
    _start, end = settings.MESSAGE_QUIET_HOURS
    local = timezone.localtime(moment)
    opening = local.replace(hour=end, minute=0, second=0, microsecond=0)
    if opening <= local:
        opening += datetime.timedelta(days=1)
    return opening
