"""Reading dates written every way manifests write them, without guessing silently.

A cell like 03/04/1990 is day/month in Guatemala and month/day in US files. It is read as
ambiguous; the column's order is then decided, in this order of authority, by the mapping
saved for the source, by the header ("dd/mm/aaaa"), or by other rows of the same column
that can only be read one way (25/12/1990 proves day/month). When nothing decides, the
date is left empty and flagged.
"""

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from retorno.lib.text import fold


class DateOrder(StrEnum):
    DMY = "dmy"
    MDY = "mdy"


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"  # 00/04/1990: the day is unknown
    YEAR = "year"  # 1990 or 00/00/1990


@dataclass(frozen=True, slots=True)
class DateReading:
    """What one cell says. Exactly one of value, ambiguous (dmy, mdy) or error is set."""

    value: date | None = None
    precision: DatePrecision = DatePrecision.DAY
    evidence: DateOrder | None = None  # the cell is valid in this order only
    ambiguous: tuple[date, date] | None = None  # (day/month reading, month/day reading)
    two_digit_year: bool = False
    error: bool = False


MONTHS = {
    **dict.fromkeys(("ene", "enero", "jan", "january"), 1),
    **dict.fromkeys(("feb", "febrero", "february"), 2),
    **dict.fromkeys(("mar", "marzo", "march"), 3),
    **dict.fromkeys(("abr", "abril", "apr", "april"), 4),
    **dict.fromkeys(("may", "mayo"), 5),
    **dict.fromkeys(("jun", "junio", "june"), 6),
    **dict.fromkeys(("jul", "julio", "july"), 7),
    **dict.fromkeys(("ago", "agosto", "aug", "august"), 8),
    **dict.fromkeys(("sep", "sept", "set", "septiembre", "setiembre", "september"), 9),
    **dict.fromkeys(("oct", "octubre", "october"), 10),
    **dict.fromkeys(("nov", "noviembre", "november"), 11),
    **dict.fromkeys(("dic", "diciembre", "dec", "december"), 12),
}

_TIME_SUFFIX = re.compile(r"^(\S+)\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?$", re.I)
_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:T.*)?$")
_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})[-/.](\d{4})$|^(\d{4})[-/.](\d{1,2})$")
_DAY_NAME_YEAR = re.compile(r"^(\d{1,2}) (?:de )?([a-z]+) (?:de |del )?(\d{4}|\d{2})$")
_NAME_DAY_YEAR = re.compile(r"^([a-z]+) (\d{1,2}) (\d{4})$")
_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")

EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 = 1900-01-01 once Excel's 1900 leap bug is skipped
HEADER_ORDER_HINTS = {
    DateOrder.DMY: re.compile(r"\b(dd|d)[-/.](mm|m)\b", re.I),
    DateOrder.MDY: re.compile(r"\b(mm|m)[-/.](dd|d)\b", re.I),
}


def order_from_header(header: object) -> DateOrder | None:
    """'Fecha de nacimiento (dd/mm/aaaa)' -> DMY; no hint -> None."""
    text = "" if header is None else str(header)
    hits = [order for order, pattern in HEADER_ORDER_HINTS.items() if pattern.search(text)]
    return hits[0] if len(hits) == 1 else None


def read_date(raw: object, *, today: date) -> DateReading | None:
    """Read one cell; None when it is empty."""
    if raw is None:
        return None
    if isinstance(raw, datetime):
        return DateReading(value=raw.date())
    if isinstance(raw, date):
        return DateReading(value=raw)
    if isinstance(raw, bool):
        return DateReading(error=True)
    if isinstance(raw, int | float):
        return _from_number(raw, today=today)
    text = str(raw).strip()
    if not text:
        return None
    return _from_text(text, today=today)


def _from_number(number: float, *, today: date) -> DateReading:
    if not math.isfinite(number):
        return DateReading(error=True)
    if number == int(number) and 1900 <= number <= today.year:
        return DateReading(value=date(int(number), 1, 1), precision=DatePrecision.YEAR)
    return _from_serial(number)


def _from_serial(serial: float) -> DateReading:
    # Serial 60 is Excel's fictitious 29 Feb 1900; earlier serials are not birth dates.
    if not 61 <= serial < 2958466:
        return DateReading(error=True)
    return DateReading(value=EXCEL_EPOCH + timedelta(days=int(serial)))


