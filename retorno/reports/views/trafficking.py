"""Trafficking statistics (aggregates, always protected) and the de-identified HTCDS extract."""

import csv
import io

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from retorno.accounts.access import permission_required
from retorno.audit.actions import audit_event
from retorno.audit.models import AuditEvent
from retorno.reports.audit_actions import AuditAction
from retorno.reports.trafficking import (
    QUASI_IDENTIFIERS,
    deidentified_rows,
    exploitation_counts,
    k_anonymity,
    statistics,
)
from retorno.reports.views.common import download, period_from, period_label


@permission_required("reports.view")
def trafficking_statistics(request: HttpRequest) -> HttpResponse:
    start, end, errors = period_from(request)
    exploitation = exploitation_counts(start, end)
    audit_event(
        actor=request.user,
        kind=AuditEvent.Kind.VIEW,
        action=AuditAction.TRAFFICKING_STATISTICS,
        section="aggregate",
        detail={"start": start, "end": end},
        request=request,
    )
    context = {
        "start": start,
        "end": end,
        "errors": errors,
        "period": period_label(start, end),
        "tables": statistics(start, end),
        "exploitation": exploitation,
        "k": k_anonymity(),
    }
    return render(request, "reports/trafficking.html", context)


@permission_required("reports.view")
def htcds_extract(request: HttpRequest) -> HttpResponse:
    start, end, _errors = period_from(request)
    rows = deidentified_rows(start, end)
    out = io.StringIO()
    columns = [*QUASI_IDENTIFIERS] + [c for c in (rows[0] if rows else {}) if c not in QUASI_IDENTIFIERS]
    writer = csv.DictWriter(out, fieldnames=columns or list(QUASI_IDENTIFIERS))
    writer.writeheader()
    writer.writerows(rows)
    return download(
        request,
        content=out.getvalue().encode("utf-8"),
        filename=f"htcds-deidentified-{start:%Y%m%d}-{end:%Y%m%d}.csv",
        content_type="text/csv; charset=utf-8",
        detail={"export": "htcds_deidentified", "rows": len(rows), "k": k_anonymity()},
    )
