"""Migration profile (who returns) and cohort outcomes (what became of them)."""

import datetime

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from retorno.accounts.access import permission_required
from retorno.reports.catalogue import CATALOGUE
from retorno.reports.charts import _dataset
from retorno.reports.cohorts import cohort
from retorno.reports.compute import compute
from retorno.reports.presentation import present
from retorno.reports.profile import migration_history_tables
from retorno.reports.queries import sees_unsuppressed
from retorno.reports.views.common import period_from, period_label

PROFILE_BREAKDOWNS = (
    "sex",
    "age_band",
    "department",
    "municipality",
    "education",
    "language",
    "people_group",
    "return_number",
)


@permission_required("reports.view")
def migration_profile(request: HttpRequest) -> HttpResponse:
    start, end, errors = period_from(request)
    indicator = CATALOGUE["reception.distinct_persons"]
    protected = not sees_unsuppressed(request.user)
    tables = []
    for key in PROFILE_BREAKDOWNS:
        table = present(compute(indicator, start=start, end=end, breakdowns=[key]), protected=protected)
        ranked = sorted(zip(table.rows, table.codes, strict=True), key=lambda pair: -(pair[0][-1] or 0))
        table.rows, table.codes = [r for r, _c in ranked], [c for _r, c in ranked]
        tables.append(table)
    context = {
        "start": start,
        "end": end,
        "errors": errors,
        "period": period_label(start, end),
        "tables": tables,
        **migration_history_tables(start, end, protected=protected),
    }
    return render(request, "reports/profile.html", context)


@permission_required("reports.view")
def cohorts(request: HttpRequest) -> HttpResponse:
    raw = request.GET.get("month", "")
    error = ""
    try:
        month = datetime.date.fromisoformat(f"{raw}-01") if raw else None
    except ValueError:
        month, error = None, _("Use a month as YYYY-MM.")
    if month is None:
        today = timezone.localdate()
        month = (today.replace(day=1) - datetime.timedelta(days=366)).replace(day=1)
    rows = cohort(month)
    labels = [_("%(n)s months") % {"n": r["months_after"]} for r in rows]
    chart = {
        "type": "bar",
        "labels": labels,
        "datasets": [
            _dataset(_("Reached (%)"), [r["reach"] for r in rows], 0),
            _dataset(_("Working (% of reached)"), [r["working_share"] for r in rows], 1),
            _dataset(_("Intend to migrate again (% of reached)"), [r["intend_share"] for r in rows], 2),
            _dataset(_("Composite score"), [r["composite"] for r in rows], 3),
        ],
    }
    context = {"month": month, "error": error, "rows": rows, "chart": chart}
    return render(request, "reports/cohorts.html", context)
