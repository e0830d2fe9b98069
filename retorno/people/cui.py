"""The Guatemalan CUI (the number on the DPI) and its check rule.

13 digits ``AAAAAAAA B CC DD``: eight correlative digits, a check digit, then the
department and municipality of birth registration. RENAP has never published the
rule, so a failed check is a warning for staff, never a reason to refuse a record.
"""

import csv
from functools import cache
from pathlib import Path

_MUNICIPALITIES = Path(__file__).resolve().parent.parent / "geo" / "data" / "gt_municipalities_ine.csv"


@cache
def municipalities_per_department() -> dict[int, int]:
    counts: dict[int, int] = {}
    with open(_MUNICIPALITIES, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            dept = int(row["codigo_depto"])
            counts[dept] = max(counts.get(dept, 0), int(row["codigo_muni_in_depto"]))
    return counts


def clean_cui(value: str) -> str:
    """Digits only: DPIs are often written '2345 67890 0101'."""
    return "".join(ch for ch in (value or "") if ch.isdigit())


def cui_problem(value: str) -> str | None:
    """None when ``value`` passes the CUI rule, else a short code for the first problem.

    Codes: 'length', 'check_digit', 'department', 'municipality'.
    """
    digits = clean_cui(value)
    if len(digits) != 13 or len(digits) != len((value or "").replace(" ", "").replace("-", "")):
        return "length"
    total = sum(int(d) * w for d, w in zip(digits[:8], range(2, 10), strict=True))
    if total % 11 == 10 or total % 11 != int(digits[8]):
        return "check_digit"
    department, municipality = int(digits[9:11]), int(digits[11:13])
    per_department = municipalities_per_department()
    if department not in per_department:
        return "department"
    if not 1 <= municipality <= per_department[department]:
        return "municipality"
    return None


def cui_is_valid(value: str) -> bool:
    return cui_problem(value) is None


def cui_with_check_digit(correlative: str, department: int, municipality: int) -> str:
    """Build a CUI that passes the rule (used by demo data and tests).

    Returns '' when no check digit exists for ``correlative`` (remainder 10).
    """
    total = sum(int(d) * w for d, w in zip(correlative, range(2, 10), strict=True))
    if total % 11 == 10:
        return ""
    return f"{correlative}{total % 11}{department:02d}{municipality:02d}"
