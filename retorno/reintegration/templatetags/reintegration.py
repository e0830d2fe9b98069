from django import template

from retorno.reintegration.actions.common import status_label

register = template.Library()


@register.filter
def next_statuses(obj) -> list[tuple[str, str]]:
    """The statuses ``obj`` may move to, with their labels, for a status form."""
    return [(str(s), status_label(obj, s)) for s in sorted(obj.TRANSITIONS.get(obj.status, set()))]


@register.filter
def percent(value) -> str:
    return "—" if value is None else f"{round(value * 100)}%"


@register.filter
def status_badge(status: str) -> str:
    good = {"active", "issued", "completed", "certified", "hired", "approved", "disbursed", "done", "paid", "achieved"}
    bad = {"rejected", "not_hired", "dropped", "remigrated", "unreachable", "cancelled", "withdrawn"}
    return "ok" if status in good else "danger" if status in bad else "warn"
