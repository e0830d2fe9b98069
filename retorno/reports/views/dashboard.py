"""The M&E dashboard: headline tiles, returns by month and year by air and land, departments
ranked and on a map, breakdown tables; each chart with its table beneath."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from retorno.accounts.access import permission_required
from retorno.reports.catalogue import CATALOGUE
from retorno.reports.charts import chart_spec
from retorno.reports.compute import compute, compute_totals
from retorno.reports.presentation import department_names, present
from retorno.reports.queries import sees_unsuppressed
from retorno.reports.tilemap import tiles
from retorno.reports.views.common import period_from, period_label

HEADLINES = (
    "reception.persons_received",
    "reception.distinct_persons",
    "reception.repeat_returns",
    "reception.minors",
    "reception.unaccompanied_minors",
    "transport.people_sent_home",
    "reintegration.cases_opened",
    "followup.reached",
    "protection.victims_assisted",
)
FILTERS = ("flight_kind", "sex")


def headline_tiles(start, end, filters: dict, *, protected: bool) -> list:
    """The headline figures, those kept in a summary table read in one pass (``compute_totals``)."""
    indicators = [CATALOGUE[i] for i in HEADLINES if i in CATALOGUE]
    return [
        present(result, protected=protected)
        for result in compute_totals(indicators, start=start, end=end, filters=filters)
    ]


@permission_required("reports.view")
def dashboard(request: HttpRequest) -> HttpResponse:
    start, end, errors = period_from(request)
    filters = {k: request.GET[k] for k in FILTERS if request.GET.get(k)}
    protected = not sees_unsuppressed(request.user)

    def table(indicator_id, *breakdowns):
        indicator = CATALOGUE[indicator_id]
        usable = {k: v for k, v in filters.items() if k in indicator.breakdowns}
        result = compute(indicator, start=start, end=end, breakdowns=list(breakdowns), filters=usable)
        return present(result, protected=protected)

    tiles_ = headline_tiles(start, end, filters, protected=protected)
    monthly = table("reception.persons_received", "month", "flight_kind")
    yearly = table("reception.persons_received", "year", "flight_kind")
    by_department = table("reception.persons_received", "department")
    dept_values = {code[0]: row[-1] for code, row in zip(by_department.codes, by_department.rows, strict=True)}
    ranked = sorted(zip(by_department.rows, by_department.codes, strict=True), key=lambda pair: -(pair[0][-1] or 0))
    by_department.rows = [row for row, _code in ranked]
    by_department.codes = [code for _row, code in ranked]
    names = department_names()
    context = {
        "start": start,
        "end": end,
        "period": period_label(start, end),
        "errors": errors,
        "filters": filters,
        "protected": protected,
        "tiles": tiles_,
        "monthly": monthly,
        "monthly_chart": chart_spec(monthly, "line"),
        "yearly": yearly,
        "yearly_chart": chart_spec(yearly, "bar"),
        "by_department": by_department,
        "department_chart": chart_spec(by_department, "bar", horizontal=True),
        "map_tiles": tiles(dept_values, names),
        "by_sex": table("reception.persons_received", "sex"),
        "by_age": table("reception.persons_received", "age_band"),
        "kinds": [("air", "air"), ("land", "land")],
    }
    return render(request, "reports/dashboard.html", context)
