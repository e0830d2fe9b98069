"""Every evidence rule: which level a pair of records reaches, and what it weighs."""

import numpy as np
import pytest
from django.utils import translation

from retorno.people.match_reasons import REASONS, reasons_text
from retorno.people.matching import blocking_keys, default_model, encode_records, score
from retorno.people.matching.compare import FIELDS, compare
from retorno.people.matching.keys import key_codes

BASE = {
    "given_names": "José Luis",
    "first_surname": "Xicará",
    "second_surname": "Tzul",
    "sex": "M",
    "birth_date": "1990-05-12",
    "cui": "1234567890101",
    "department": "01",
    "municipality": "0101",
}


def level(field: str, a: dict, b: dict) -> str:
    """The reason code of ``field`` for records ``a`` and ``b`` ('' when it cannot tell)."""
    ca, cb = encode_records([{**BASE, **a}]), encode_records([{**BASE, **b}])
    k = [f.name for f in FIELDS].index(field)
    got = int(compare(ca, np.zeros(1, int), cb, np.zeros(1, int))[0, k])
    return FIELDS[k].levels[got - 1] if got else ""


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("José Luis", "JOSE LUIS", "given_names_match"),
        ("José Luis", "Luis José", "given_names_match"),
        ("Walter", "Gualter", "given_names_phonetic"),
        ("José Luis", "José", "given_name_missing_one"),
        ("José Luis", "Luis", "given_name_missing_one"),
        ("Rony", "Roqy", "given_names_similar"),
        ("Sandra", "Gabriela Snadra", "given_names_similar"),
        ("José Luis", "José Carlos", "given_names_share_one"),
        ("José", "Pedro", "given_names_differ"),
        ("José", "", ""),
    ],
)
def test_given_names(a, b, expected):
    assert level("given", {"given_names": a}, {"given_names": b}) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (("Xicará", "Tzul"), ("XICARA", "TZUL"), "surnames_match"),
        (("Xicará", "Tzul"), ("Chicara", "Sul"), "surnames_phonetic"),
        (("Xicará", "Tzul"), ("Xicará", ""), "first_surname_match_second_missing"),
        (("Xicará", "Tzul"), ("Chicará", ""), "first_surname_phonetic_second_missing"),
        (("Xicará", "Tzul"), ("Tzul", "Xicará"), "surnames_swapped"),
        (("Xicará", ""), ("Tzul", "Xicará"), "surnames_swapped"),
        (("Xicará", "Tzul"), ("Xicarq", "Tzul"), "surnames_similar"),
        (("Xicará", "Tzul"), ("Xicará", "López"), "first_surname_match_second_differs"),
        (("Xicará", "Tzul"), ("López", "García"), "surnames_differ"),
        (("Xicará Tzul", ""), ("Xicará", "Tzul"), "surnames_match"),
        (("de León", "Pérez"), ("Deleon", "Perez"), "surnames_match"),
    ],
)
def test_surnames(a, b, expected):
    first = {"first_surname": a[0], "second_surname": a[1]}
    second = {"first_surname": b[0], "second_surname": b[1]}
    assert level("surnames", first, second) == expected


def test_given_names_and_surnames_swapped_between_boxes():
    a = {"given_names": "Kyra", "first_surname": "Wilde", "second_surname": ""}
    b = {"given_names": "Wilde", "first_surname": "Kyra", "second_surname": ""}
    assert level("given", a, b) == "names_swapped"
    assert level("surnames", a, b) == "first_surname_match_second_missing"


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("1990-05-12", "1990-05-12", "birth_date_match"),
        ("1990-05-12", "1990-12-05", "birth_date_day_month_swapped"),
        ("1990-05-12", "1991-05-12", "birth_year_off_by_one"),
        ("1990-05-12", "1990-05-13", "birth_date_typo"),
        ("1918-07-01", "1981-07-01", "birth_date_typo"),
        ("1990-05-12", "1990", "birth_date_compatible"),
        ("1990-05-12", "1990-05", "birth_date_compatible"),
        ("1990-05-12", "1990-09-30", "birth_year_match"),
        ("1990-05-12", "1991-09-30", "birth_year_close"),
        ("1990-05-12", "1987-09-30", "birth_date_differs"),
        ("1990-05-12", "1982-09-30", "birth_years_5_to_14_apart"),
        ("1990-05-12", "1975-09-30", "birth_years_15_or_more_apart"),
        # "01-01" is a placeholder for an unknown day and month: the year alone.
        ("1984-05-15", "1984-01-01", "birth_date_compatible"),
        ("1990-05-12", "", ""),
    ],
)
def test_birth_date(a, b, expected):
    assert level("birth", {"birth_date": a}, {"birth_date": b}) == expected


