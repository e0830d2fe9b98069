"""From raw rows (field -> cell) to normalised rows with their problems.

Two passes: the first looks at whole columns (how dates and sex are written), the second
normalises each row with that knowledge and then looks for the same person twice.
"""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from . import values as v
from .dates import ColumnOrder, DateOrder, DatePrecision, DateReading, decide_order, read_date
from .fields import Field
from .problems import Code, problem
from .result import VALUE_KEYS, ManifestRow

OLDEST_PLAUSIBLE_AGE = 120
ADULT_AGE = 18

# Characters no name holds: C0/C1 controls (NUL...) and the Unicode bidi embeddings, overrides,
# isolates and marks that can make a listed or exported name read differently from what is stored.
_BIDI = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
UNSAFE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_BIDI}]")

# The longest value each field may keep (the database columns it goes to at import and check-in).
# Longer values are refused with a problem naming row and field, never cut.
MAX_LENGTH: dict[str, tuple[Field, int]] = {
    "given_names": (Field.GIVEN_NAMES, 120),
    "first_surname": (Field.FIRST_SURNAME, 80),
    "second_surname": (Field.SECOND_SURNAME, 80),
    "full_name": (Field.FULL_NAME, 300),
    "passport": (Field.PASSPORT, 40),
    "nationality": (Field.NATIONALITY, 60),
    "origin_department": (Field.ORIGIN_DEPARTMENT, 120),
    "origin_municipality": (Field.ORIGIN_MUNICIPALITY, 120),
    "origin_place": (Field.ORIGIN_PLACE, 200),
    "notes": (Field.NOTES, 1000),
}
NAME_PARTS = (Field.GIVEN_NAMES, Field.FIRST_SURNAME)  # shown in words by problems.TERMS["part"]


def sanitise_cells(raw: dict[Field, object]) -> tuple[dict[Field, object], dict[Field, int]]:
    """The cells without control or bidi characters, and how many each field lost."""
    counts: dict[Field, int] = {}
    clean = dict(raw)
    for field, cell in raw.items():
        if isinstance(cell, str):
            text, n = UNSAFE.subn("", cell)
            if n:
                clean[field], counts[field] = (text or None), n
    return clean, counts


# Fields whose cell normalises on its own: field -> (output key, normaliser).
SIMPLE: dict[Field, tuple[str, Callable[[object], tuple[object, list[v.Issue]]]]] = {
    Field.SEQUENCE: ("sequence", v.normalise_sequence),
    Field.AGE: ("age", v.normalise_age),
    Field.NATIONALITY: ("nationality", v.normalise_nationality),
    Field.CUI: ("cui", v.normalise_cui),
    Field.PASSPORT: ("passport", v.normalise_passport),
    Field.A_NUMBER: ("a_number", v.normalise_a_number),
    Field.ORIGIN_DEPARTMENT: ("origin_department", v.normalise_text),
    Field.ORIGIN_MUNICIPALITY: ("origin_municipality", v.normalise_text),
    Field.ORIGIN_PLACE: ("origin_place", v.normalise_text),
    Field.UNACCOMPANIED_MINOR: ("unaccompanied_minor", v.normalise_flag),
    Field.NOTES: ("notes", v.normalise_text),
}


@dataclass(frozen=True)
class ColumnFacts:
    """What the first pass learnt about whole columns."""

    date_order: ColumnOrder
    sex: v.SexConvention
    readings: list[DateReading | None]


def column_facts(
    raw_rows: Sequence[dict[Field, object]],
    *,
    headers: dict[Field, str],
    explicit_order: DateOrder | None,
    header_order: DateOrder | None,
    today: date,
) -> ColumnFacts:
    readings = [read_date(raw.get(Field.BIRTH_DATE), today=today) for raw in raw_rows]
    order = decide_order(readings, explicit=explicit_order, header_hint=header_order)
    sex_values = [v.as_text(raw.get(Field.SEX)) for raw in raw_rows]
    convention = v.sex_convention(sex_values, header=headers.get(Field.SEX, ""))
    return ColumnFacts(date_order=order, sex=convention, readings=readings)


