"""Turn (indicator, period, breakdowns, filters) into one GROUP BY query and a table.

Every breakdown is an SQL expression over indexed columns (sex, the municipality's department,
the flight's kind, a truncated date); the age band is computed in SQL from the event date and
the birth date (YYYYMMDD arithmetic, exact on SQLite and PostgreSQL). Python only formats the
few grouped rows that come back.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.db.models import Case, CharField, DateField, DateTimeField, F, Func, IntegerField, Sum, Value, When
from django.db.models.expressions import ExpressionWrapper
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import (
    ExtractDay,
    ExtractMonth,
    ExtractYear,
    NullIf,
    TruncDay,
    TruncMonth,
    TruncQuarter,
)
from django.db.models.lookups import LessThan
from django.utils.translation import gettext_lazy as _

from retorno.reports.catalogue import MONTHLY_BREAKDOWNS, Indicator

DEFAULT_AGE_BANDS = (0, 12, 18, 30, 45)


class BadQuery(ValueError):
    """A breakdown or filter the indicator does not allow: (field, message)."""

    def __init__(self, field_name: str, message: str):
        super().__init__(message)
        self.field, self.message = field_name, message


def age_bands() -> tuple[int, ...]:
    """Lower bounds of the age bands (setting ``RETORNO_AGE_BANDS``; default 0, 12, 18, 30, 45)."""
    return tuple(getattr(settings, "RETORNO_AGE_BANDS", DEFAULT_AGE_BANDS))


def age_band_labels() -> dict[str, str]:
    bounds = age_bands()
    labels = {}
    for i, low in enumerate(bounds):
        labels[str(low)] = f"{low}–{bounds[i + 1] - 1}" if i + 1 < len(bounds) else f"{low}+"
    labels["unknown"] = _("Age not recorded")
    return labels


def _field(model, path: str):
    parts = path.split("__")
    for part in parts[:-1]:
        model = model._meta.get_field(part).related_model
    return model._meta.get_field(parts[-1])


def _is_datetime(indicator: Indicator) -> bool:
    return isinstance(_field(indicator.rows().model, indicator.date), DateTimeField)


class DateKey(Func):
    """A date as the integer YYYYMMDD, with the database's own functions (SQLite's Django
    date functions are Python callbacks, too slow over a million rows)."""

    output_field = IntegerField()
    template = "CAST(TO_CHAR(%(expressions)s, 'YYYYMMDD') AS INTEGER)"

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(
            compiler, connection, template="CAST(REPLACE(SUBSTR(%(expressions)s, 1, 10), '-', '') AS INTEGER)", **extra
        )


class PeriodStart(Func):
    """The first day of the month, quarter or year of a DateField, natively on each database."""

    output_field = DateField()
    PG = {"month": "month", "quarter": "quarter", "year": "year"}
    # String slices of the ISO date (cheaper than DATE() with modifiers over a million rows).
    SQLITE = {
        "month": "SUBSTR(%(expressions)s, 1, 7) || '-01'",
        "quarter": "SUBSTR(%(expressions)s, 1, 5) || CASE (CAST(SUBSTR(%(expressions)s, 6, 2) AS INTEGER) - 1) / 3 "
        "WHEN 0 THEN '01' WHEN 1 THEN '04' WHEN 2 THEN '07' ELSE '10' END || '-01'",
        "year": "SUBSTR(%(expressions)s, 1, 4) || '-01-01'",
    }

    def __init__(self, expression, unit: str):
        super().__init__(expression)
        self.unit = unit

    def as_sql(self, compiler, connection, **extra):
        template = f"CAST(DATE_TRUNC('{self.PG[self.unit]}', %(expressions)s) AS DATE)"
        return super().as_sql(compiler, connection, template=template, **extra)

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, template=self.SQLITE[self.unit], **extra)


def _datekey(path: str, *, is_datetime: bool = False):
    if is_datetime:  # keep Django's time-zone-aware extraction for datetimes
        return ExtractYear(path) * 10000 + ExtractMonth(path) * 100 + ExtractDay(path)
    return DateKey(path)


def age_band_expression(event_date: str, birth_date: str, *, is_datetime: bool = False):
    """The age band on the event's day, in SQL: age >= n  <=>  key(event) - key(birth) >= n * 10000."""
    diff = ExpressionWrapper(
        _datekey(event_date, is_datetime=is_datetime) - _datekey(birth_date), output_field=IntegerField()
    )
    bounds = age_bands()
    whens = [When(**{f"{birth_date}__isnull": True}, then=Value("unknown"))]
    for i, low in enumerate(bounds[:-1]):
        whens.append(When(LessThan(diff, bounds[i + 1] * 10000), then=Value(str(low))))
    return Case(*whens, default=Value(str(bounds[-1])), output_field=CharField())


