"""Shared pieces of the evidence pages: the period picker and the export responses."""

import datetime

from django.http import HttpResponse
from django.utils.translation import gettext as _

from retorno.audit.actions import audit_event
from retorno.audit.models import AuditEvent
from retorno.reports.audit_actions import AuditAction
from retorno.reports.query import default_period


def period_from(request) -> tuple[datetime.date, datetime.date, dict]:
    """Start and end from ?start=&end= (default: this year); errors by field name."""
    first, last = default_period()
    errors = {}
    values = []
    for name, default in (("start", first), ("end", last)):
        raw = request.GET.get(name, "")
        try:
            values.append(datetime.date.fromisoformat(raw) if raw else default)
        except ValueError:
            errors[name] = _("Use a date as YYYY-MM-DD.")
            values.append(default)
    start, end = values
    if end < start:
        errors["end"] = _("The end of the period comes before its start.")
        start, end = first, last
    return start, end, errors


def period_label(start: datetime.date, end: datetime.date) -> str:
    """The period as the pages write every date (day/month/year), in pages and downloads alike."""
    return f"{start:%d/%m/%Y} – {end:%d/%m/%Y}"


def download(request, *, content: bytes, filename: str, content_type: str, detail: dict) -> HttpResponse:
    """An attachment, with an export row in the audit log when someone is signed in."""
    if request.user.is_authenticated:
        audit_event(
            actor=request.user,
            kind=AuditEvent.Kind.EXPORT,
            action=AuditAction.REPORT_EXPORT,
            detail=detail,
            request=request,
        )
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
