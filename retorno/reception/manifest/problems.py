"""Problems found while reading a manifest: a code and its parameters, put into words with gettext when shown.

Severity means:

- ``error``: the value in that field was not accepted (its normalised value is None) or the
  row or file lacks something it must have. Staff fix it before (or while) committing.
- ``warning``: the value was accepted but should be checked by a person.

A row with errors is still returned: the preview shows it, nothing is silently dropped.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.utils import translation
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_noop as _  # marked here, translated when shown


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Code(StrEnum):
    # File level (row_number is None).
    UNSUPPORTED_FORMAT = "unsupported_format"
    UNREADABLE_FILE = "unreadable_file"
    EMPTY_FILE = "empty_file"
    HEADER_NOT_FOUND = "header_not_found"
    MISSING_REQUIRED_COLUMN = "missing_required_column"
    MISSING_RECOMMENDED_COLUMN = "missing_recommended_column"
    DUPLICATE_COLUMN = "duplicate_column"
    MAPPED_COLUMN_NOT_FOUND = "mapped_column_not_found"
    TOO_MANY_ROWS = "too_many_rows"
    MIXED_DATE_ORDERS = "mixed_date_orders"
    TWO_DIGIT_YEARS = "two_digit_years"
    # Row level.
    EMPTY_NAME = "empty_name"
    UNPARSEABLE_DATE = "unparseable_date"
    AMBIGUOUS_DATE = "ambiguous_date"
    DATE_ORDER_CONFLICT = "date_order_conflict"
    FUTURE_BIRTH_DATE = "future_birth_date"
    IMPLAUSIBLE_BIRTH_DATE = "implausible_birth_date"
    INVALID_SEX = "invalid_sex"
    AMBIGUOUS_SEX = "ambiguous_sex"
    INVALID_AGE = "invalid_age"
    AGE_MISMATCH = "age_mismatch"
    INVALID_SEQUENCE = "invalid_sequence"
    CUI_FORMAT = "cui_format"
    CUI_CHECK = "cui_check"
    CUI_LEADING_ZEROS = "cui_leading_zeros"
    A_NUMBER_FORMAT = "a_number_format"
    UNKNOWN_NATIONALITY = "unknown_nationality"
    INVALID_FLAG = "invalid_flag"
    UNACCOMPANIED_ADULT = "unaccompanied_adult"
    DUPLICATE_ROW = "duplicate_row"
    POSSIBLE_DUPLICATE = "possible_duplicate"
    UNSAFE_CHARACTERS = "unsafe_characters"
    TOO_LONG = "too_long"
    MISSING_NAME_PART = "missing_name_part"
    SAME_NAME_OTHER_DOCUMENT = "same_name_other_document"


# What each problem means for the row: an error keeps the value out, a warning asks a person to look.
SEVERITY: dict[Code, Severity] = {
    Code.UNSUPPORTED_FORMAT: Severity.ERROR,
    Code.UNREADABLE_FILE: Severity.ERROR,
    Code.EMPTY_FILE: Severity.ERROR,
    Code.HEADER_NOT_FOUND: Severity.ERROR,
    Code.MISSING_REQUIRED_COLUMN: Severity.ERROR,
    Code.MISSING_RECOMMENDED_COLUMN: Severity.WARNING,
    Code.DUPLICATE_COLUMN: Severity.WARNING,
    Code.MAPPED_COLUMN_NOT_FOUND: Severity.WARNING,
    Code.TOO_MANY_ROWS: Severity.ERROR,
    Code.MIXED_DATE_ORDERS: Severity.WARNING,
    Code.TWO_DIGIT_YEARS: Severity.WARNING,
    Code.EMPTY_NAME: Severity.ERROR,
    Code.UNPARSEABLE_DATE: Severity.ERROR,
    Code.AMBIGUOUS_DATE: Severity.WARNING,
    Code.DATE_ORDER_CONFLICT: Severity.WARNING,
    Code.FUTURE_BIRTH_DATE: Severity.ERROR,
    Code.IMPLAUSIBLE_BIRTH_DATE: Severity.ERROR,
    Code.INVALID_SEX: Severity.ERROR,
    Code.AMBIGUOUS_SEX: Severity.ERROR,
    Code.INVALID_AGE: Severity.ERROR,
    Code.AGE_MISMATCH: Severity.WARNING,
    Code.INVALID_SEQUENCE: Severity.WARNING,
    Code.CUI_FORMAT: Severity.ERROR,
    Code.CUI_CHECK: Severity.WARNING,
    Code.CUI_LEADING_ZEROS: Severity.WARNING,
    Code.A_NUMBER_FORMAT: Severity.ERROR,
    Code.UNKNOWN_NATIONALITY: Severity.WARNING,
    Code.INVALID_FLAG: Severity.WARNING,
    Code.UNACCOMPANIED_ADULT: Severity.WARNING,
    Code.DUPLICATE_ROW: Severity.ERROR,
    Code.POSSIBLE_DUPLICATE: Severity.WARNING,
    Code.UNSAFE_CHARACTERS: Severity.WARNING,
    Code.TOO_LONG: Severity.ERROR,
    Code.MISSING_NAME_PART: Severity.ERROR,
    Code.SAME_NAME_OTHER_DOCUMENT: Severity.WARNING,
}

# The messages, translated with gettext when shown; parameters fill the %(name)s placeholders.
MESSAGES = {
    Code.UNSUPPORTED_FORMAT: _("Unsupported format: upload a CSV or XLSX file (%(detail)s)."),
    Code.UNREADABLE_FILE: _("The file could not be read: %(detail)s."),
    Code.EMPTY_FILE: _("The file is empty."),
    Code.HEADER_NOT_FOUND: _("No header row was found in the first %(rows)s rows."),
    Code.MISSING_REQUIRED_COLUMN: _("A required column is missing: full name, or given names and surnames."),
    Code.MISSING_RECOMMENDED_COLUMN: _("Column '%(column)s' is missing; that data must be taken at check-in."),
    Code.DUPLICATE_COLUMN: _("Column '%(header)s' repeats field %(name)s; the first one is used."),
    Code.MAPPED_COLUMN_NOT_FOUND: _("Column '%(header)s' of the saved mapping is not in this file."),
    Code.TOO_MANY_ROWS: _("The file has more than %(limit)s rows; only the first %(limit)s were read."),
    Code.MIXED_DATE_ORDERS: _("Column %(name)s mixes day/month and month/day; ambiguous dates were not interpreted."),
    Code.TWO_DIGIT_YEARS: _("Column %(name)s uses two-digit years; they were read as %(first)s–%(last)s."),
    Code.EMPTY_NAME: _("The row has no name."),
    Code.UNPARSEABLE_DATE: _("'%(value)s' is not a recognisable date."),
    Code.AMBIGUOUS_DATE: _("'%(value)s' may be %(dmy)s (day/month) or %(mdy)s (month/day); confirm the date."),
    Code.DATE_ORDER_CONFLICT: _("'%(value)s' is only valid as %(date)s, against the file's %(order)s order."),
    Code.FUTURE_BIRTH_DATE: _("The birth date %(date)s is in the future."),
    Code.IMPLAUSIBLE_BIRTH_DATE: _("The birth date %(date)s is not plausible."),
    Code.INVALID_SEX: _("'%(value)s' is not a recognised sex value (M/F)."),
    Code.AMBIGUOUS_SEX: _("'%(value)s' may mean male or 'mujer' (female): the column mixes H/M and M/F."),
    Code.INVALID_AGE: _("'%(value)s' is not a valid age."),
    Code.AGE_MISMATCH: _("Age %(age)s does not match the birth date (which gives %(computed)s)."),
    Code.INVALID_SEQUENCE: _("'%(value)s' is not a sequence number."),
    Code.CUI_FORMAT: _("'%(value)s' is not a CUI: it must have 13 digits%(hint)s."),
    Code.CUI_CHECK: _("CUI %(value)s fails the check rule (%(reason)s); check it against the DPI."),
    Code.CUI_LEADING_ZEROS: _("Leading zeros of the CUI were restored (%(value)s); the sheet stored it as a number."),
    Code.A_NUMBER_FORMAT: _("'%(value)s' is not an A-number (A followed by 7 to 9 digits)."),
    Code.UNKNOWN_NATIONALITY: _("Nationality '%(value)s' not recognised; kept as written."),
    Code.INVALID_FLAG: _("'%(value)s' is not yes/no; the flag is left empty."),
    Code.UNACCOMPANIED_ADULT: _("Flagged as an unaccompanied minor but is %(age)s years old."),
    Code.DUPLICATE_ROW: _("Same person as row %(first_row)s (%(basis)s)."),
    Code.POSSIBLE_DUPLICATE: _("Same name as row %(first_row)s and no birth date to tell them apart."),
    Code.UNSAFE_CHARACTERS: _(
        "%(count)s invisible control or text-direction characters were removed; check the value."
    ),
    Code.TOO_LONG: _("The value has %(length)s characters; the limit is %(limit)s. It was not kept: correct it."),
    Code.MISSING_NAME_PART: _("The %(part)s is missing."),
    Code.SAME_NAME_OTHER_DOCUMENT: _(
        "Same name and birth date as row %(first_row)s but another document: kept as two people."
    ),
}

# Parameters that are codes themselves, shown in words: {parameter: {code: words}}. A value that is
# not a known code (a row stored before the codes) is shown as it was stored. The words have their
# own context: "first surname" here is "el primer apellido", not a column's label.
TERMS = {
    "basis": {
        "cui": pgettext_lazy("manifest problem", "same CUI"),
        "a_number": pgettext_lazy("manifest problem", "same A-number"),
        "passport": pgettext_lazy("manifest problem", "same passport"),
        "name_birth_date": pgettext_lazy("manifest problem", "same name and birth date"),
    },
    "part": {
        "given_names": pgettext_lazy("manifest problem", "given name"),
        "first_surname": pgettext_lazy("manifest problem", "first surname"),
    },
    "reason": {
        "check_digit": pgettext_lazy("manifest problem", "check digit"),
        "department": pgettext_lazy("manifest problem", "no such department"),
        "municipality": pgettext_lazy("manifest problem", "no such municipality"),
        "length": pgettext_lazy("manifest problem", "length"),
    },
    "hint": {"": "", "scientific": pgettext_lazy("manifest problem", " (Excel turned it into E+ notation)")},
}


def _shown(params: dict) -> dict:
    def words(key: str, value):
        if key in TERMS and isinstance(value, str) and value in TERMS[key]:
            return str(TERMS[key][value])
        return value

    return {k: words(k, v) for k, v in params.items()}


def render(code: str, params: dict) -> str:
    """A problem in the active language, from its code and parameters."""
    return gettext(MESSAGES[Code(code)]) % _shown(params)


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem: where (row, field), what (code) and its parameters; its words come from gettext."""

    row_number: int | None  # 1-based row of the source file; None for the whole file
    field: str | None  # a Field value, or None when it concerns the row or file
    code: Code
    severity: Severity
    params: tuple[tuple[str, object], ...] = ()

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def message(self) -> str:
        """The message in the active language (the caller's)."""
        return render(self.code, dict(self.params))

    @property
    def message_es(self) -> str:
        with translation.override("es"):
            return self.message

    @property
    def message_en(self) -> str:
        with translation.override("en"):
            return self.message

    def as_dict(self) -> dict:
        """What is stored: the code and its parameters, never a rendered message."""
        return {
            "field": self.field,
            "code": str(self.code),
            "severity": str(self.severity),
            "params": dict(self.params),
        }

    def as_tuple(self) -> tuple[int | None, str | None, str, str, str, str]:
        return (
            self.row_number,
            self.field,
            str(self.code),
            self.message_es,
            self.message_en,
            str(self.severity),
        )


def problem(code: Code, *, row_number: int | None = None, field: str | None = None, **params: object) -> Problem:
    """Build a problem; ``params`` fill its message's placeholders (a missing one fails here, not on screen)."""
    MESSAGES[code] % params  # the English template: a missing parameter fails here
    return Problem(
        row_number=row_number,
        field=None if field is None else str(field),
        code=code,
        severity=SEVERITY[code],
        params=tuple(params.items()),
    )


def stored_message(stored: dict) -> str:
    """A stored problem ({"code", "params"}) in the active language.

    A problem the migration could not put back into a code and parameters keeps its words as they
    were stored (``params["text_es"]``/``["text_en"]``), so nothing is lost.
    """
    params = stored.get("params") or {}
    english = (translation.get_language() or "es").startswith("en")
    if "text_es" in params or "text_en" in params:
        return str(params.get("text_en" if english else "text_es") or params.get("text_es") or "")
    try:
        return render(stored.get("code"), params)
    except (KeyError, ValueError, TypeError):
        return str(stored.get("code") or "")
