"""Pieces shared by the reintegration actions: the one status mover and date arithmetic."""

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from retorno.audit.actions import audit_write
from retorno.reintegration.models import ReintegrationCase


def add_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` plus whole months, clamped to the month's last day (31 Jan + 1 = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def status_label(obj: models.Model, status: str) -> str:
    return str(dict(obj._meta.get_field("status").choices).get(status, status))


def move_status(
    *,
    obj: models.Model,
    to: str,
    actor,
    action: str,
    person_id: int | None,
    request=None,
    audit_reason: str = "",
    **fields,
) -> models.Model:
    """Move ``obj`` along its model's TRANSITIONS, set ``fields``, validate, save and audit.

    Each model's own ``<model>_set_status`` action decides the extra fields and rules, then
    calls this, so no status changes anywhere else.
    """
    current = obj.status
    if to not in obj.TRANSITIONS.get(current, set()):
        raise ValidationError(
            {
                "status": _("A %(thing)s cannot go from “%(from)s” to “%(to)s”.")
                % {"thing": obj._meta.verbose_name, "from": status_label(obj, current), "to": status_label(obj, to)}
            }
        )
    old = {"status": current, **{name: getattr(obj, name) for name in fields}}
    obj.status = to
    obj.status_changed_at = timezone.now()
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.full_clean()
    obj.save()
    audit_write(
        actor=actor,
        action=action,
        obj=obj,
        person_id=person_id,
        old=old,
        new={"status": to, **fields},
        reason=audit_reason,
        request=request,
    )
    return obj


def require_reason(reason: str, message: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": message})
    return reason


def require_live(case: ReintegrationCase) -> None:
    """Refuse work on a case that is not open."""
    if case.status not in ReintegrationCase.LIVE:
        raise ValidationError(_("The case is not open."))


def today_or(day: datetime.date | None) -> datetime.date:
    """``day`` (today when empty), never in the future."""
    day = day or timezone.localdate()
    if day > timezone.localdate():
        raise ValidationError({"on": _("The date cannot be in the future.")})
    return day
