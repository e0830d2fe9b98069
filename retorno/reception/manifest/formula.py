"""Spreadsheet formula injection: no exported cell may start a formula.

A name such as ``=HYPERLINK("http://evil","Juan")`` typed into a manifest or a form would
run when a donor opens the export in Excel. OWASP's rule: prefix a single quote to any
text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (and their
full-width forms, which some spreadsheet programs also evaluate).
"""

from collections.abc import Iterable

FORMULA_STARTS = frozenset("=+-@\t\r＝＋－＠")


def neutralise_formula(value: str) -> str:
    """'=1+1' -> "'=1+1"; anything else is returned unchanged."""
    if value and value[0] in FORMULA_STARTS:
        return "'" + value
    return value


def neutralise_row(cells: Iterable[object]) -> list[object]:
    """A row ready for a CSV or XLSX writer: text cells neutralised, numbers and dates kept."""
    return [neutralise_formula(cell) if isinstance(cell, str) else cell for cell in cells]
