"""``parse_manifest``: uploaded bytes in, a ManifestResult out. Nothing is saved here."""

import itertools
from collections.abc import Callable, Iterator, Sequence
from datetime import date

from .dates import order_from_header
from .fields import SURNAME_FIELDS, Field, fold_header
from .mapping import (
    HEADER_SCAN_ROWS,
    ColumnMapping,
    best_header_score,
    find_header_row,
    infer_columns,
    mapped_columns,
    mapping_for,
)
from .problems import Code, Problem, problem
from .reading import UnreadableFile, choose_separator, csv_rows, decode, file_format, xlsx_rows
from .result import ManifestResult
from .rows import ColumnFacts, build_row, column_facts, flag_duplicates, sanitise_cells

DEFAULT_MAX_ROWS = 10_000
RECOMMENDED = ((Field.SEX, "sexo / sex"), (Field.BIRTH_DATE, "fecha de nacimiento / birth date"))


def parse_manifest(
    *,
    data: bytes,
    filename: str,
    mapping: ColumnMapping | None = None,
    max_rows: int = DEFAULT_MAX_ROWS,
    today: date | None = None,
) -> ManifestResult:
    """Read a passenger list (CSV or XLSX) and report every problem by row and field.

    ``mapping`` is the column mapping remembered for this source; without it the columns
    are recognised by their headers (Spanish or English, any accents or case). ``today``
    is the reference for future birth dates and ages (the flight date in the Django layer).
    Never raises on bad input: an unreadable file is a file-level problem in the result.
    """
    today = today or date.today()
    result = ManifestResult(filename=filename)
    if not data.strip():
        result.problems.append(problem(Code.EMPTY_FILE))
        return result
    try:
        rows = _open(data=data, filename=filename, mapping=mapping, result=result)
        _read(rows, mapping=mapping, max_rows=max_rows, today=today, result=result)
    except UnreadableFile as exc:
        code = Code.UNSUPPORTED_FORMAT if exc.unsupported else Code.UNREADABLE_FILE
        result.problems.append(problem(code, detail=exc.detail))
        result.rows = []
    return result


def _open(
    *, data: bytes, filename: str, mapping: ColumnMapping | None, result: ManifestResult
) -> Iterator[list[object]]:
    """The file's rows, recording in ``result`` how it was read."""
    result.file_format = file_format(data=data, filename=filename)

    def score(rows: Sequence[Sequence[object]]) -> int:
        # A saved mapping's headers weigh most; the known synonyms break ties and cover a
        # source whose format changed since the mapping was saved.
        return 100 * _mapping_score(rows, mapping) + best_header_score(rows)

    if result.file_format == "xlsx":
        result.sheet, rows = xlsx_rows(data, header_score=score)
        return rows
    text, result.encoding = decode(data)
    result.separator = choose_separator(text, header_score=score)
    return csv_rows(text, separator=result.separator)


def _mapping_score(rows: Sequence[Sequence[object]], mapping: ColumnMapping | None) -> int:
    if not (mapping and mapping.columns):
        return 0
    wanted = {fold_header(header) for header in mapping.columns}
    return max((len({fold_header(cell) for cell in row} & wanted) for row in rows), default=0)


def _read(
    rows: Iterator[list[object]],
    *,
    mapping: ColumnMapping | None,
    max_rows: int,
    today: date,
    result: ManifestResult,
) -> None:
    head = list(itertools.islice(rows, HEADER_SCAN_ROWS))
    if not any(_filled(row) for row in head):
        result.problems.append(problem(Code.EMPTY_FILE))
        return
    header_index, columns, problems = _header_and_columns(head, mapping=mapping)
    if header_index is None:
        result.problems.append(problem(Code.HEADER_NOT_FOUND, rows=HEADER_SCAN_ROWS))
        return
    header = head[header_index]
    result.header_row_number = header_index + 1
    result.mapping = ColumnMapping(
        columns=mapping_for(header, columns), date_order=mapping.date_order if mapping else None
    )
    result.unmapped_columns = [str(cell) for i, cell in enumerate(header) if i not in columns and _filled([cell])]
    result.problems += problems + _column_problems(set(columns.values()))
    body = itertools.chain(head[header_index + 1 :], rows)
    raw_rows = _raw_rows(body, header, columns, start=header_index + 2, max_rows=max_rows, result=result)
    _build_rows(raw_rows, header=header, columns=columns, mapping=mapping, today=today, result=result)


