"""What reading a manifest produces: the rows, their values and problems, and how it was read."""

from dataclasses import dataclass, field

from .dates import ColumnOrder
from .mapping import ColumnMapping
from .problems import Problem, Severity

# The keys of every row's ``values``, always all present (None when unknown).
VALUE_KEYS = (
    "sequence",
    "given_names",
    "first_surname",
    "second_surname",
    "full_name",
    "sex",  # "M" or "F"
    "birth_date",  # datetime.date
    "birth_date_precision",  # "day", "month" or "year"
    "age",  # int, as written in the file
    "nationality",  # ISO 3166 alpha-2 when recognised, else the text as written
    "cui",  # 13 digits
    "passport",
    "a_number",  # "A" + nine digits
    "origin_department",
    "origin_municipality",
    "origin_place",
    "unaccompanied_minor",  # the file's flag: True, False or None
    "is_minor",  # under 18 today, from the birth date or else the age
    "notes",
)


@dataclass
class ManifestRow:
    """One passenger row: its source row number, normalised values, originals and problems."""

    row_number: int  # 1-based, as staff see it in Excel or a text editor
    values: dict[str, object]
    raw: dict[str, object]  # field -> the cell as read, for the preview
    problems: list[Problem] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self.problems)


@dataclass
class ManifestResult:
    """The whole reading. ``problems`` are file-level; each row carries its own."""

    filename: str
    file_format: str | None = None  # "csv" or "xlsx"
    encoding: str | None = None  # CSV only: utf-8, utf-8-sig, utf-16, cp1252 or latin-1
    separator: str | None = None  # CSV only
    sheet: str | None = None  # XLSX only
    header_row_number: int | None = None  # 1-based, like row numbers
    mapping: ColumnMapping = field(default_factory=ColumnMapping)
    unmapped_columns: list[str] = field(default_factory=list)
    date_orders: dict[str, ColumnOrder] = field(default_factory=dict)
    rows: list[ManifestRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def all_problems(self) -> list[Problem]:
        """File-level problems first, then each row's in row order."""
        return [*self.problems, *(p for row in self.rows for p in row.problems)]

    @property
    def error_count(self) -> int:
        return sum(1 for p in self.all_problems() if p.severity is Severity.ERROR)

    @property
    def warning_count(self) -> int:
        return sum(1 for p in self.all_problems() if p.severity is Severity.WARNING)

    @property
    def has_errors(self) -> bool:
        return self.error_count > 0

    @property
    def can_import(self) -> bool:
        """False when a file-level error means the rows cannot be trusted at all."""
        return not any(p.is_error for p in self.problems)
