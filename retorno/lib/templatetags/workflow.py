"""``{% load workflow %}{% status_badge obj %}``: one badge for every status pipeline."""

from django import template
from django.utils.html import format_html

from retorno.lib.workflow import next_statuses as allowed_next
from retorno.lib.workflow import status_label, status_tone

register = template.Library()


@register.simple_tag
def status_badge(obj) -> str:
    """The record's status as a coloured badge, by its label (never the raw code)."""
    tone = status_tone(obj)
    return format_html('<span class="badge{}">{}</span>', f" {tone}" if tone else "", status_label(obj, obj.status))


@register.filter
def next_statuses(obj) -> list[tuple[str, str]]:
    """The statuses ``obj`` may move to, as (value, label), for a status form."""
    return allowed_next(obj)
