"""Normalisation and phonetic keys: the spellings clerks mix up fold together."""

import pytest

from retorno.people.matching.fields import birth_features, cui_features, place_features, sex_features
from retorno.people.matching.normalize import fold, given_tokens, phonetic, split_surnames, surname_forms


def test_fold_drops_accents_case_spacing_and_apostrophes():
    assert fold("  José   LUIS ") == "jose luis"
    assert fold("Xicará-Tzul") == "xicara tzul"
    assert fold("K'iche'") == "kiche"
    assert fold("Muñoz") == "munoz"


@pytest.mark.parametrize(
    "variants",
    [
        ("Velásquez", "Belasques", "Velasquez"),  # b/v, s/z, ez/es
        ("Cifuentes", "Sifuentes"),  # c(e,i)/s
        ("Guillermo", "Guiyermo"),  # ll/y
        ("Hernández", "Ernandez"),  # silent h
        ("Quiej", "Kiej"),  # qu/k
        ("Coc", "Kok"),  # c/k
        ("Xitumul", "Chitumul", "Situmul"),  # Mayan x/ch/s
        ("Mejía", "Mexía"),  # Spanish x/j
        ("Muñoz", "Munoz"),  # ñ/n
        ("Pérez", "Peres"),  # ez/es
        ("Tzul", "Zul"),  # tz/z
        ("Caal", "Cal"),  # doubled vowel
    ],
)
def test_spelling_variants_share_a_phonetic_key(variants):
    assert len({phonetic(v) for v in variants}) == 1


def test_different_names_keep_different_keys():
    assert phonetic("López") != phonetic("Pérez")
    assert phonetic("Cux") != phonetic("Cac")


def test_particles_kept_as_written_but_folded_in_keys():
    assert surname_forms(["de", "leon"]) == ("deleon", "leon")
    assert surname_forms(["deleon"]) == ("deleon", "leon")
    assert phonetic("de la Cruz") == phonetic("Cruz")
    assert given_tokens("María de los Ángeles") == ["maria", "angeles"]


def test_initials_are_not_given_names():
    assert given_tokens("Ana M.") == ["ana"]


def test_both_surnames_typed_in_one_box_are_split():
    assert split_surnames("Xicará Tzul", "") == (["xicara"], ["tzul"])
    assert split_surnames("De León Pérez", "") == (["de", "leon"], ["perez"])
    assert split_surnames("Pérez de León", "") == (["perez"], ["de", "leon"])
    assert split_surnames("López", "García") == (["lopez"], ["garcia"])


def test_birth_dates_keep_their_precision():
    assert birth_features("1990-05-12") == (1990, 5, 12, 3)
    assert birth_features("1990-05") == (1990, 5, 0, 2)
    assert birth_features("1990") == (1990, 0, 0, 1)
    assert birth_features("") == (0, 0, 0, 0)
    assert birth_features("1990-05-12", "year") == (1990, 0, 0, 1)
    assert birth_features("1990-05-12", "estimated") == (1990, 0, 0, 4)


def test_birth_date_from_a_date_object():
    import datetime as dt

    assert birth_features(dt.date(1985, 2, 3)) == (1985, 2, 3, 3)


def test_impossible_month_is_kept_for_the_swap_rule():
    # "1990-13-05": most likely 13 May written day-first.
    assert birth_features("1990-13-05")[:3] == (1990, 13, 5)


def test_cui_features_check_digit():
    # 12345678: 1*2+2*3+...+8*9 = 240, 240 % 11 = 9 -> check digit 9; dept 01, muni 01.
    assert cui_features("1234 56789 0101") == ("1234567890101", True, "123456789", "0101", "01")
    assert cui_features("1234567880101") == ("1234567880101", False, "", "", "")
    assert cui_features("") == ("", False, "", "", "")


def test_sex_and_place():
    assert sex_features("F") == (1,)
    assert sex_features("hombre") == (2,)
    assert sex_features("U") == (0,)
    assert place_features("101", "") == ("0101", "01")
    assert place_features("", "13") == ("", "13")