def breakdown_expression(indicator: Indicator, key: str):
    if key not in indicator.breakdowns:
        raise BadQuery("breakdowns", str(_("This indicator cannot be broken down by %(key)s.") % {"key": key}))
    date, person = indicator.date, indicator.person
    out = DateField() if _is_datetime(indicator) else None
    if key == "sex":
        return F(f"{person}__sex")
    if key == "age_band":
        return age_band_expression(date, f"{person}__birth_date", is_datetime=out is not None)
    if key == "department":
        return F(f"{person}__origin_municipality__department__code")
    if key == "municipality":
        return F(f"{person}__origin_municipality__code")
    if key == "day":
        return TruncDay(date, output_field=out) if out else F(date)
    if key == "month":
        return TruncMonth(date, output_field=out) if out else PeriodStart(date, "month")
    if key == "quarter":
        return TruncQuarter(date, output_field=out) if out else PeriodStart(date, "quarter")
    if key == "year":
        return ExtractYear(date) if out else PeriodStart(date, "year")
    if key == "flight_kind":
        return F(f"{indicator.flight}__kind")
    if key == "partner":
        return F(indicator.partner)
    if key == "donor":
        return F(indicator.donor)
    extra = indicator.extras[key]
    if extra.expression is not None:
        return extra.expression()
    if extra.json_key:  # "person__languages__0": key 0 of the JSON field person__languages, as text
        field_path, key_name = extra.path.rsplit("__", 1)
        return KeyTextTransform(key_name, field_path)
    return F(extra.path)


def summary_expression(key: str, date: str = "day"):
    """A breakdown over the summary table's columns (``reports.models.ArrivalCount``); the same
    codes as ``breakdown_expression`` over the base rows ("" read as not recorded, like NULL)."""
    if key == "age_band":
        bounds = age_bands()
        whens = [When(age__isnull=True, then=Value("unknown"))]
        whens += [When(age__lt=bounds[i + 1], then=Value(str(low))) for i, low in enumerate(bounds[:-1])]
        return Case(*whens, default=Value(str(bounds[-1])), output_field=CharField())
    if key in ("department", "municipality"):
        return NullIf(F(key), Value(""))
    if key in ("month", "quarter", "year"):
        return PeriodStart(date, key)
    return F({"day": "day", "sex": "sex", "flight_kind": "flight_kind"}[key])


@dataclass
class Result:
    indicator: Indicator
    start: datetime.date
    end: datetime.date
    breakdowns: list[str]
    rows: list[dict] = field(default_factory=list)  # {"<breakdown>": code, ..., "value": number}
    total: float | int | None = None
    source: str = ""  # what was read: "monthly" or "daily" (summary tables) or "rows" (the base rows)


def _period_filter(indicator: Indicator, start: datetime.date, end: datetime.date) -> dict:
    if _is_datetime(indicator):
        return {f"{indicator.date}__date__gte": start, f"{indicator.date}__date__lte": end}
    return {f"{indicator.date}__gte": start, f"{indicator.date}__lte": end}


def _plain(value, key: str = ""):
    if isinstance(value, datetime.datetime):
        value = value.date()
    if key == "year" and isinstance(value, datetime.date):
        return value.year
    return value


