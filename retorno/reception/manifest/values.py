"""Normalisers for single manifest cells: names, sex, age, flags, nationality, identifiers.

Each returns ``(value, issues)``; an issue is ``(Code, params)`` for the message templates.
The row builder attaches the row number and field.
"""

import re
from enum import StrEnum
from functools import lru_cache

from retorno.lib.text import fold as fold_text
from retorno.lib.text import normalise_identifier
from retorno.people.cui import cui_problem

from .problems import Code

Issue = tuple[Code, dict[str, object]]

# Sex, flags, nationalities and surname words repeat down a column: fold each once.
fold = lru_cache(maxsize=8192)(fold_text)

_SPACES = re.compile(r"\s+")
_AGE = re.compile(r"^(\d{1,3})(?:[.,]0+)?(?: (?:anos|ano|years|year|yrs|a))?$")
_AGE_MONTHS = re.compile(r"^\d{1,2} (?:meses|mes|months|month)$")
_WHOLE_NUMBER = re.compile(r"^\d+(?:\.0+)?$")
_SCIENTIFIC = re.compile(r"^\d(?:[.,]\d+)?e\+?\d+$", re.I)
_A_NUMBER = re.compile(r"^A?(\d{7,9})$")

SURNAME_PARTICLES = frozenset({"de", "del", "la", "las", "los", "y", "san", "da", "van", "von"})


class SexConvention(StrEnum):
    """How a column writes sex. H/M files (hombre/mujer) make 'M' mean female."""

    MF = "mf"
    HM = "hm"
    MIXED = "mixed"


_MALE = frozenset({"masculino", "male", "hombre", "varon", "masc", "man", "boy", "nino"})
_FEMALE = frozenset({"f", "femenino", "female", "mujer", "fem", "woman", "girl", "nina"})
_YES = frozenset({"si", "s", "x", "yes", "y", "1", "true", "verdadero", "v", "t"})
_NO = frozenset({"no", "n", "0", "false", "falso"})
_CHECK_MARKS = frozenset({"✓", "✔", "☑"})

NATIONALITIES = {
    "GT": ("guatemala", "guatemalteca", "guatemalteco", "gt", "gtm", "guatemalan"),
    "HN": ("honduras", "hondurena", "hondureno", "hn", "hnd", "honduran"),
    "SV": ("el salvador", "salvador", "salvadorena", "salvadoreno", "sv", "slv", "salvadoran"),
    "MX": ("mexico", "mexicana", "mexicano", "mx", "mex", "mexican"),
    "NI": ("nicaragua", "nicaraguense", "ni", "nic", "nicaraguan"),
    "BZ": ("belice", "belize", "beliceno", "belicena", "bz", "blz", "belizean"),
    "CR": ("costa rica", "costarricense", "cr", "cri", "costa rican"),
    "PA": ("panama", "panamena", "panameno", "pa", "pan", "panamanian"),
    "US": ("estados unidos", "eeuu", "ee uu", "usa", "us", "united states", "estadounidense"),
    "CU": ("cuba", "cubana", "cubano", "cu", "cub", "cuban"),
    "VE": ("venezuela", "venezolana", "venezolano", "ve", "ven", "venezuelan"),
    "CO": ("colombia", "colombiana", "colombiano", "co", "col", "colombian"),
    "EC": ("ecuador", "ecuatoriana", "ecuatoriano", "ec", "ecu", "ecuadorian"),
}
_NATIONALITY_BY_NAME = {name: code for code, names in NATIONALITIES.items() for name in names}


def as_text(raw: object) -> str:
    """A cell as trimmed text with single spaces; whole floats lose their '.0'."""
    if raw is None:
        return ""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return _SPACES.sub(" ", str(raw)).strip()


def clean_name(raw: object) -> str | None:
    """A name part with single spaces and no stray commas; None when empty."""
    text = as_text(raw).strip(" ,.;")
    return text or None


def split_surnames(surnames: str) -> tuple[str | None, str | None]:
    """'DE LA CRUZ LÓPEZ' -> ('DE LA CRUZ', 'LÓPEZ'): particles stay with the next word."""
    groups: list[str] = []
    pending: list[str] = []
    for word in surnames.split():
        pending.append(word)
        if fold(word) not in SURNAME_PARTICLES:
            groups.append(" ".join(pending))
            pending = []
    if pending:  # trailing particles ("PÉREZ Y") belong to the last group
        if groups:
            groups[-1] = " ".join([groups[-1], *pending])
        else:
            groups.append(" ".join(pending))
    if not groups:
        return None, None
    return groups[0], (" ".join(groups[1:]) or None)


