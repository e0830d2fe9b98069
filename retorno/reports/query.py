"""A report query (indicators × breakdowns × period × filters), validated the same way for
the web builder, the exports, saved definitions and the API."""

import datetime
from dataclasses import asdict, dataclass, field

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from retorno.reports.catalogue import CATALOGUE

MAX_INDICATORS, MAX_BREAKDOWNS = 6, 2


@dataclass
class ReportQuery:
    indicators: list[str]
    start: datetime.date
    end: datetime.date
    breakdowns: list[str] = field(default_factory=list)
    filters: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict:
        data = asdict(self)
        data["start"], data["end"] = self.start.isoformat(), self.end.isoformat()
        return data

    def as_params(self) -> list[tuple[str, str]]:
        params = [("indicator", i) for i in self.indicators] + [("breakdown", b) for b in self.breakdowns]
        params += [("start", self.start.isoformat()), ("end", self.end.isoformat())]
        return params + [(f"f_{k}", v) for k, v in self.filters.items()]


def default_period() -> tuple[datetime.date, datetime.date]:
    today = timezone.localdate()
    return datetime.date(today.year, 1, 1), datetime.date(today.year, 12, 31)


def _date(value, name: str, default: datetime.date) -> datetime.date:
    if value in (None, ""):
        return default
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise ValidationError({name: _("Use a date as YYYY-MM-DD.")}) from None


def report_query(*, indicators, breakdowns=(), start=None, end=None, filters: dict | None = None) -> ReportQuery:
    """Validate a query; ValidationError names the field at fault."""
    first, last = default_period()
    start, end = _date(start, "start", first), _date(end, "end", last)
    if end < start:
        raise ValidationError({"end": _("The end of the period comes before its start.")})
    indicators = [i for i in dict.fromkeys(indicators or []) if i]
    if not indicators:
        raise ValidationError({"indicators": _("Choose at least one indicator.")})
    if len(indicators) > MAX_INDICATORS:
        raise ValidationError({"indicators": _("At most %(n)s indicators at a time.") % {"n": MAX_INDICATORS}})
    unknown = [i for i in indicators if i not in CATALOGUE]
    if unknown:
        raise ValidationError({"indicators": _("Unknown indicator: %(id)s.") % {"id": unknown[0]}})
    breakdowns = [b for b in dict.fromkeys(breakdowns or []) if b]
    if len(breakdowns) > MAX_BREAKDOWNS:
        raise ValidationError({"breakdowns": _("At most two breakdowns.")})
    filters = {k: str(v) for k, v in (filters or {}).items() if v not in (None, "")}
    for ind in indicators:
        allowed = CATALOGUE[ind].breakdowns
        for key in [*breakdowns, *filters]:
            if key not in allowed:
                raise ValidationError(
                    {
                        "breakdowns": _("%(indicator)s cannot be broken down by %(key)s.")
                        % {"indicator": CATALOGUE[ind].name, "key": key}
                    }
                )
    return ReportQuery(indicators=indicators, start=start, end=end, breakdowns=breakdowns, filters=filters)


def report_query_from_params(params) -> ReportQuery:
    """From a GET query string (indicator=..&breakdown=..&start=..&end=..&f_sex=F)."""
    filters = {k[2:]: v for k, v in params.items() if k.startswith("f_") and v}
    return report_query(
        indicators=params.getlist("indicator"),
        breakdowns=params.getlist("breakdown"),
        start=params.get("start"),
        end=params.get("end"),
        filters=filters,
    )
