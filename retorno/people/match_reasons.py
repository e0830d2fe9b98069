"""The matching engine's reasons in words: the one catalogue of their texts.

The engine gives each reason as a code and its parameters (``Reason(code, field, weight)``);
``MatchCandidatePair.reasons`` stores them as ``[code, field, weight]``. Words are made only here,
with gettext, when a page or the API shows them (Spanish and English catalogues apply).
"""

from contextlib import nullcontext

from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

REASONS = {
    "given_names_match": _("same given names"),
    "given_names_phonetic": _("given names sound the same"),
    "given_name_missing_one": _("one given name missing"),
    "given_names_similar": _("given names similar"),
    "given_names_share_one": _("only one given name in common"),
    "names_swapped": _("given names and surnames swapped"),
    "given_names_differ": _("different given names"),
    "surnames_match": _("same surnames"),
    "surnames_phonetic": _("surnames match phonetically"),
    "surnames_swapped": _("surnames swapped"),
    "surnames_similar": _("surnames similar"),
    "surnames_differ": _("different surnames"),
    "birth_date_match": _("same birth date"),
    "birth_year_off_by_one": _("birth year one apart"),
    "birth_year_match": _("same birth year only"),
    "birth_year_close": _("birth years close"),
    "birth_date_differs": _("different birth dates"),
    "birth_years_5_to_14_apart": _("born 5 to 14 years apart"),
    "birth_years_15_or_more_apart": _("born 15 or more years apart"),
    "same_cui": _("same CUI"),
    "different_valid_cuis": _("two different valid CUIs: two people"),
    "same_registration_municipality": _("municipality matches the CUI's place of registration"),
    "same_flight": _("on the same flight: two passengers"),
    "cui_one_digit_differs": _("CUI differs in one digit"),
    "different_cui": _("different CUI"),
    "same_identifier": _("same identity document"),
    "different_identifier": _("different identity document"),
    "same_sex": _("same sex"),
    "different_sex": _("different sex"),
    "same_municipality": _("same municipality"),
    "same_department": _("same department"),
    "different_place": _("different place of origin"),
    "same_address": _("same address"),
    "similar_address": _("similar address"),
    "different_address": _("different address"),
    "first_surname_match_second_missing": _("same first surname, second missing"),
    "first_surname_phonetic_second_missing": _("first surname sounds the same, second missing"),
    "first_surname_match_second_differs": _("same first surname, different second surname"),
    "birth_date_day_month_swapped": _("birth date day/month swapped"),
    "birth_date_typo": _("birth date differs in one digit, day or month"),
    "birth_date_compatible": _("birth dates agree as far as known"),
    "cui_typo_check_digit": _("CUI differs in one digit and one fails the check digit (likely a typo)"),
    "identifier_typo": _("identity document differs in one character"),
}


def reason_text(code: str) -> str:
    """One reason in words; an unknown code (a newer engine) is shown as is."""
    return str(REASONS[code]) if code in REASONS else code


def reasons_text(reasons, *, limit: int | None = None, lang: str | None = None) -> str:
    """Reasons (``Reason`` tuples or ``[code, field, weight]`` lists), strongest first, joined in words:
    "same CUI; surnames match phonetically"; in ``lang`` if given, else the active language."""
    chosen = list(reasons)[:limit] if limit else list(reasons)
    with translation.override(lang) if lang else nullcontext():
        return gettext("; ").join(reason_text(r[0]) for r in chosen) if chosen else ""


def reasons_list(reasons) -> list[dict]:
    """Each reason with its words and whether it speaks for (True) or against (False) a match."""
    return [{"code": r[0], "text": reason_text(r[0]), "for_match": float(r[2]) >= 0} for r in reasons]