def build_row(
    *,
    row_number: int,
    raw: dict[Field, object],
    reading: DateReading | None,
    facts: ColumnFacts,
    today: date,
    name_column: bool,
    removed: dict[Field, int] | None = None,
) -> ManifestRow:
    """Normalise one row; every problem found is attached to it."""
    values: dict[str, object] = dict.fromkeys(VALUE_KEYS)
    issues: list[tuple[Field, Code, dict[str, object]]] = [
        (field, Code.UNSAFE_CHARACTERS, {"count": n}) for field, n in (removed or {}).items()
    ]
    for source, (key, normalise) in SIMPLE.items():
        if source in raw:
            values[key], found = normalise(raw[source])
            issues += [(source, code, params) for code, params in found]
    values["sex"], found = v.normalise_sex(raw.get(Field.SEX), convention=facts.sex)
    issues += [(Field.SEX, code, params) for code, params in found]
    issues += _too_long(values, keys=[k for k in MAX_LENGTH if k not in NAME_KEYS])
    issues += _names(raw, values, name_column=name_column)
    issues += _birth_date(raw.get(Field.BIRTH_DATE), reading, facts.date_order, values, today)
    issues += _age_checks(values, today)
    return ManifestRow(
        row_number=row_number,
        values=values,
        raw={str(f): cell for f, cell in raw.items()},
        problems=[problem(code, row_number=row_number, field=source, **params) for source, code, params in issues],
    )


def _names(
    raw: dict[Field, object], values: dict[str, object], *, name_column: bool
) -> list[tuple[Field, Code, dict[str, object]]]:
    given = _join(v.clean_name(raw.get(Field.GIVEN_NAMES)), v.clean_name(raw.get(Field.MIDDLE_NAMES)))
    first = v.clean_name(raw.get(Field.FIRST_SURNAME))
    second = v.clean_name(raw.get(Field.SECOND_SURNAME))
    surnames = v.clean_name(raw.get(Field.SURNAMES))
    if surnames and not (first or second):
        first, second = v.split_surnames(surnames)
    full = v.clean_name(raw.get(Field.FULL_NAME))
    if full and not (given or first or second):
        given, first, second = v.split_full_name(full)
        if given or first or second:
            # 'SURNAMES, GIVEN NAMES' is shown like every other source: given names first.
            full = _join(given, first, second)
    elif not full:
        full = _join(given, first, second)
    values.update(given_names=given, first_surname=first, second_surname=second)
    issues = _too_long(values, keys=["given_names", "first_surname", "second_surname"])
    if issues:  # a refused part leaves the full name without it
        full = _join(values["given_names"], values["first_surname"], values["second_surname"])
    values["full_name"] = full
    issues += _too_long(values, keys=["full_name"])
    if values["full_name"] is None and name_column and not issues:
        return [(Field.FULL_NAME, Code.EMPTY_NAME, {})]
    # Files that give the name in parts must give the given name and the first surname.
    split = Field.GIVEN_NAMES in raw and (Field.FIRST_SURNAME in raw or Field.SURNAMES in raw)
    if split and values["full_name"] and not any(f in NAME_PARTS for f, _, _ in issues):
        for field in NAME_PARTS:
            if not values[str(field)]:
                issues.append((field, Code.MISSING_NAME_PART, {"part": str(field)}))
    return issues


NAME_KEYS = ("given_names", "first_surname", "second_surname", "full_name")


def _too_long(values: dict[str, object], *, keys: list[str]) -> list[tuple[Field, Code, dict[str, object]]]:
    """Refuse (set to None) every value over its column's length, with a problem naming it."""
    issues = []
    for key in keys:
        field, limit = MAX_LENGTH[key]
        value = values.get(key)
        if isinstance(value, str) and len(value) > limit:
            values[key] = None
            issues.append((field, Code.TOO_LONG, {"length": len(value), "limit": limit}))
    return issues


def _join(*parts: str | None) -> str | None:
    return " ".join(part for part in parts if part) or None


def _birth_date(
    raw: object,
    reading: DateReading | None,
    order: ColumnOrder,
    values: dict[str, object],
    today: date,
) -> list[tuple[Field, Code, dict[str, object]]]:
    if reading is None:
        return []
    shown = v.as_text(raw)
    if reading.error:
        return [(Field.BIRTH_DATE, Code.UNPARSEABLE_DATE, {"value": shown})]
    issues: list[tuple[Field, Code, dict[str, object]]] = []
    value = reading.value
    if reading.ambiguous is not None:
        dmy, mdy = reading.ambiguous
        if order.order is None:
            params = {"value": shown, "dmy": dmy.isoformat(), "mdy": mdy.isoformat()}
            return [(Field.BIRTH_DATE, Code.AMBIGUOUS_DATE, params)]
        value = dmy if order.order is DateOrder.DMY else mdy
    elif reading.evidence and order.order and reading.evidence is not order.order:
        params = {"value": shown, "date": value.isoformat(), "order": str(order.order)}
        issues.append((Field.BIRTH_DATE, Code.DATE_ORDER_CONFLICT, params))
    assert value is not None
    if value > today:
        return [(Field.BIRTH_DATE, Code.FUTURE_BIRTH_DATE, {"date": value.isoformat()})]
    if value.year < today.year - OLDEST_PLAUSIBLE_AGE:
        return [(Field.BIRTH_DATE, Code.IMPLAUSIBLE_BIRTH_DATE, {"date": value.isoformat()})]
    values["birth_date"] = value
    values["birth_date_precision"] = str(reading.precision)
    return issues