def _whole_months_within(start: datetime.date, end: datetime.date) -> tuple[datetime.date, datetime.date] | None:
    """The first and last day of the whole months inside [start, end]; None when there are none."""
    first = start if start.day == 1 else (start.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    last = end if (end + datetime.timedelta(days=1)).day == 1 else end.replace(day=1) - datetime.timedelta(days=1)
    return (first, last) if first <= last else None


def _summary_parts(summary, start: datetime.date, end: datetime.date, wanted: set) -> list[tuple]:
    """(rows, date column) of the summary tables that together cover [start, end] once: the monthly
    table for the whole months inside it (when it answers these breakdowns), the daily table for the
    days before and after them (a year from 16 December reads 11 months and two half months)."""
    months = _whole_months_within(start, end)
    if summary.monthly is None or months is None or not wanted <= MONTHLY_BREAKDOWNS:
        return [(summary.rows().filter(day__gte=start, day__lte=end), "day")]
    first, last = months
    parts = [(summary.monthly().filter(month__gte=first, month__lte=last), "month")]
    if start < first:
        parts.insert(0, (summary.rows().filter(day__gte=start, day__lt=first), "day"))
    if last < end:
        parts.append((summary.rows().filter(day__gt=last, day__lte=end), "day"))
    return parts


def _sort_key(codes: tuple) -> tuple:
    """Grouped rows merged in Python, in the database's own order (NULL first on SQLite, last on PostgreSQL)."""
    nulls_last = connection.features.nulls_order_largest
    return tuple(((code is None) == nulls_last, code) for code in codes)


def _grouped(parts: list, breakdowns: list[str], measure) -> tuple:
    """The total and the grouped rows over ``parts`` (querysets annotated with ``b_<key>``); the rows
    of several parts (summary counts: additive) are summed per group."""
    names = [f"b_{k}" for k in breakdowns]
    total, sums = 0, {}
    for qs in parts:
        total += qs.aggregate(value=measure())["value"] or 0
        if breakdowns:
            for row in qs.values(*names).annotate(value=measure()).order_by(*names):
                codes = tuple(_plain(row[name], k) for name, k in zip(names, breakdowns, strict=True))
                sums[codes] = sums.get(codes, 0) + (row["value"] or 0)
    ordered = sums if len(parts) == 1 else sorted(sums, key=_sort_key)
    return total, [{**dict(zip(breakdowns, codes, strict=True)), "value": sums[codes]} for codes in ordered]


def compute(
    indicator: Indicator,
    *,
    start: datetime.date,
    end: datetime.date,
    breakdowns: list[str] | tuple[str, ...] = (),
    filters: dict[str, str] | None = None,
) -> Result:
    """The indicator over [start, end], grouped by ``breakdowns``, restricted by ``filters``."""
    if end < start:
        raise BadQuery("end", str(_("The end of the period comes before its start.")))
    breakdowns = list(dict.fromkeys(breakdowns))
    filters = filters or {}
    for key in [*breakdowns, *filters]:
        breakdown_expression(indicator, key)  # BadQuery when the indicator does not allow it
    summary, wanted = indicator.summary, set(breakdowns) | set(filters)
    if summary is not None and wanted <= summary.breakdowns:
        tables = _summary_parts(summary, start, end, wanted)
        parts = [
            (qs.filter(summary.where(start)), {k: summary_expression(k, date) for k in [*breakdowns, *filters]})
            for qs, date in tables
        ]
        source = "+".join(sorted({"monthly" if date == "month" else "daily" for _qs, date in tables}))
        measure = lambda: Sum(summary.column)  # noqa: E731
    else:
        qs = indicator.rows().filter(**_period_filter(indicator, start, end))
        parts = [(qs, {k: breakdown_expression(indicator, k) for k in [*breakdowns, *filters]})]
        measure, source = indicator.measure, "rows"
    annotated = []
    for qs, keys in parts:
        if keys:
            qs = qs.annotate(**{f"b_{k}": expr for k, expr in keys.items()})
        annotated.append(qs.filter(**{f"b_{key}": value for key, value in filters.items()}))
    result = Result(indicator=indicator, start=start, end=end, breakdowns=breakdowns, source=source)
    result.total, result.rows = _grouped(annotated, breakdowns, measure)
    return result


def compute_totals(
    indicators: list[Indicator], *, start: datetime.date, end: datetime.date, filters: dict[str, str] | None = None
) -> list[Result]:
    """The totals of several indicators (the dashboard's tiles): those read from the same summary
    table in ONE pass over the period's rows (a conditional sum each), the others one by one."""
    filters = filters or {}
    results: dict[int, Result] = {}
    shared: dict[object, list[int]] = {}
    for i, indicator in enumerate(indicators):
        usable = {k: v for k, v in filters.items() if k in indicator.breakdowns}
        summary = indicator.summary
        if summary is not None and set(usable) <= summary.breakdowns:
            shared.setdefault((summary.rows().model, summary.column, tuple(sorted(usable.items()))), []).append(i)
        else:
            results[i] = compute(indicator, start=start, end=end, filters=usable)
    for (model, column, usable), members in shared.items():
        qs = model.objects.filter(day__gte=start, day__lte=end)
        if usable:
            qs = qs.annotate(**{f"b_{k}": summary_expression(k) for k, _v in usable})
            qs = qs.filter(**{f"b_{k}": v for k, v in usable})
        sums = {f"v{i}": Sum(column, filter=indicators[i].summary.where(start)) for i in members}
        values = qs.aggregate(**sums)
        for i in members:
            results[i] = Result(indicator=indicators[i], start=start, end=end, breakdowns=[], source="daily")
            results[i].total = values[f"v{i}"] or 0
    return [results[i] for i in range(len(indicators))]
