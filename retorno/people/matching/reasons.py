"""Why two records match, in words.

The engine returns reason codes; ``PHRASES`` gives each one in English and
Spanish so the web layer can wrap them in its own translation machinery.
"""

from __future__ import annotations

from typing import NamedTuple


class Reason(NamedTuple):
    """One piece of evidence: ``code`` (see ``PHRASES``), the field, and its
    weight in bits (positive for, negative against)."""

    code: str
    field: str
    weight: float


PHRASES: dict[str, dict[str, str]] = {
    "given_names_match": {"en": "same given names", "es": "mismos nombres"},
    "given_names_phonetic": {"en": "given names sound the same", "es": "los nombres suenan igual"},
    "given_name_missing_one": {"en": "one given name missing", "es": "falta uno de los nombres"},
    "given_names_similar": {"en": "given names similar", "es": "nombres parecidos"},
    "given_names_share_one": {"en": "only one given name in common", "es": "solo un nombre en común"},
    "names_swapped": {"en": "given names and surnames swapped", "es": "nombres y apellidos invertidos"},
    "given_names_differ": {"en": "different given names", "es": "nombres distintos"},
    "surnames_match": {"en": "same surnames", "es": "mismos apellidos"},
    "surnames_phonetic": {"en": "surnames match phonetically", "es": "los apellidos suenan igual"},
    "first_surname_match_second_missing": {
        "en": "same first surname, second missing",
        "es": "mismo primer apellido, falta el segundo",
    },
    "first_surname_phonetic_second_missing": {
        "en": "first surname sounds the same, second missing",
        "es": "el primer apellido suena igual, falta el segundo",
    },
    "surnames_swapped": {"en": "surnames swapped", "es": "apellidos invertidos"},
    "surnames_similar": {"en": "surnames similar", "es": "apellidos parecidos"},
    "first_surname_match_second_differs": {
        "en": "same first surname, different second surname",
        "es": "mismo primer apellido, segundo apellido distinto",
    },
    "surnames_differ": {"en": "different surnames", "es": "apellidos distintos"},
    "birth_date_match": {"en": "same birth date", "es": "misma fecha de nacimiento"},
    "birth_date_day_month_swapped": {
        "en": "birth date day/month swapped",
        "es": "fecha de nacimiento con día y mes invertidos",
    },
    "birth_year_off_by_one": {"en": "birth year one apart", "es": "año de nacimiento con un año de diferencia"},
    "birth_date_typo": {
        "en": "birth date differs in one digit, day or month",
        "es": "la fecha de nacimiento difiere en un dígito, el día o el mes",
    },
    "birth_date_compatible": {
        "en": "birth dates agree as far as known",
        "es": "las fechas de nacimiento coinciden en lo que se sabe",
    },
    "birth_year_match": {"en": "same birth year only", "es": "solo el mismo año de nacimiento"},
    "birth_year_close": {"en": "birth years close", "es": "años de nacimiento cercanos"},
    "birth_date_differs": {"en": "different birth dates", "es": "fechas de nacimiento distintas"},
    "birth_years_5_to_14_apart": {
        "en": "born 5 to 14 years apart",
        "es": "nacidos con 5 a 14 años de diferencia",
    },
    "birth_years_15_or_more_apart": {
        "en": "born 15 or more years apart",
        "es": "nacidos con 15 años o más de diferencia",
    },
    "same_cui": {"en": "same CUI", "es": "mismo CUI"},
    "different_valid_cuis": {
        "en": "two different valid CUIs: two people",
        "es": "dos CUI válidos distintos: dos personas",
    },
    "same_registration_municipality": {
        "en": "municipality matches the CUI's place of registration",
        "es": "el municipio coincide con el lugar de inscripción del CUI",
    },
    "same_flight": {"en": "on the same flight: two passengers", "es": "en el mismo vuelo: dos pasajeros"},
    "cui_typo_check_digit": {
        "en": "CUI differs in one digit and one fails the check digit (likely a typo)",
        "es": "el CUI difiere en un dígito y uno no pasa el dígito verificador (probable error de digitación)",
    },
    "cui_one_digit_differs": {"en": "CUI differs in one digit", "es": "el CUI difiere en un dígito"},
    "different_cui": {"en": "different CUI", "es": "CUI distinto"},
    "same_identifier": {"en": "same identity document", "es": "mismo documento de identidad"},
    "identifier_typo": {
        "en": "identity document differs in one character",
        "es": "el documento de identidad difiere en un carácter",
    },
    "different_identifier": {"en": "different identity document", "es": "documento de identidad distinto"},
    "same_sex": {"en": "same sex", "es": "mismo sexo"},
    "different_sex": {"en": "different sex", "es": "sexo distinto"},
    "same_municipality": {"en": "same municipality", "es": "mismo municipio"},
    "same_department": {"en": "same department", "es": "mismo departamento"},
    "different_place": {"en": "different place of origin", "es": "distinto lugar de origen"},
    "same_address": {"en": "same address", "es": "misma dirección"},
    "similar_address": {"en": "similar address", "es": "dirección parecida"},
    "different_address": {"en": "different address", "es": "dirección distinta"},
}


def explain(reasons: tuple[Reason, ...] | list[Reason], lang: str = "es", *, limit: int | None = None) -> str:
    """Reasons joined in words, strongest first: "same CUI; surnames match phonetically"."""
    chosen = list(reasons)[:limit] if limit else list(reasons)
    return "; ".join(PHRASES.get(r[0], {}).get(lang, r[0]) for r in chosen)
