"""Problems found while reading a manifest, with their messages in Spanish and English.

Severity means:

- ``error``: the value in that field was not accepted (its normalised value is None) or the
  row or file lacks something it must have. Staff fix it before (or while) committing.
- ``warning``: the value was accepted but should be checked by a person.

A row with errors is still returned: the preview shows it, nothing is silently dropped.
"""

from dataclasses import dataclass
from enum import StrEnum


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


# code -> (severity, Spanish template, English template); templates use str.format.
CATALOGUE: dict[Code, tuple[Severity, str, str]] = {
    Code.UNSUPPORTED_FORMAT: (
        Severity.ERROR,
        "Formato no admitido: suba un archivo CSV o XLSX ({detail}).",
        "Unsupported format: upload a CSV or XLSX file ({detail}).",
    ),
    Code.UNREADABLE_FILE: (
        Severity.ERROR,
        "No se pudo leer el archivo: {detail}.",
        "The file could not be read: {detail}.",
    ),
    Code.EMPTY_FILE: (
        Severity.ERROR,
        "El archivo está vacío.",
        "The file is empty.",
    ),
    Code.HEADER_NOT_FOUND: (
        Severity.ERROR,
        "No se encontró la fila de encabezados en las primeras {rows} filas.",
        "No header row was found in the first {rows} rows.",
    ),
    Code.MISSING_REQUIRED_COLUMN: (
        Severity.ERROR,
        "Falta una columna obligatoria: {detail_es}.",
        "A required column is missing: {detail_en}.",
    ),
    Code.MISSING_RECOMMENDED_COLUMN: (
        Severity.WARNING,
        "Falta la columna «{column}»; esos datos deberán tomarse en el registro de ingreso.",
        "Column '{column}' is missing; that data must be taken at check-in.",
    ),
    Code.DUPLICATE_COLUMN: (
        Severity.WARNING,
        "La columna «{header}» repite el campo {name}; se usa la primera.",
        "Column '{header}' repeats field {name}; the first one is used.",
    ),
    Code.MAPPED_COLUMN_NOT_FOUND: (
        Severity.WARNING,
        "La columna «{header}» del mapeo guardado no está en este archivo.",
        "Column '{header}' of the saved mapping is not in this file.",
    ),
    Code.TOO_MANY_ROWS: (
        Severity.ERROR,
        "El archivo tiene más de {limit} filas; solo se leyeron las primeras {limit}.",
        "The file has more than {limit} rows; only the first {limit} were read.",
    ),
    Code.MIXED_DATE_ORDERS: (
        Severity.WARNING,
        "La columna {name} mezcla día/mes y mes/día; las fechas ambiguas no se interpretaron.",
        "Column {name} mixes day/month and month/day; ambiguous dates were not interpreted.",
    ),
    Code.TWO_DIGIT_YEARS: (
        Severity.WARNING,
        "La columna {name} usa años de dos dígitos; se interpretaron como {first}–{last}.",
        "Column {name} uses two-digit years; they were read as {first}–{last}.",
    ),
    Code.EMPTY_NAME: (
        Severity.ERROR,
        "La fila no tiene nombre.",
        "The row has no name.",
    ),
    Code.UNPARSEABLE_DATE: (
        Severity.ERROR,
        "«{value}» no es una fecha reconocible.",
        "'{value}' is not a recognisable date.",
    ),
    Code.AMBIGUOUS_DATE: (
        Severity.WARNING,
        "«{value}» puede ser {dmy} (día/mes) o {mdy} (mes/día); confirme la fecha.",
        "'{value}' may be {dmy} (day/month) or {mdy} (month/day); confirm the date.",
    ),
    Code.DATE_ORDER_CONFLICT: (
        Severity.WARNING,
        "«{value}» solo es válida como {date}, contraria al orden {order} del archivo.",
        "'{value}' is only valid as {date}, against the file's {order} order.",
    ),
    Code.FUTURE_BIRTH_DATE: (
        Severity.ERROR,
        "La fecha de nacimiento {date} está en el futuro.",
        "The birth date {date} is in the future.",
    ),
    Code.IMPLAUSIBLE_BIRTH_DATE: (
        Severity.ERROR,
        "La fecha de nacimiento {date} no es plausible.",
        "The birth date {date} is not plausible.",
    ),
    Code.INVALID_SEX: (
        Severity.ERROR,
        "«{value}» no es un valor de sexo reconocido (M/F).",
        "'{value}' is not a recognised sex value (M/F).",
    ),
    Code.AMBIGUOUS_SEX: (
        Severity.ERROR,
        "«{value}» puede ser masculino o «mujer»: la columna usa H/M y M/F a la vez.",
        "'{value}' may mean male or 'mujer' (female): the column mixes H/M and M/F.",
    ),
    Code.INVALID_AGE: (
        Severity.ERROR,
        "«{value}» no es una edad válida.",
        "'{value}' is not a valid age.",
    ),
    Code.AGE_MISMATCH: (
        Severity.WARNING,
        "La edad {age} no coincide con la fecha de nacimiento (daría {computed}).",
        "Age {age} does not match the birth date (which gives {computed}).",
    ),
    Code.INVALID_SEQUENCE: (
        Severity.WARNING,
        "«{value}» no es un número de orden.",
        "'{value}' is not a sequence number.",
    ),
    Code.CUI_FORMAT: (
        Severity.ERROR,
        "«{value}» no es un CUI: debe tener 13 dígitos{hint_es}.",
        "'{value}' is not a CUI: it must have 13 digits{hint_en}.",
    ),
    Code.CUI_CHECK: (
        Severity.WARNING,
        "El CUI {value} no cumple la regla de verificación ({reason_es}); revíselo con el DPI.",
        "CUI {value} fails the check rule ({reason_en}); check it against the DPI.",
    ),
    Code.CUI_LEADING_ZEROS: (
        Severity.WARNING,
        "Se restauraron ceros iniciales del CUI ({value}); la hoja lo guardó como número.",
        "Leading zeros of the CUI were restored ({value}); the sheet stored it as a number.",
    ),
    Code.A_NUMBER_FORMAT: (
        Severity.ERROR,
        "«{value}» no es un número A (A seguido de 7 a 9 dígitos).",
        "'{value}' is not an A-number (A followed by 7 to 9 digits).",
    ),
    Code.UNKNOWN_NATIONALITY: (
        Severity.WARNING,
        "Nacionalidad «{value}» no reconocida; se guarda tal cual.",
        "Nationality '{value}' not recognised; kept as written.",
    ),
    Code.INVALID_FLAG: (
        Severity.WARNING,
        "«{value}» no es sí/no; la marca se deja vacía.",
        "'{value}' is not yes/no; the flag is left empty.",
    ),
    Code.UNACCOMPANIED_ADULT: (
        Severity.WARNING,
        "Marcado como menor no acompañado pero tiene {age} años.",
        "Flagged as an unaccompanied minor but is {age} years old.",
    ),
    Code.DUPLICATE_ROW: (
        Severity.ERROR,
        "Misma persona que la fila {first_row} ({basis_es}).",
        "Same person as row {first_row} ({basis_en}).",
    ),
    Code.POSSIBLE_DUPLICATE: (
        Severity.WARNING,
        "Mismo nombre que la fila {first_row} y sin fecha de nacimiento para distinguirlas.",
        "Same name as row {first_row} and no birth date to tell them apart.",
    ),
    Code.UNSAFE_CHARACTERS: (
        Severity.WARNING,
        "Se quitaron {count} caracteres de control o de dirección de texto invisibles; revise el valor.",
        "{count} invisible control or text-direction characters were removed; check the value.",
    ),
    Code.TOO_LONG: (
        Severity.ERROR,
        "El valor tiene {length} caracteres; el máximo es {limit}. No se guardó: corríjalo.",
        "The value has {length} characters; the limit is {limit}. It was not kept: correct it.",
    ),
    Code.MISSING_NAME_PART: (
        Severity.ERROR,
        "Falta {part_es}.",
        "The {part_en} is missing.",
    ),
    Code.SAME_NAME_OTHER_DOCUMENT: (
        Severity.WARNING,
        "Mismo nombre y fecha de nacimiento que la fila {first_row}, pero otro documento: se tratan como dos personas.",
        "Same name and birth date as row {first_row} but another document: kept as two people.",
    ),
}


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem: where (row, field), what (code) and its parameters; messages come from the catalogue."""

    row_number: int | None  # 1-based row of the source file; None for the whole file
    field: str | None  # a Field value, or None when it concerns the row or file
    code: Code
    severity: Severity
    params: tuple[tuple[str, object], ...] = ()

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def message_es(self) -> str:
        return CATALOGUE[self.code][1].format(**dict(self.params))

    @property
    def message_en(self) -> str:
        return CATALOGUE[self.code][2].format(**dict(self.params))

    @property
    def message(self) -> str:
        """The message in the active language (the caller's)."""
        return self.message_en if _english() else self.message_es

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


def _english() -> bool:
    from django.utils.translation import get_language

    return (get_language() or "es").startswith("en")


def problem(code: Code, *, row_number: int | None = None, field: str | None = None, **params: object) -> Problem:
    """Build a problem from the catalogue; ``params`` fill the message templates."""
    severity, template_es, template_en = CATALOGUE[code]
    template_es.format(**params), template_en.format(**params)  # a missing parameter fails here, not on screen
    return Problem(
        row_number=row_number,
        field=None if field is None else str(field),
        code=code,
        severity=severity,
        params=tuple(params.items()),
    )


def stored_message(stored: dict) -> str:
    """A stored problem ({"code", "params"}) in the active language; older rows kept their messages."""
    try:
        code = Code(stored.get("code"))
    except ValueError:
        code = None
    if code is not None and "params" in stored:
        try:
            return CATALOGUE[code][2 if _english() else 1].format(**stored["params"])
        except (KeyError, IndexError):
            pass
    return str(stored.get("message_en" if _english() else "message_es") or stored.get("code") or "")
