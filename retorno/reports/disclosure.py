"""Statistical disclosure control for published tables (the method is in docs/open-data.md).

A release is a set of cells (interior cells and their totals) tied by additivity constraints
("these cells add up to that total"). Tables of one indicator that share totals (the same
quarters, broken down by sex in one table and by department in another) are protected as ONE
system, so a cell hidden in one table cannot be recovered from another (differencing).

1. Primary suppression: every cell with 0 < n < threshold (default 10) is hidden.
2. Complementary suppression: hide more cells until (a) no constraint has exactly one hidden
   cell and (b) no hidden cell is exactly determined by the published cells through any
   combination of constraints (checked by linear algebra: a hidden cell is recoverable iff its
   unit vector lies in the row space of the constraint matrix over the hidden cells).
   Complements are the smallest non-zero visible cells of the line, interior before totals.
3. Rounding: every published count is rounded to the nearest multiple of the base (default 5);
   true zeros are published as 0 (they describe no one). Rounding is applied after suppression,
   so the check in 2 holds even against an attacker who knew the exact published values.
"""

from dataclasses import dataclass, field

import numpy as np
from django.conf import settings

DEFAULT_THRESHOLD = 10
DEFAULT_BASE = 5


def threshold() -> int:
    return int(getattr(settings, "RETORNO_DISCLOSURE_THRESHOLD", DEFAULT_THRESHOLD))


def rounding_base() -> int:
    return int(getattr(settings, "RETORNO_DISCLOSURE_ROUNDING", DEFAULT_BASE))


@dataclass
class Release:
    cells: dict  # key -> true value (int)
    constraints: list[tuple[list, object]]  # (parts, total): sum(cells[parts]) == cells[total]
    totals: set = field(default_factory=set)  # keys that are totals (complemented last)
    hidden: dict = field(default_factory=dict)  # key -> "primary" | "complementary"

    def lines(self) -> list[list]:
        return [[*parts, total] for parts, total in self.constraints]


def round_to(value: int, base: int) -> int:
    if value == 0 or base <= 1:
        return value
    return max(base, int((value + base / 2) // base) * base)


def _matrix(release: Release, unknowns: list) -> np.ndarray:
    index = {key: i for i, key in enumerate(unknowns)}
    rows = []
    for parts, total in release.constraints:
        row = np.zeros(len(unknowns))
        for key in parts:
            if key in index:
                row[index[key]] += 1
        if total in index:
            row[index[total]] -= 1
        if row.any():
            rows.append(row)
    return np.array(rows) if rows else np.zeros((0, len(unknowns)))


def recoverable(release: Release, hidden: set) -> list:
    """Hidden cells whose exact value follows from the visible cells and the constraints."""
    unknowns = sorted(hidden, key=repr)
    if not unknowns:
        return []
    matrix = _matrix(release, unknowns)
    if matrix.shape[0] == 0:
        return []
    rank = np.linalg.matrix_rank(matrix)
    found = []
    for i, key in enumerate(unknowns):
        unit = np.zeros(len(unknowns))
        unit[i] = 1
        if np.linalg.matrix_rank(np.vstack([matrix, unit])) == rank:
            found.append(key)
    return found


def _complement(release: Release, line: list, hidden: set):
    """The cell of ``line`` to hide next: smallest non-zero visible, interior before totals."""
    visible = [k for k in line if k not in hidden]
    if not visible:
        return None
    return min(visible, key=lambda k: (release.cells[k] == 0, k in release.totals, release.cells[k], repr(k)))


def protect(release: Release, *, limit: int | None = None) -> Release:
    """Mark the cells to hide (``release.hidden``), primary then complementary."""
    limit = threshold() if limit is None else limit
    hidden = {k for k, v in release.cells.items() if 0 < v < limit}
    release.hidden = dict.fromkeys(hidden, "primary")
    lines = release.lines()
    while True:
        changed = False
        for line in lines:
            if sum(1 for k in line if k in hidden) == 1:
                extra = _complement(release, line, hidden)
                if extra is not None:
                    hidden.add(extra)
                    release.hidden[extra] = "complementary"
                    changed = True
        if changed:
            continue
        exposed = recoverable(release, hidden)
        if not exposed:
            return release
        # Hide one more cell on a line through the first exposed cell, then check again.
        key = exposed[0]
        for line in lines:
            if key in line:
                extra = _complement(release, line, hidden)
                if extra is not None:
                    hidden.add(extra)
                    release.hidden[extra] = "complementary"
                    break
        else:
            return release


def published(release: Release, *, base: int | None = None) -> dict:
    """key -> published value (rounded) or None when hidden."""
    base = rounding_base() if base is None else base
    return {k: (None if k in release.hidden else round_to(v, base)) for k, v in release.cells.items()}


def one_way(values: dict, *, total_key="T") -> Release:
    """A release for one breakdown: categories and their total."""
    cells = {**values, total_key: sum(values.values())}
    return Release(cells=cells, constraints=[(list(values), total_key)], totals={total_key})


def linked_tables(tables: dict[str, dict[tuple, int]], columns: list) -> Release:
    """Tables of one measure over the same ``columns`` (e.g. quarters), one per breakdown.

    ``tables[breakdown][(category, column)] = n``. Cells are keyed (breakdown, category, column);
    totals: (breakdown, category, "T") over the columns, ("*", "*", column) over categories (shared
    by every table, so they are hidden or shown consistently) and ("*", "*", "T").
    """
    cells, constraints, totals = {}, [], set()
    grand = ("*", "*", "T")
    column_totals = {col: ("*", "*", col) for col in columns}
    for name, table in tables.items():
        categories = sorted({cat for cat, _col in table}, key=repr)
        for cat in categories:
            row = [(name, cat, col) for col in columns]
            for key, col in zip(row, columns, strict=True):
                cells[key] = table.get((cat, col), 0)
            cells[(name, cat, "T")] = sum(cells[k] for k in row)
            totals.add((name, cat, "T"))
            constraints.append((row, (name, cat, "T")))
        for col in columns:
            constraints.append(([(name, cat, col) for cat in categories], column_totals[col]))
        constraints.append(([(name, cat, "T") for cat in categories], grand))
    for col in columns:
        cells[column_totals[col]] = sum(
            v for (name, _cat, c), v in cells.items() if c == col and name == next(iter(tables))
        )
        totals.add(column_totals[col])
    cells[grand] = sum(cells[column_totals[col]] for col in columns)
    totals.add(grand)
    constraints.append(([column_totals[col] for col in columns], grand))
    return Release(cells=cells, constraints=constraints, totals=totals)
