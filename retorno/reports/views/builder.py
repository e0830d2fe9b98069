"""The report builder: indicators × breakdowns × period → tables, charts and downloads."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from retorno.accounts.access import permission_required
from retorno.reports import actions
from retorno.reports.catalogue import AREAS, CATALOGUE, COMMON_BREAKDOWNS, UNITS
from retorno.reports.charts import chart_spec
from retorno.reports.exports import to_csv, to_pdf, to_xlsx
from retorno.reports.queries import catalogue_by_area, report_definitions_for, run_report
from retorno.reports.query import report_query_from_params
from retorno.reports.views.common import XLSX, download, period_label


def _extra_breakdowns() -> dict:
    extras = {}
    for indicator in CATALOGUE.values():
        for key, extra in indicator.extras.items():
            extras.setdefault(key, extra.name)
    return extras


EXPORT_FORMATS = ("csv", "xlsx", "pdf")


@permission_required("reports.view")
def builder(request: HttpRequest) -> HttpResponse:
    query, errors, tables = None, {}, []
    if request.GET.get("indicator"):
        try:
            query = report_query_from_params(request.GET)
            tables = run_report(query, user=request.user)
        except ValidationError as exc:
            errors = exc.message_dict
    charts = [{"id": f"chart-{n}", "spec": chart_spec(t, "bar"), "table": t} for n, t in enumerate(tables, start=1)]
    context = {
        "areas": [(AREAS[a], items) for a, items in catalogue_by_area().items()],
        "breakdowns": {**COMMON_BREAKDOWNS, **_extra_breakdowns()},
        "query": query,
        "params": urlencode(query.as_params()) if query else "",
        "selected": set(request.GET.getlist("indicator")),
        "selected_breakdowns": request.GET.getlist("breakdown") + ["", ""],
        "start": request.GET.get("start", ""),
        "end": request.GET.get("end", ""),
        "errors": errors,
        "charts": charts,
        "saved": report_definitions_for(request.user),
    }
    return render(request, "reports/builder.html", context)


@permission_required("reports.view")
def export(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in EXPORT_FORMATS:
        raise Http404
    try:
        query = report_query_from_params(request.GET)
    except ValidationError as exc:
        return render(request, "reports/builder_error.html", {"errors": exc.message_dict}, status=400)
    tables = run_report(query, user=request.user)
    period = period_label(query.start, query.end)
    name = f"retorno-report-{query.start:%Y%m%d}-{query.end:%Y%m%d}"
    detail = {"format": fmt, **query.as_json()}
    if fmt == "csv":
        return download(
            request,
            content=to_csv(tables, period),
            filename=f"{name}.csv",
            content_type="text/csv; charset=utf-8",
            detail=detail,
        )
    if fmt == "xlsx":
        return download(
            request, content=to_xlsx(tables, period), filename=f"{name}.xlsx", content_type=XLSX, detail=detail
        )
    title = _("Retorno report")
    return download(
        request,
        content=to_pdf(tables, period, title),
        filename=f"{name}.pdf",
        content_type="application/pdf",
        detail=detail,
    )


@require_POST
@permission_required("reports.define")
def save(request: HttpRequest) -> HttpResponse:
    try:
        query = report_query_from_params(request.POST)
        actions.report_definition_save(
            actor=request.user, name=request.POST.get("name", ""), query=query, request=request
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect(reverse("reports:builder"))
    messages.success(request, _("Report saved."))
    return redirect(reverse("reports:builder") + "?" + urlencode(query.as_params()))


@permission_required("reports.view")
def open_saved(request: HttpRequest, pk: int) -> HttpResponse:
    definition = get_object_or_404(report_definitions_for(request.user), pk=pk)
    d = definition.definition
    params = [("indicator", i) for i in d["indicators"]] + [("breakdown", b) for b in d.get("breakdowns", [])]
    params += [("start", d["start"]), ("end", d["end"])] + [(f"f_{k}", v) for k, v in d.get("filters", {}).items()]
    return redirect(reverse("reports:builder") + "?" + urlencode(params))


@require_POST
@permission_required("reports.define")
def delete_saved(request: HttpRequest, pk: int) -> HttpResponse:
    definition = get_object_or_404(report_definitions_for(request.user), pk=pk)
    actions.report_definition_delete(actor=request.user, definition=definition, request=request)
    messages.success(request, _("Report deleted."))
    return redirect("reports:builder")


@permission_required("reports.view")
def catalogue(request: HttpRequest) -> HttpResponse:
    areas = [(AREAS[a], items) for a, items in catalogue_by_area().items()]
    return render(request, "reports/catalogue.html", {"areas": areas, "units": UNITS})
