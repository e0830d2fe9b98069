"""The public statistics release: fixed tables, one year by quarter, disclosure-controlled.

Each public indicator is published as linked tables (by sex, age band, department of origin,
air/land) × the four quarters of a year, all sharing the same quarter totals; the whole set is
protected as one system (``disclosure.linked_tables``), so no hidden cell can be recovered from
totals or by differencing two of its tables. Periods are fixed (calendar quarters of one year),
so no two published queries overlap partially. No free text, nothing finer than a department.
"""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from retorno.reports.catalogue import CATALOGUE
from retorno.reports.compute import compute
from retorno.reports.disclosure import linked_tables, protect, published
from retorno.reports.presentation import label

PUBLIC_INDICATORS = (
    "reception.persons_received",
    "reception.repeat_returns",
    "reception.minors",
    "transport.people_sent_home",
    "reintegration.cases_opened",
)
PUBLIC_BREAKDOWNS = ("sex", "age_band", "department", "flight_kind")
QUARTERS = ("1", "2", "3", "4")


@dataclass
class PublicTable:
    indicator_id: str
    title: str
    breakdown: str
    breakdown_name: str
    hxl: str
    rows: list[tuple[str, list]]  # (category label, [q1, q2, q3, q4, total]); None = suppressed
    totals: list  # per quarter and the year


def _tables(indicator, usable: list[str], start, end) -> dict[str, dict[tuple, int]]:
    """breakdown -> {(category, quarter): n}. An additive indicator is counted once, grouped by all
    its public breakdowns and the quarter (a few thousand groups), and each table is that cube
    summed over the other breakdowns; a distinct count is grouped once per breakdown."""
    cube = indicator.additive and len(usable) > 1
    groupings = [usable] if cube else [[key] for key in usable]
    tables: dict[str, dict[tuple, int]] = {key: {} for key in usable}
    for keys in groupings:
        for r in compute(indicator, start=start, end=end, breakdowns=[*keys, "quarter"]).rows:
            quarter = str((r["quarter"].month - 1) // 3 + 1)
            for key in keys:
                cell = ("" if r[key] is None else str(r[key]), quarter)
                tables[key][cell] = tables[key].get(cell, 0) + int(r["value"])
    return tables


def release(year: int) -> list[PublicTable]:
    """Every public table of ``year``, protected."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    out = []
    for indicator_id in PUBLIC_INDICATORS:
        indicator = CATALOGUE[indicator_id]
        usable = [b for b in PUBLIC_BREAKDOWNS if b in indicator.breakdowns]
        tables = _tables(indicator, usable, start, end)
        if not tables:
            continue
        protected = protect(linked_tables(tables, list(QUARTERS)))
        pub = published(protected)
        totals = [pub[("*", "*", q)] for q in QUARTERS] + [pub[("*", "*", "T")]]
        for key in usable:
            categories = sorted({cat for cat, _q in tables[key]})
            rows = [
                (
                    label(indicator, key, cat or None),
                    [pub[(key, cat, q)] for q in QUARTERS] + [pub[(key, cat, "T")]],
                )
                for cat in categories
            ]
            out.append(
                PublicTable(
                    indicator_id=indicator_id,
                    title=str(indicator.name),
                    breakdown=key,
                    breakdown_name=str(indicator.breakdown_name(key)),
                    hxl=indicator.hxl,
                    rows=rows,
                    totals=totals,
                )
            )
    return out


def release_csv_rows(tables: list[PublicTable], year: int) -> list[list]:
    """Long format for the download: indicator, breakdown, category, quarter, value (x = suppressed)."""
    rows = [
        [_("Indicator"), _("Breakdown"), _("Category"), _("Period"), _("Value")],
        ["#indicator+code", "#meta+breakdown", "#category", "#date", "#indicator+value"],
    ]
    periods = [f"{year}-T{q}" for q in QUARTERS] + [str(year)]
    for table in tables:
        for category, values in [*table.rows, (_("Total"), table.totals)]:
            for period, value in zip(periods, values, strict=True):
                rows.append([table.indicator_id, table.breakdown, category, period, "x" if value is None else value])
    return rows