def split_full_name(full_name: str) -> tuple[str | None, str | None, str | None]:
    """(given names, first surname, second surname) from 'SURNAMES, GIVEN NAMES'.

    Without a comma the order of the words is unknown (Guatemalan lists write given names
    first, US lists surnames first), so nothing is split: the matching engine uses the
    whole name instead of a guess.
    """
    if "," not in full_name:
        return None, None, None
    surnames, given = full_name.split(",", 1)
    first, second = split_surnames(surnames.strip())
    return clean_name(given.replace(",", " ")), first, second


def sex_convention(raw_values: list[str], *, header: str) -> SexConvention:
    """H/M when the column (or its header) uses 'H' for hombre and never 'F'."""
    folded = {fold(value) for value in raw_values}
    uses_h = "h" in folded or "h m" in fold(header)
    uses_f = "f" in folded
    if uses_h and uses_f:
        return SexConvention.MIXED
    return SexConvention.HM if uses_h else SexConvention.MF


def normalise_sex(raw: object, *, convention: SexConvention) -> tuple[str | None, list[Issue]]:
    text = as_text(raw)
    folded = fold(text)
    if not folded:
        return None, []
    if folded == "m":
        if convention is SexConvention.MIXED:
            return None, [(Code.AMBIGUOUS_SEX, {"value": text})]
        return ("F" if convention is SexConvention.HM else "M"), []
    if folded == "h" or folded in _MALE:
        return "M", []
    if folded in _FEMALE:
        return "F", []
    return None, [(Code.INVALID_SEX, {"value": text})]


def normalise_age(raw: object) -> tuple[int | None, list[Issue]]:
    text = fold(as_text(raw))
    if not text:
        return None, []
    if _AGE_MONTHS.match(text):
        return 0, []
    match = _AGE.match(text)
    if match and int(match.group(1)) <= 120:
        return int(match.group(1)), []
    return None, [(Code.INVALID_AGE, {"value": as_text(raw)})]


def normalise_sequence(raw: object) -> tuple[int | None, list[Issue]]:
    text = as_text(raw)
    if not text:
        return None, []
    if _WHOLE_NUMBER.match(text):
        return int(float(text)), []
    return None, [(Code.INVALID_SEQUENCE, {"value": text})]


def normalise_flag(raw: object) -> tuple[bool | None, list[Issue]]:
    if isinstance(raw, bool):
        return raw, []
    text = as_text(raw)
    if text in _CHECK_MARKS:
        return True, []
    folded = fold(text)
    if not folded:
        return None, []
    if folded in _YES:
        return True, []
    if folded in _NO:
        return False, []
    return None, [(Code.INVALID_FLAG, {"value": text})]


def normalise_nationality(raw: object) -> tuple[str | None, list[Issue]]:
    """ISO 3166 alpha-2 when recognised, else the text as written (with a warning)."""
    text = as_text(raw)
    if not text:
        return None, []
    code = _NATIONALITY_BY_NAME.get(fold(text))
    if code:
        return code, []
    return text, [(Code.UNKNOWN_NATIONALITY, {"value": text})]


def normalise_cui(raw: object) -> tuple[str | None, list[Issue]]:
    """13 digits. A failed check rule is a warning: RENAP never published the rule."""
    text = as_text(raw)
    if not text:
        return None, []
    if _SCIENTIFIC.match(text):
        return None, [(Code.CUI_FORMAT, {"value": text, "hint": "scientific"})]
    digits = re.sub(r"[\s\-.]", "", text)
    issues: list[Issue] = []
    if digits.isdigit() and 9 <= len(digits) < 13 and isinstance(raw, int | float):
        digits = digits.zfill(13)  # a numeric cell drops leading zeros
        issues.append((Code.CUI_LEADING_ZEROS, {"value": digits}))
    if not (digits.isdigit() and len(digits) == 13):
        return None, [(Code.CUI_FORMAT, {"value": text, "hint": ""})]
    reason = cui_problem(digits)
    if reason is not None:
        issues.append((Code.CUI_CHECK, {"value": digits, "reason": reason}))
    return digits, issues


def normalise_a_number(raw: object) -> tuple[str | None, list[Issue]]:
    """'A-123-456-789', '12345678' -> 'A123456789' / 'A012345678' (nine digits)."""
    text = as_text(raw)
    if not text:
        return None, []
    match = _A_NUMBER.match(normalise_identifier(text))
    if not match:
        return None, [(Code.A_NUMBER_FORMAT, {"value": text})]
    return "A" + match.group(1).zfill(9), []


def normalise_passport(raw: object) -> tuple[str | None, list[Issue]]:
    return (normalise_identifier(as_text(raw)) or None), []


def normalise_text(raw: object) -> tuple[str | None, list[Issue]]:
    return (as_text(raw) or None), []