def _from_text(text: str, *, today: date) -> DateReading:
    timed = _TIME_SUFFIX.match(text)
    if timed:
        text = timed.group(1)
    if text.isdigit() and len(text) == 4:
        return _from_number(int(text), today=today)
    if _SERIAL.match(text):
        return _from_serial(float(text))
    for reader in (_ymd, _numeric, _month_year, _with_month_name):
        reading = reader(text, today=today)
        if reading is not None:
            return reading
    return DateReading(error=True)


def _ymd(text: str, *, today: date) -> DateReading | None:
    match = _YMD.match(text) or _COMPACT.match(text)
    if not match:
        return None
    year, month, day = (int(part) for part in match.groups())
    if day == 0 or month == 0:
        return _partial(year, month=month, two_digit=False)
    return _build(year, month, day)


def _numeric(text: str, *, today: date) -> DateReading | None:
    match = _NUMERIC.match(text)
    if not match:
        return None
    first, second = int(match.group(1)), int(match.group(2))
    year, two_digit = _full_year(match.group(3), today=today)
    if first == 0 or second == 0:
        return _partial(year, month=first or second, two_digit=two_digit)
    if first > 12 and second > 12:
        return DateReading(error=True)
    if first > 12:
        return _build(year, second, first, evidence=DateOrder.DMY, two_digit=two_digit)
    if second > 12:
        return _build(year, first, second, evidence=DateOrder.MDY, two_digit=two_digit)
    if first == second:
        return _build(year, first, first, two_digit=two_digit)
    dmy, mdy = date(year, second, first), date(year, first, second)
    return DateReading(ambiguous=(dmy, mdy), two_digit_year=two_digit)


def _partial(year: int, *, month: int, two_digit: bool) -> DateReading:
    """00/04/1990 or 00/00/1990: staff record what is known, at that precision."""
    if month > 12 or not date.min.year <= year <= date.max.year:
        return DateReading(error=True)
    if month == 0:
        return DateReading(value=date(year, 1, 1), precision=DatePrecision.YEAR, two_digit_year=two_digit)
    return DateReading(value=date(year, month, 1), precision=DatePrecision.MONTH, two_digit_year=two_digit)


def _month_year(text: str, *, today: date) -> DateReading | None:
    match = _MONTH_YEAR.match(text)
    if not match:
        return None
    month, year = (match.group(1), match.group(2)) if match.group(1) else match.group(4, 3)
    return _partial(int(year), month=int(month), two_digit=False) if int(month) else None


def _with_month_name(text: str, *, today: date) -> DateReading | None:
    folded = fold(text)
    match = _DAY_NAME_YEAR.match(folded)
    if match:
        day, name, year_text = match.groups()
    else:
        match = _NAME_DAY_YEAR.match(folded)
        if not match:
            return None
        name, day, year_text = match.groups()
    if name not in MONTHS:
        return None
    year, two_digit = _full_year(year_text, today=today)
    return _build(year, MONTHS[name], int(day), two_digit=two_digit)


def _full_year(text: str, *, today: date) -> tuple[int, bool]:
    """(year, was two digits). Two-digit birth years pivot on today: 05 -> 2005, 75 -> 1975."""
    if len(text) == 4:
        return int(text), False
    year = 2000 + int(text)
    return (year if year <= today.year else year - 100), True


def _build(
    year: int,
    month: int,
    day: int,
    *,
    evidence: DateOrder | None = None,
    two_digit: bool = False,
) -> DateReading:
    try:
        value = date(year, month, day)
    except ValueError:
        return DateReading(error=True)
    return DateReading(value=value, evidence=evidence, two_digit_year=two_digit)


@dataclass(frozen=True, slots=True)
class ColumnOrder:
    """The day/month order decided for a column, and what decided it."""

    order: DateOrder | None
    source: str  # "mapping", "header", "rows", "none" or "mixed"


def decide_order(
    readings: list[DateReading | None],
    *,
    explicit: DateOrder | None,
    header_hint: DateOrder | None,
) -> ColumnOrder:
    """The column's order: saved mapping, then header, then unambiguous rows."""
    if explicit is not None:
        return ColumnOrder(explicit, "mapping")
    if header_hint is not None:
        return ColumnOrder(header_hint, "header")
    seen = {reading.evidence for reading in readings if reading and reading.evidence}
    if len(seen) == 1:
        return ColumnOrder(seen.pop(), "rows")
    return ColumnOrder(None, "mixed" if seen else "none")
