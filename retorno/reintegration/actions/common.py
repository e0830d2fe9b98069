"""Pieces shared by the reintegration actions: date arithmetic and the checks every service makes.

Status changes go through ``retorno.lib.workflow.transition``.
"""

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from retorno.reintegration.models import ReintegrationCase

EDIT = "reintegration.edit"  # every staff write asks for it (the views and endpoints too)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` plus whole months, clamped to the month's last day (31 Jan + 1 = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


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
