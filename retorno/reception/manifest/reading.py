"""From uploaded bytes to a grid of cells: format, text encoding and CSV separator.

Manifests arrive as Excel workbooks, as CSV saved by Excel on Windows (cp1252, ``;`` in
Spanish locales), as UTF-8 with a byte-order mark, or as tab-separated text.
"""

import csv
import io
from collections.abc import Callable, Iterator, Sequence

import openpyxl

Row = list[object]  # cells: str, int, float, datetime or None

SEPARATORS = (";", ",", "\t", "|")
SNIFF_ROWS = 30


class UnreadableFile(Exception):
    """The bytes cannot be read as a manifest; ``detail`` says why, in English."""

    def __init__(self, detail: str, *, unsupported: bool = False) -> None:
        super().__init__(detail)
        self.detail = detail
        self.unsupported = unsupported


def file_format(*, data: bytes, filename: str) -> str:
    """'xlsx' or 'csv', decided by content first: people rename files."""
    name = filename.lower()
    if data[:4] == b"PK\x03\x04":
        return "xlsx"
    if data[:4] == b"\xd0\xcf\x11\xe0" or name.endswith(".xls"):
        raise UnreadableFile("Excel 97-2003 .xls; save it as .xlsx or CSV", unsupported=True)
    if name.endswith((".xlsx", ".xlsm")):
        raise UnreadableFile("the .xlsx file is damaged or is not a workbook")
    if name.endswith((".ods", ".numbers", ".pdf", ".doc", ".docx")):
        raise UnreadableFile(name.rsplit(".", 1)[-1], unsupported=True)
    return "csv"


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding). UTF-8 is tried strictly first because cp1252 accepts almost anything."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        # Excel's "Unicode text" export: UTF-16 with a BOM, tab-separated.
        return data.decode("utf-16"), "utf-16"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    else:
        return text, "utf-8-sig" if data[:3] == b"\xef\xbb\xbf" else "utf-8"
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; Latin-1 maps every byte.
        return data.decode("latin-1"), "latin-1"


def clean_text_cell(value: str) -> str:
    """Trim, and undo Excel's ``="0123"`` trick for keeping leading zeros."""
    value = value.strip()
    if value.startswith('="') and value.endswith('"') and len(value) >= 3:
        return value[2:-1].strip()
    return value


def csv_rows(text: str, *, separator: str) -> Iterator[Row]:
    """Every record of ``text`` as a list of trimmed strings."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    try:
        for record in reader:
            yield [clean_text_cell(cell) for cell in record]
    except csv.Error as exc:
        raise UnreadableFile(f"CSV error near record {reader.line_num}: {exc}") from exc


def choose_separator(text: str, *, header_score: Callable[[Sequence[Row]], int]) -> str:
    """The separator under which a header row is best recognised.

    csv.Sniffer alone is fooled by "PÉREZ, JUAN" names in a ``;`` file (the comma is just as
    regular), so the header decides first; the Sniffer and field-count regularity are the
    fallbacks for files whose header we cannot read.
    """
    sample_rows = {sep: _first_rows(text, separator=sep) for sep in SEPARATORS}
    scores = {sep: header_score(rows) for sep, rows in sample_rows.items()}
    best = max(SEPARATORS, key=lambda sep: scores[sep])
    if scores[best] > 0:
        return best
    try:
        sniffed = csv.Sniffer().sniff(text[:8192], delimiters="".join(SEPARATORS)).delimiter
    except csv.Error:
        sniffed = ""
    if sniffed in SEPARATORS:
        return sniffed
    return max(SEPARATORS, key=lambda sep: _regularity(sample_rows[sep]))


def _first_rows(text: str, *, separator: str) -> list[Row]:
    rows: list[Row] = []
    try:
        for row in csv_rows(text, separator=separator):
            rows.append(row)
            if len(rows) >= SNIFF_ROWS:
                break
    except UnreadableFile:
        pass
    return rows


def _regularity(rows: Sequence[Row]) -> tuple[int, int]:
    """(rows sharing the most common width, that width), for widths above one."""
    widths = [len(row) for row in rows if len(row) > 1]
    if not widths:
        return (0, 0)
    common = max(set(widths), key=widths.count)
    return (widths.count(common), common)


def xlsx_rows(data: bytes, *, header_score: Callable[[Sequence[Row]], int]) -> tuple[str, Iterator[Row]]:
    """(sheet title, its rows) for the sheet whose header is best recognised.

    Row i of the iterator is spreadsheet row i + 1, blank rows included, so row numbers in
    problems are the ones staff see in Excel. The workbook closes when the iterator ends.
    """
    # openpyxl signals a damaged workbook with many exception types (zip, XML, KeyError...);
    # every one of them means the same to staff: this upload cannot be read.
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:
        raise UnreadableFile(f"not a valid .xlsx workbook ({exc.__class__.__name__})") from exc
    try:
        sheets = [ws for ws in workbook.worksheets if hasattr(ws, "iter_rows")]
        if not sheets:
            raise UnreadableFile("the workbook has no worksheet")
        # A leading "instructions" sheet is common; pick the sheet with the clearest header.
        best = max(sheets, key=lambda ws: header_score(list(_sheet_rows(ws, limit=SNIFF_ROWS))))
    except UnreadableFile:
        workbook.close()
        raise
    except Exception as exc:
        workbook.close()
        raise UnreadableFile(f"damaged worksheet ({exc.__class__.__name__})") from exc
    return best.title, _closing_rows(workbook, best)


def _sheet_rows(sheet: object, *, limit: int | None = None) -> Iterator[Row]:
    for count, values in enumerate(sheet.iter_rows(values_only=True), start=1):  # type: ignore[attr-defined]
        yield [clean_text_cell(v) if isinstance(v, str) else v for v in values]
        if limit is not None and count >= limit:
            return


def _closing_rows(workbook: openpyxl.Workbook, sheet: object) -> Iterator[Row]:
    try:
        yield from _sheet_rows(sheet)
    except Exception as exc:
        raise UnreadableFile(f"damaged worksheet ({exc.__class__.__name__})") from exc
    finally:
        workbook.close()
