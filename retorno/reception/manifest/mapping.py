"""Column mappings: which source column holds which field, found or remembered.

The Django layer stores one mapping per source (carrier, ICE, the Mexican authority...) as
``mapping.to_dict()`` and passes it back as ``ColumnMapping.from_dict(...)`` next time, so a
source's odd headers and its day/month order are confirmed once, not at every flight.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .dates import DateOrder
from .fields import SURNAME_FIELDS, Field, field_for_header, fold_header, is_ambiguous_name_header
from .problems import Code, Problem, problem

HEADER_SCAN_ROWS = 30
MIN_HEADER_SCORE = 2


@dataclass(frozen=True)
class ColumnMapping:
    """Source column header (as written in the file) -> canonical field.

    ``date_order`` settles dates such as 03/04/1990 for every file of the source.
    """

    columns: Mapping[str, Field] = field(default_factory=dict)
    date_order: DateOrder | None = None

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready form, for storing per source."""
        return {
            "columns": {header: str(f) for header, f in self.columns.items()},
            "date_order": None if self.date_order is None else str(self.date_order),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> "ColumnMapping":
        """Inverse of ``to_dict``; raises ValueError on an unknown field or order."""
        columns = data.get("columns") or {}
        if not isinstance(columns, Mapping):
            raise ValueError("columns must be a mapping of header -> field")
        order = data.get("date_order")
        return cls(
            columns={str(header): Field(str(value)) for header, value in columns.items()},
            date_order=None if order in (None, "") else DateOrder(str(order)),
        )


def header_score(row: Sequence[object]) -> int:
    """How many distinct fields a row's cells name (the measure of a header row)."""
    found = {field_for_header(cell) for cell in row if cell is not None}
    found.discard(None)
    ambiguous = any(is_ambiguous_name_header(cell) for cell in row if cell is not None)
    return len(found) + (1 if ambiguous else 0)


def best_header_score(rows: Sequence[Sequence[object]]) -> int:
    """The best header score among the first rows (used to choose a CSV separator)."""
    return max((header_score(row) for row in rows[:HEADER_SCAN_ROWS]), default=0)


def find_header_row(rows: Sequence[Sequence[object]], *, mapping: ColumnMapping | None = None) -> int | None:
    """Index of the header row among the first rows: title rows above it are skipped."""
    if mapping is not None and mapping.columns:
        wanted = {fold_header(header) for header in mapping.columns}

        def score(row: Sequence[object]) -> int:
            return len({fold_header(cell) for cell in row} & wanted)

    else:
        score = header_score
    scores = [score(row) for row in rows[:HEADER_SCAN_ROWS]]
    best = max(scores, default=0)
    if best < MIN_HEADER_SCORE and not (mapping and mapping.columns and best >= 1):
        return None
    return scores.index(best)


def infer_columns(header: Sequence[object]) -> tuple[dict[int, Field], list[Problem]]:
    """Column index -> field from the header's wording."""
    columns: dict[int, Field] = {}
    ambiguous: list[int] = []
    for index, cell in enumerate(header):
        found = field_for_header(cell)
        if found is not None:
            columns[index] = found
        elif is_ambiguous_name_header(cell):
            ambiguous.append(index)
    # 'Nombre' next to surname columns is the given names; alone it is the full name.
    has_surnames = bool(SURNAME_FIELDS & set(columns.values()))
    for index in ambiguous:
        columns[index] = Field.GIVEN_NAMES if has_surnames else Field.FULL_NAME
    return _first_of_each(columns, header)


def mapped_columns(header: Sequence[object], *, mapping: ColumnMapping) -> tuple[dict[int, Field], list[Problem]]:
    """Column index -> field: the saved mapping first, the headers' wording for the rest.

    Saved columns absent from this file are reported: the source may have changed format.
    """
    by_folded = {fold_header(source): target for source, target in mapping.columns.items()}
    saved = {index: by_folded[fold_header(cell)] for index, cell in enumerate(header) if fold_header(cell) in by_folded}
    inferred, _ = infer_columns(header)
    # A field the mapping places in one column is not also taken from another by wording.
    columns = {i: f for i, f in inferred.items() if i not in saved and f not in saved.values()} | saved
    present = {fold_header(cell) for cell in header}
    problems = [
        problem(Code.MAPPED_COLUMN_NOT_FOUND, header=source)
        for source in mapping.columns
        if fold_header(source) not in present
    ]
    columns, duplicates = _first_of_each(columns, header)
    return columns, problems + duplicates


def _first_of_each(columns: dict[int, Field], header: Sequence[object]) -> tuple[dict[int, Field], list[Problem]]:
    """Keep the leftmost column of each field; later ones are reported, not merged."""
    kept: dict[int, Field] = {}
    problems: list[Problem] = []
    for index in sorted(columns):
        target = columns[index]
        if target in kept.values():
            problems.append(problem(Code.DUPLICATE_COLUMN, field=target, header=header[index], name=str(target)))
            continue
        kept[index] = target
    return kept, problems


def mapping_for(header: Sequence[object], columns: Mapping[int, Field]) -> dict[str, Field]:
    """The header text -> field mapping that was used, for showing and saving."""
    return {str(header[index]).strip(): target for index, target in sorted(columns.items())}
