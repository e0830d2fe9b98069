"""The comparison levels of every field, with their reason codes, and the hard rules.

Level 0 always means "cannot tell"; level k is ``FieldSpec.levels[k - 1]``, from
strong agreement to disagreement. ``compare`` assigns them.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class FieldSpec:
    """A compared field: its reason code per level (level k is ``levels[k - 1]``)
    and which levels are frequency-adjusted, with the frequency table to use."""

    name: str
    levels: tuple[str, ...]
    tf: dict[int, str] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return len(self.levels) + 1


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        "given",
        (
            "given_names_match",
            "given_names_phonetic",
            "given_name_missing_one",
            "given_names_similar",
            "given_names_share_one",
            "names_swapped",
            "given_names_differ",
        ),
        {1: "given"},
    ),
    FieldSpec(
        "surnames",
        (
            "surnames_match",
            "surnames_phonetic",
            "first_surname_match_second_missing",
            "first_surname_phonetic_second_missing",
            "surnames_swapped",
            "surnames_similar",
            "first_surname_match_second_differs",
            "surnames_differ",
        ),
        {1: "surnames", 3: "first_surname"},
    ),
    FieldSpec(
        "birth",
        (
            "birth_date_match",
            "birth_date_day_month_swapped",
            "birth_year_off_by_one",
            "birth_date_typo",
            "birth_date_compatible",
            "birth_year_match",
            "birth_year_close",
            "birth_date_differs",
            "birth_years_5_to_14_apart",
            "birth_years_15_or_more_apart",
        ),
        {1: "birth_date"},
    ),
    FieldSpec(
        "cui",
        ("same_cui", "cui_typo_check_digit", "cui_one_digit_differs", "different_cui", "different_valid_cuis"),
    ),
    FieldSpec("other_id", ("same_identifier", "identifier_typo", "different_identifier")),
    FieldSpec("sex", ("same_sex", "different_sex")),
    FieldSpec("place", ("same_municipality", "same_registration_municipality", "same_department", "different_place")),
    FieldSpec("address", ("same_address", "similar_address", "different_address")),
    FieldSpec("flight", ("same_flight",)),
)
FIELD_INDEX = {f.name: k for k, f in enumerate(FIELDS)}

# Hard rules: (field, level) pairs that say "never one person" whatever else
# agrees. Two valid CUIs whose checked part (correlative and check digit)
# differs belong to two people: the check digit catches every one-digit slip
# and most swaps there, so this is not a typo. Two records on one flight are
# two passengers. (Valid CUIs that differ only in the last four digits, the
# place of registration, stay ordinary evidence: the check digit does not
# cover those digits, so a slip there is possible.)
HARD_NO: tuple[tuple[str, int], ...] = (("cui", 5), ("flight", 1))
