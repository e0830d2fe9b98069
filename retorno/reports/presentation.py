"""Results as tables people read: labels instead of codes, and small cells protected.

``present(result, protected=...)`` gives columns and rows ready for a page, CSV, XLSX, PDF or
the API. Sealed indicators are always protected; others only for readers without the
``reports.unsuppressed`` permission (the public page, and any such role).
"""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from retorno.geo.models import Department, Municipality
from retorno.people.models import Sex
from retorno.reception.models import Flight
from retorno.reports.catalogue import UNITS
from retorno.reports.compute import Result, age_band_labels
from retorno.reports.disclosure import linked_tables, one_way, protect, published, round_to, rounding_base, threshold

NOT_RECORDED = "—"


def label(indicator, key: str, code) -> str:
    """The words for one breakdown code, in the active language."""
    if code is None or code == "":
        return _("Not recorded")
    if key == "sex":
        return str(dict(Sex.choices).get(code, code))
    if key == "age_band":
        return str(age_band_labels().get(str(code), code))
    if key == "department":
        return department_names().get(code, code)
    if key == "municipality":
        return _municipality_names().get(code, code)
    if key == "flight_kind":
        return str(dict(Flight.Kind.choices).get(code, code))
    if key == "month" and isinstance(code, datetime.date):
        return code.strftime("%Y-%m")
    if key == "quarter" and isinstance(code, datetime.date):
        return f"{code.year}-T{(code.month - 1) // 3 + 1}"
    if key == "day" and isinstance(code, datetime.date):
        return code.isoformat()
    if key in indicator.extras and indicator.extras[key].labels:
        return str(indicator.extras[key].labels.get(code, code))
    return str(code)


def department_names() -> dict:
    """Department INE code -> name."""
    return dict(Department.objects.values_list("code", "name"))


def _municipality_names() -> dict:
    return dict(Municipality.objects.values_list("code", "name"))


@dataclass
class Table:
    indicator_id: str
    title: str
    unit: str
    columns: list[str]  # breakdown names, then the measure
    keys: list[str]  # breakdown ids
    rows: list[list]  # labels..., value (None = suppressed)
    codes: list[list]  # the codes behind the labels, for charts and the API
    total: float | int | None
    protected: bool
    hidden: int = 0


def _number(value):
    if value is None:
        return None
    if isinstance(value, float):
        return round(value, 1)
    return value


def present(result: Result, *, protected: bool) -> Table:
    """The result as a table; ``protected`` applies the disclosure control to its counts."""
    indicator, keys = result.indicator, result.breakdowns
    protected = protected or indicator.sealed
    values = [r["value"] for r in result.rows]
    total = result.total
    if protected:
        values, total = _protect(result)
    rows, codes = [], []
    for row, value in zip(result.rows, values, strict=True):
        rows.append([label(indicator, k, row[k]) for k in keys] + [_number(value)])
        codes.append([row[k].isoformat() if hasattr(row[k], "isoformat") else row[k] for k in keys])
    return Table(
        indicator_id=indicator.id,
        title=str(indicator.name),
        unit=str(UNITS[indicator.unit]),
        columns=[str(indicator.breakdown_name(k)) for k in keys] + [str(indicator.name)],
        keys=list(keys),
        rows=rows,
        codes=codes,
        total=_number(total),
        protected=protected,
        hidden=sum(1 for v in values if v is None),
    )


def _publish_alone(value: int):
    return None if 0 < value < threshold() else round_to(value, rounding_base())


def _protect(result: Result) -> tuple[list, object]:
    """Protected values of the rows and of the total (counts only: means are not published)."""
    if result.indicator.unit in ("score", "money"):
        # Means and sums of money over small groups: hide any group built from few rows is not
        # possible from the aggregate alone, so protected readers see the overall figure only.
        return [None] * len(result.rows), result.total
    keys = result.breakdowns
    if not result.indicator.additive:
        # Groups overlap (distinct persons): hide small groups; the total is a separate figure.
        limit_ok = [_publish_alone(int(r["value"])) for r in result.rows]
        return limit_ok, _publish_alone(int(result.total))
    counts = {tuple(str(r[k]) for k in keys): int(r["value"]) for r in result.rows}
    if not keys:
        release = one_way({"all": int(result.total)})
        pub = published(protect(release))
        return [], pub["T"]
    if len(keys) == 1:
        release = protect(one_way({k[0]: v for k, v in counts.items()}))
        pub = published(release)
        return [pub[k[0]] for k in counts], pub["T"]
    table = {(k[0], "|".join(k[1:])): v for k, v in counts.items()}
    columns = sorted({c for _r, c in table})
    release = protect(linked_tables({"t": table}, columns))
    pub = published(release)
    return [pub[("t", k[0], "|".join(k[1:]))] for k in counts], pub[("*", "*", "T")]
