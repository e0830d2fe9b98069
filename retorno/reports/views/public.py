"""Public statistics: no sign-in, cacheable, disclosure-controlled (see reports/opendata.py)."""

import csv
import io

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from retorno.reports.disclosure import rounding_base, threshold
from retorno.reports.opendata import release, release_csv_rows


def _year(request: HttpRequest) -> int:
    this_year = timezone.localdate().year
    try:
        year = int(request.GET.get("year", this_year))
    except ValueError:
        year = this_year
    return min(max(year, 2000), this_year)


@require_GET
@cache_control(public=True, max_age=3600)
def open_data(request: HttpRequest) -> HttpResponse:
    year = _year(request)
    this_year = timezone.localdate().year
    context = {
        "year": year,
        "years": list(range(this_year, this_year - 6, -1)),
        "tables": release(year),
        "threshold": threshold(),
        "base": rounding_base(),
    }
    return render(request, "reports/open_data.html", context)


@require_GET
@cache_control(public=True, max_age=3600)
def open_data_csv(request: HttpRequest) -> HttpResponse:
    year = _year(request)
    out = io.StringIO()
    csv.writer(out).writerows(release_csv_rows(release(year), year))
    response = HttpResponse(("\ufeff" + out.getvalue()).encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="retorno-open-data-{year}.csv"'
    return response