def age_on(birth: date, today: date) -> int:
    """Completed years on ``today``."""
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def youngest_age(birth: date, precision: str, today: date) -> int:
    """The lowest age the birth date allows: 'born in 2007' may still be 17 in June 2025."""
    latest = birth
    if precision == DatePrecision.YEAR:
        latest = date(birth.year, 12, 31)
    elif precision == DatePrecision.MONTH:
        latest = date(birth.year + birth.month // 12, birth.month % 12 + 1, 1) - timedelta(days=1)
    return max(age_on(min(latest, today), today), 0)


def _age_checks(values: dict[str, object], today: date) -> list[tuple[Field, Code, dict[str, object]]]:
    birth, age, precision = values["birth_date"], values["age"], values["birth_date_precision"]
    issues: list[tuple[Field, Code, dict[str, object]]] = []
    computed = age_on(birth, today) if isinstance(birth, date) else None
    if computed is not None and isinstance(age, int):
        # A birth date known to the day must agree; a year or month leaves a year of slack.
        slack = 0 if precision == DatePrecision.DAY else 1
        if abs(computed - age) > slack:
            issues.append((Field.AGE, Code.AGE_MISMATCH, {"age": age, "computed": computed}))
    # Presumption of minority: when the sources disagree or the date is imprecise, the
    # youngest reading decides, so no child is taken for an adult at the airport.
    ages = [age] if isinstance(age, int) else []
    if isinstance(birth, date):
        ages.append(youngest_age(birth, str(precision), today))
    if ages:
        values["is_minor"] = min(ages) < ADULT_AGE
        if values["unaccompanied_minor"] and min(ages) >= ADULT_AGE:
            issues.append((Field.UNACCOMPANIED_MINOR, Code.UNACCOMPANIED_ADULT, {"age": min(ages)}))
    return issues


def flag_duplicates(rows: Sequence[ManifestRow]) -> None:
    """Mark the later occurrence of a person already listed in the same file.

    Same CUI, A-number or passport, or same name and birth date: an error (it would create
    the same arrival twice). Same name and birth date with different documents of one kind
    (two A-numbers) are two people: a warning. Same name with no birth date on either: only a
    warning, since two different people called Juan Pérez López can share a flight.
    """
    first_seen: dict[tuple[str, ...], ManifestRow] = {}
    name_only: dict[str, int] = {}
    for row in rows:
        found = _first_identity_match(row, first_seen)
        if found:
            basis, earlier, source = found
            if source is Field.FULL_NAME and _other_document(row, earlier):
                row.problems.append(
                    problem(
                        Code.SAME_NAME_OTHER_DOCUMENT,
                        row_number=row.row_number,
                        field=Field.FULL_NAME,
                        first_row=earlier.row_number,
                    )
                )
                continue
            row.problems.append(
                problem(
                    Code.DUPLICATE_ROW,
                    row_number=row.row_number,
                    field=source,
                    first_row=earlier.row_number,
                    basis=basis,
                )
            )
            continue
        name = v.fold(str(row.values["full_name"] or ""))
        if name and row.values["birth_date"] is None:
            if name in name_only:
                row.problems.append(
                    problem(
                        Code.POSSIBLE_DUPLICATE,
                        row_number=row.row_number,
                        field=Field.FULL_NAME,
                        first_row=name_only[name],
                    )
                )
            else:
                name_only[name] = row.row_number


IDENTITY_BASES = (
    ("cui", Field.CUI, "cui"),
    ("a_number", Field.A_NUMBER, "a_number"),
    ("passport", Field.PASSPORT, "passport"),
)


def _other_document(row: ManifestRow, earlier: ManifestRow) -> bool:
    """Both rows carry a document of the same kind, and they differ: two people."""
    return any(
        row.values[key] and earlier.values[key] and row.values[key] != earlier.values[key]
        for key, _, _ in IDENTITY_BASES
    )


def _first_identity_match(
    row: ManifestRow, first_seen: dict[tuple[str, ...], ManifestRow]
) -> tuple[tuple[str, str], ManifestRow, Field] | None:
    keys: list[tuple[tuple[str, ...], tuple[str, str], Field]] = []
    for key, source, basis in IDENTITY_BASES:
        if row.values[key]:
            keys.append(((key, str(row.values[key])), basis, source))
    if row.values["full_name"] and row.values["birth_date"]:
        name_key = ("name_birth", v.fold(str(row.values["full_name"])), str(row.values["birth_date"]))
        keys.append((name_key, "name_birth_date", Field.FULL_NAME))
    match = next(((basis, first_seen[k], source) for k, basis, source in keys if k in first_seen), None)
    for key, _, _ in keys:
        first_seen.setdefault(key, row)
    return match