def test_estimated_birth_date_is_compatible_within_two_years():
    a = {"birth_date": "1990", "birth_date_precision": "estimated"}
    assert level("birth", a, {"birth_date": "1992-03-01"}) == "birth_date_compatible"


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("1234567890101", "1234 56789 0101", "same_cui"),
        # One digit off and the typed one fails the check digit: a typo.
        ("1234567890101", "1234567880101", "cui_typo_check_digit"),
        ("1234567890101", "2134567890101", "cui_typo_check_digit"),
        ("1234567890101", "9999999990101", "different_cui"),
        ("1234567890101", "", ""),
    ],
)
def test_cui(a, b, expected):
    assert level("cui", {"cui": a}, {"cui": b}) == expected


def test_cui_one_digit_apart_both_valid():
    # Same correlative and check digit, municipality 01 vs 02: both pass the rule.
    assert level("cui", {"cui": "1234567890101"}, {"cui": "1234567890102"}) == "cui_one_digit_differs"


@pytest.mark.parametrize(
    ("field", "key", "a", "b", "expected"),
    [
        ("other_id", "other_id", "A123456", "a-123 456", "same_identifier"),
        ("other_id", "other_id", "A123456", "A123457", "identifier_typo"),
        ("other_id", "other_id", "A123456", "B987654", "different_identifier"),
        ("sex", "sex", "M", "M", "same_sex"),
        ("sex", "sex", "M", "F", "different_sex"),
        ("sex", "sex", "M", "", ""),
        ("place", "municipality", "1301", "1301", "same_municipality"),
        ("place", "municipality", "1301", "1302", "same_department"),
        ("place", "municipality", "1301", "0101", "different_place"),
        ("address", "address", "26 Groom St", "26 groom st.", "same_address"),
        ("address", "address", "26 groom street young", "26 groom street binbimbie young", "similar_address"),
        ("address", "address", "26 groom street", "4 northam street", "different_address"),
    ],
)
def test_other_fields(field, key, a, b, expected):
    extra = {"department": "", "cui": ""} if field == "place" else {}
    assert level(field, {key: a, **extra}, {key: b, **extra}) == expected


def test_common_surname_is_weaker_evidence_than_a_rare_one():
    model = default_model()
    common = {"given_names": "Juan", "first_surname": "López", "second_surname": "García", "cui": ""}
    rare = {"given_names": "Juan", "first_surname": "Xitumul", "second_surname": "Tzunún", "cui": ""}
    rest = {"birth_date": "", "municipality": "", "department": ""}
    p_common, why_common = score({**common, **rest}, {**common, **rest}, model)
    p_rare, why_rare = score({**rare, **rest}, {**rare, **rest}, model)
    assert p_rare > p_common
    weight = {r.code: r.weight for r in why_common}["surnames_match"]
    assert {r.code: r.weight for r in why_rare}["surnames_match"] > weight


def test_the_issue_example_is_recognised_and_explained():
    registered = {**BASE, "given_names": "José Luis", "first_surname": "Xicará", "second_surname": "Tzul"}
    typed = {"given_names": "Jose Luis", "first_surname": "Xicara", "second_surname": "", "birth_date": "1990-12-05"}
    probability, reasons = score(registered, {**typed, "sex": "M", "municipality": "0101"})
    assert probability > 0.9
    codes = [r.code for r in reasons]
    assert "birth_date_day_month_swapped" in codes
    assert "first_surname_match_second_missing" in codes
    assert "fecha de nacimiento con día y mes invertidos" in reasons_text(reasons, lang="es")
    assert "birth date day/month swapped" in reasons_text(reasons, lang="en")


def test_different_people_score_low():
    other = {"given_names": "María", "first_surname": "López", "second_surname": "Pérez", "sex": "F"}
    probability, reasons = score(BASE, {**other, "birth_date": "1975-01-01", "cui": "", "municipality": "1301"})
    assert probability < 0.01
    assert reasons[0].weight < 0


def test_every_reason_code_has_both_languages():
    for spec in FIELDS:
        for code in spec.levels:
            assert code in REASONS  # the one catalogue of the words (gettext), in both languages:
            with translation.override("en"):
                english = str(REASONS[code])
            with translation.override("es"):
                spanish = str(REASONS[code])
            assert english != code and spanish not in {"", code, english}


def test_string_keys_and_numeric_codes_partition_alike():
    records = [
        BASE,
        {**BASE, "given_names": "JOSE", "second_surname": ""},
        {**BASE, "birth_date": "1990-12-05", "cui": ""},
        {**BASE, "first_surname": "Tzul", "second_surname": "Xicará"},
        {**BASE, "given_names": "Xicará", "first_surname": "José"},
        {"given_names": "Ana", "first_surname": "Pop", "second_surname": "", "birth_date": "1980"},
    ]
    keys = [blocking_keys(r) for r in records]
    cols = encode_records(records)
    codes = key_codes(cols)
    for i in range(len(records)):
        for j in range(len(records)):
            by_string = {k.split(":")[0].split("#")[0] for k in keys[i] & keys[j]}
            by_code = {spec for spec, c in codes.items() if c[i] and c[i] == c[j]}
            assert by_string == by_code
    assert keys[0] & keys[1], "a dropped second surname and given name still share a key"
    assert keys[0] & keys[4], "given names typed as surname still share a key"
