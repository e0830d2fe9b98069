"""What each field of a person contributes to matching, computed once per distinct value.

Every function here reads raw field values (strings as typed, or a ``date``) and
returns a tuple of features. ``columns.encode`` calls each function once per
distinct raw value, which is what makes a million records cheap.
"""

from __future__ import annotations

import datetime as dt
import re

from retorno.people.cui import clean_cui, cui_is_valid
from retorno.people.matching.normalize import (
    fold,
    given_tokens,
    phonetic_word,
    split_surnames,
    surname_forms,
)

# Birth-date precision codes, coarsest last so "compatible" checks stay simple.
PREC_MISSING, PREC_YEAR, PREC_MONTH, PREC_DAY, PREC_ESTIMATED = 0, 1, 2, 3, 4
_PRECISIONS = {"exact": PREC_DAY, "day": PREC_DAY, "month": PREC_MONTH, "year": PREC_YEAR, "estimated": PREC_ESTIMATED}

SEX_MISSING, SEX_FEMALE, SEX_MALE = 0, 1, 2
_SEXES = {"f": SEX_FEMALE, "female": SEX_FEMALE, "mujer": SEX_FEMALE, "femenino": SEX_FEMALE}
_SEXES |= {"m": SEX_MALE, "male": SEX_MALE, "h": SEX_MALE, "hombre": SEX_MALE, "masculino": SEX_MALE}


def given_features(raw: str) -> tuple:
    """(in order, sorted key, sorted phonetic key, 1st and 2nd phonetic, count, 1st and 2nd word).

    The sorted keys make "Luis José" equal "José Luis": given-name order varies
    between documents, the names themselves do not.
    """
    tokens = given_tokens(raw or "")
    phon = [phonetic_word(t) for t in tokens]
    return (
        " ".join(tokens),
        " ".join(sorted(tokens)),
        " ".join(sorted(phon)),
        phon[0] if phon else "",
        phon[1] if len(phon) > 1 else "",
        len(tokens),
        tokens[0] if tokens else "",
        tokens[1] if len(tokens) > 1 else "",
    )


GIVEN_FEATURES = ("text", "key", "phon_key", "p1", "p2", "count", "t1", "t2")


def surname_features(first: str, second: str) -> tuple:
    """(first written, first phonetic, second written, second phonetic, both as text, joint key).

    The written forms keep particles ("deleon"); the phonetic ones fold them
    ("de León" ~ "León" ~ "Leon").
    """
    first_words, second_words = split_surnames(first or "", second or "")
    w1, c1 = surname_forms(first_words)
    w2, c2 = surname_forms(second_words)
    if not w1 and w2:
        # Only a second surname typed: it is the only surname we have.
        w1, c1, w2, c2 = w2, c2, "", ""
    p1 = phonetic_word(c1) if c1 else ""
    p2 = phonetic_word(c2) if c2 else ""
    return (w1, p1, w2, p2, f"{w1} {w2}".strip(), f"{w1} {w2}" if w2 else "")


SURNAME_FEATURES = ("w1", "p1", "w2", "p2", "text", "joint")

_DATE = re.compile(r"^\s*(\d{4})(?:[-/.]?(\d{1,2})(?:[-/.]?(\d{1,2}))?)?\s*$")


def birth_features(raw: object, precision: str = "") -> tuple[int, int, int, int]:
    """(year, month, day, precision code); zeros for what is unknown.

    Accepts a ``date``, "YYYY-MM-DD", "YYYY-MM", "YYYY" or "YYYYMMDD". Month and
    day are kept even when they do not form a valid date: "1990-13-05" is most
    likely a day/month swap, which the comparison recognises.
    """
    if isinstance(raw, dt.date):
        y, m, d = raw.year, raw.month, raw.day
    else:
        match = _DATE.match(str(raw or ""))
        if not match:
            return (0, 0, 0, PREC_MISSING)
        y = int(match.group(1))
        m = int(match.group(2) or 0)
        d = int(match.group(3) or 0)
    if not 1800 <= y <= 2200:
        return (0, 0, 0, PREC_MISSING)
    if not 1 <= m <= 31:
        m, d = 0, 0
    if not 1 <= d <= 31:
        d = 0
    prec = PREC_DAY if d else PREC_MONTH if m else PREC_YEAR
    if prec == PREC_DAY and m == 1 and d == 1:
        # "01-01" is how forms fill an unknown day and month: read it as the year alone.
        m, d, prec = 0, 0, PREC_YEAR
    asked = _PRECISIONS.get((precision or "").strip().lower(), PREC_DAY)
    if asked == PREC_ESTIMATED:
        return (y, 0, 0, PREC_ESTIMATED)
    if asked < prec:
        prec = asked
        d = 0
        m = m if prec >= PREC_MONTH else 0
    return (y, m, d, prec)


def birth_group_features(raw: object, precision: str = "") -> tuple[int, int, int, int, str]:
    """``birth_features`` plus the full date as 8 digits (for one-digit typos), or ''."""
    y, m, d, prec = birth_features(raw, precision)
    return (y, m, d, prec, f"{y:04d}{m:02d}{d:02d}" if prec == PREC_DAY else "")


def cui_features(raw: str) -> tuple[str, bool, str, str, str]:
    """(digits, passes the check rule, checked part, place of registration).

    A CUI that fails the rule still counts. The checked part is the eight
    correlative digits and the check digit; the place is the last four digits
    as an INE municipality code (department + municipality of birth
    registration), kept only when the whole CUI passes the rule.
    """
    digits = clean_cui(str(raw or ""))
    if len(digits) < 6:
        return ("", False, "", "", "")
    if not (len(digits) == 13 and cui_is_valid(digits)):
        return (digits, False, "", "", "")
    return (digits, True, digits[:9], digits[9:], digits[9:11])


def flight_features(raw: object) -> tuple[str]:
    """The flight a record came on (any id), for the same-flight hard rule."""
    return (str(raw or "").strip(),)


def identifier_features(raw: str) -> tuple[str]:
    """Other identifiers (passport, A-number, social security) compare without punctuation."""
    return (re.sub(r"[^0-9A-Za-z]", "", str(raw or "")).upper(),)


def sex_features(raw: str) -> tuple[int]:
    """0 unknown, 1 female, 2 male (accepts F/M/H and the words in Spanish and English)."""
    return (_SEXES.get(str(raw or "").strip().lower(), SEX_MISSING),)


def place_features(municipality: str, department: str) -> tuple[str, str]:
    """(municipality, department) codes as text; the department defaults to the
    first two digits of a 4-digit INE municipality code."""
    muni = str(municipality or "").strip()
    dept = str(department or "").strip()
    if muni.isdigit():
        muni = muni.zfill(4)
        dept = dept or muni[:2]
    else:
        muni = fold(muni)
    dept = dept.zfill(2) if dept.isdigit() else fold(dept)
    return (muni, dept)


def address_features(raw: str) -> tuple[str]:
    """An address as folded words: "7 Wallaby Pl." -> "7 wallaby pl" (digits kept)."""
    text = str(raw or "").lower()
    return (" ".join(re.sub(r"[^0-9a-z ]+", " ", fold_keep_digits(text)).split()),)


def fold_keep_digits(text: str) -> str:
    """Like ``fold`` but keeps digits (house numbers matter in addresses)."""
    parts = re.split(r"(\d+)", text)
    return " ".join(p if p.isdigit() else fold(p) for p in parts if p.strip())
