"""Indicators and reports behind the REST API: /api/v1/reports/."""

from datetime import date
from typing import Literal

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja import Path as P

from retorno.accounts.access import require
from retorno.reports import actions
from retorno.reports.catalogue import CATALOGUE, UNITS
from retorno.reports.exports import to_csv, to_pdf, to_xlsx
from retorno.reports.opendata import release
from retorno.reports.queries import report_definitions_for, run_report
from retorno.reports.query import MAX_BREAKDOWNS, MAX_INDICATORS, report_query
from retorno.reports.views.common import XLSX, period_label

router = Router(tags=["reports"])
VIEW = "reports.view"


class IndicatorOut(Schema):
    id: str
    name_es: str
    name_en: str
    definition: str
    numerator: str
    denominator: str
    unit: str = Field(description=f"one of {', '.join(UNITS)}")
    area: str
    source: str
    breakdowns: list[str]
    sealed: bool = Field(description="sealed-tier figure: always small-cell protected")
    hxl: str


def _indicator_ids(schema: dict) -> None:
    # Filled when the document is drawn, not at import: indicators register from each app's ready().
    schema["items"] = {"type": "string", "enum": sorted(CATALOGUE)}


def _breakdown_ids() -> list[str]:
    return sorted({key for indicator in CATALOGUE.values() for key in indicator.breakdowns})


def _breakdowns(schema: dict) -> None:
    schema["items"] = {"type": "string", "enum": _breakdown_ids()}


def _filters(schema: dict) -> None:
    schema["propertyNames"] = {"enum": _breakdown_ids()}


class QueryIn(Schema):
    indicators: list[str] = Field(
        min_length=1, max_length=MAX_INDICATORS, description="indicator ids", json_schema_extra=_indicator_ids
    )
    breakdowns: list[str] = Field(
        [],
        max_length=MAX_BREAKDOWNS,
        description="e.g. sex, age_band, department, month (each must be offered by every indicator asked for)",
        json_schema_extra=_breakdowns,
    )
    start: date | None = Field(None, description="default: 1 January of this year")
    end: date | None = Field(None, description="default: 31 December of this year; not before start")
    filters: dict[str, str] = Field(
        {}, description='breakdown -> code, e.g. {"sex": "F", "flight_kind": "air"}', json_schema_extra=_filters
    )
    model_config = {"extra": "forbid"}


class TableOut(Schema):
    indicator_id: str
    title: str
    unit: str
    columns: list[str]
    keys: list[str] = Field(description="breakdown ids, in column order")
    rows: list[list] = Field(description="labels then the value; null = suppressed")
    codes: list[list] = Field(description="the codes behind the labels")
    total: float | None
    protected: bool = Field(description="small cells suppressed and counts rounded")
    hidden: int


class DefinitionIn(QueryIn):
    name: str = Field(min_length=1, max_length=120)


class DefinitionOut(Schema):
    id: int
    name: str
    definition: dict


def _query(payload: QueryIn):
    return report_query(
        indicators=payload.indicators,
        breakdowns=payload.breakdowns,
        start=payload.start,
        end=payload.end,
        filters=payload.filters,
    )


@router.get("/indicators", response=list[IndicatorOut], summary="The indicator catalogue")
def indicators(request: HttpRequest):
    require(request.user, VIEW)
    out = []
    for ind in CATALOGUE.values():
        names = {}
        for lang in ("es", "en"):
            with translation.override(lang):
                names[lang] = str(ind.name)
        out.append(
            {
                "id": ind.id,
                "name_es": names["es"],
                "name_en": names["en"],
                "definition": str(ind.definition),
                "numerator": str(ind.numerator),
                "denominator": str(ind.denominator),
                "unit": ind.unit,
                "area": ind.area,
                "source": str(ind.source),
                "breakdowns": ind.breakdowns,
                "sealed": ind.sealed,
                "hxl": ind.hxl,
            }
        )
    return out


@router.post("/run", response=list[TableOut], summary="Compute indicators × breakdowns × period")
def run(request: HttpRequest, payload: QueryIn):
    require(request.user, VIEW)
    return run_report(_query(payload), user=request.user)


@router.post(
    "/export",
    summary="The same report as a file",
    description="format: csv, xlsx (with an HXL hashtag row under the headers) or pdf.",
    response={200: None},
)
def export(request: HttpRequest, payload: QueryIn, format: Literal["csv", "xlsx", "pdf"] = "csv"):
    require(request.user, VIEW)
    query = _query(payload)
    tables = run_report(query, user=request.user)
    period = period_label(query.start, query.end)
    if format == "csv":
        content, kind = to_csv(tables, period), "text/csv; charset=utf-8"
    elif format == "xlsx":
        content, kind = to_xlsx(tables, period), XLSX
    else:
        content, kind = to_pdf(tables, period, "Retorno"), "application/pdf"
    response = HttpResponse(content, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="retorno-report.{format}"'
    return response


@router.get("/definitions", response=list[DefinitionOut], summary="My saved reports")
def definitions(request: HttpRequest):
    require(request.user, VIEW)
    return report_definitions_for(request.user)


@router.post("/definitions", response={201: DefinitionOut}, summary="Save a report definition")
def definition_save(request: HttpRequest, payload: DefinitionIn):
    require(request.user, "reports.define")
    obj = actions.report_definition_save(actor=request.user, name=payload.name, query=_query(payload), request=request)
    return Status(201, obj)


@router.delete("/definitions/{definition_id}", response={204: None}, summary="Delete one of my saved reports")
def definition_delete(request: HttpRequest, definition_id: int):
    require(request.user, "reports.define")
    obj = get_object_or_404(report_definitions_for(request.user), pk=definition_id)
    actions.report_definition_delete(actor=request.user, definition=obj, request=request)
    return Status(204, None)


class PublicTableOut(Schema):
    indicator_id: str
    title: str
    breakdown: str
    breakdown_name: str
    hxl: str
    rows: list[tuple[str, list[int | None]]] = Field(description="category, [T1, T2, T3, T4, year]; null = suppressed")
    totals: list[int | None]


@router.get(
    "/open/{year}", auth=None, response=list[PublicTableOut], summary="Public statistics of a year (no sign-in)"
)
def open_data(request: HttpRequest, year: int = P(..., ge=2000, description="from 2000 to the current year")):
    if not 2000 <= year <= date.today().year:
        raise ValidationError({"year": _("Choose a year between 2000 and this year.")})
    return release(year)