def _header_and_columns(
    head: Sequence[Sequence[object]], *, mapping: ColumnMapping | None
) -> tuple[int | None, dict[int, Field], list[Problem]]:
    """The header row (found by the saved mapping's headers, else by wording) and its columns."""
    has_mapping = bool(mapping and mapping.columns)
    index = find_header_row(head, mapping=mapping) if has_mapping else None
    if index is None:
        index = find_header_row(head)
    if index is None:
        return None, {}, []
    if has_mapping:
        return (index, *mapped_columns(head[index], mapping=mapping))
    return (index, *infer_columns(head[index]))


def _filled(row: Sequence[object]) -> bool:
    return any(cell is not None and cell != "" for cell in row)


def _column_problems(fields: set[Field]) -> list[Problem]:
    """A name is required; sex and birth date are recommended (matching and statistics)."""
    has_split = Field.GIVEN_NAMES in fields and bool(SURNAME_FIELDS & fields)
    problems = []
    if Field.FULL_NAME not in fields and not has_split:
        problems.append(problem(Code.MISSING_REQUIRED_COLUMN, field=Field.FULL_NAME))
    for target, label in RECOMMENDED:
        if target not in fields:
            problems.append(problem(Code.MISSING_RECOMMENDED_COLUMN, field=target, column=label))
    return problems


def _raw_rows(
    body: Iterator[list[object]],
    header: Sequence[object],
    columns: dict[int, Field],
    *,
    start: int,
    max_rows: int,
    result: ManifestResult,
) -> list[tuple[int, dict[Field, object]]]:
    """(row number, field -> cell) for each data row; blank and repeated header rows skipped."""
    is_header = _header_repeat_test(header)
    raw_rows: list[tuple[int, dict[Field, object]]] = []
    for row_number, row in enumerate(body, start=start):
        if not _filled(row) or is_header(row):
            continue
        if len(raw_rows) >= max_rows:
            result.problems.append(problem(Code.TOO_MANY_ROWS, limit=max_rows))
            break
        raw_rows.append((row_number, _cells(row, columns)))
    return raw_rows


def _header_repeat_test(header: Sequence[object]) -> Callable[[Sequence[object]], bool]:
    """Exports paginated for printing repeat the header; those rows are not passengers."""
    folded = [fold_header(cell) for cell in header]
    first = next(i for i, cell in enumerate(folded) if cell)

    def is_header(row: Sequence[object]) -> bool:
        # The cheap look at one cell first: folding every cell of 10,000 rows costs 0.3 s.
        if len(row) <= first or fold_header(row[first]) != folded[first]:
            return False
        return [fold_header(cell) for cell in row] == folded

    return is_header


def _cells(row: Sequence[object], columns: dict[int, Field]) -> dict[Field, object]:
    width = len(row)
    return {
        target: (None if row[index] == "" else row[index]) if index < width else None
        for index, target in columns.items()
    }


def _build_rows(
    raw_rows: list[tuple[int, dict[Field, object]]],
    *,
    header: Sequence[object],
    columns: dict[int, Field],
    mapping: ColumnMapping | None,
    today: date,
    result: ManifestResult,
) -> None:
    headers = {target: str(header[index]) for index, target in columns.items()}
    # Control and text-direction characters go before anything reads a cell; each row is told.
    removed: dict[int, dict[Field, int]] = {}
    for i, (row_number, raw) in enumerate(raw_rows):
        clean, counts = sanitise_cells(raw)
        if counts:
            raw_rows[i] = (row_number, clean)
            removed[row_number] = counts
    facts = column_facts(
        [raw for _, raw in raw_rows],
        headers=headers,
        explicit_order=mapping.date_order if mapping else None,
        header_order=order_from_header(headers.get(Field.BIRTH_DATE)),
        today=today,
    )
    if Field.BIRTH_DATE in columns.values():
        result.date_orders[str(Field.BIRTH_DATE)] = facts.date_order
        result.problems += _date_column_problems(facts, today)
    name_column = Field.FULL_NAME in columns.values() or Field.GIVEN_NAMES in columns.values()
    result.rows = [
        build_row(
            row_number=row_number,
            raw=raw,
            reading=reading,
            facts=facts,
            today=today,
            name_column=name_column,
            removed=removed.get(row_number),
        )
        for (row_number, raw), reading in zip(raw_rows, facts.readings, strict=True)
    ]
    flag_duplicates(result.rows)


def _date_column_problems(facts: ColumnFacts, today: date) -> list[Problem]:
    problems = []
    name = str(Field.BIRTH_DATE)
    if facts.date_order.source == "mixed":
        problems.append(problem(Code.MIXED_DATE_ORDERS, field=Field.BIRTH_DATE, name=name))
    if any(reading and reading.two_digit_year for reading in facts.readings):
        problems.append(
            problem(
                Code.TWO_DIGIT_YEARS,
                field=Field.BIRTH_DATE,
                name=name,
                first=today.year - 99,
                last=today.year,
            )
        )
    return problems
