"""Families, thin records, hard rules and calibration in the matching engine."""

import numpy as np
import pytest

from retorno.people.cui import cui_with_check_digit
from retorno.people.matching import default_model, encode_records, score
from retorno.people.matching.calibration import (
    apply_platt,
    brier_score,
    expected_calibration_error,
    fit_isotonic,
    fit_platt,
    reliability_table,
)
from retorno.people.matching.compare import FIELDS, compare
from retorno.people.matching.normalize import split_surnames

REGISTRY = 100_000


def record(given, first, second, birth="", municipality="", cui="", sex="M", flight=""):
    return {
        "given_names": given,
        "first_surname": first,
        "second_surname": second,
        "sex": sex,
        "birth_date": birth,
        "cui": cui,
        "department": municipality[:2],
        "municipality": municipality,
        "flight": flight,
    }


def level(field, a, b):
    k = next(i for i, f in enumerate(FIELDS) if f.name == field)
    found = int(compare(encode_records([a]), np.array([0]), encode_records([b]), np.array([0]))[0, k])
    return FIELDS[k].levels[found - 1] if found else ""


def codes(reasons):
    return {r.code for r in reasons}


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Ana María", "Ana María", "given_names_match"),
        ("Ana María", "Ana", "given_name_missing_one"),
        ("Ana María", "María Luisa", "given_names_share_one"),
        ("Ana María", "Efraína Luisa", "given_names_differ"),
        ("Ana María", "", ""),
    ],
)
def test_given_name_levels_tell_different_from_missing_from_one_of_two(a, b, expected):
    base = {"first_surname": "Xicará", "second_surname": "Tzul"}
    assert level("given", {"given_names": a, **base}, {"given_names": b, **base}) == expected


def test_married_name_suffix_is_not_a_second_surname():
    assert split_surnames("López", "García de Pérez") == (["lopez"], ["garcia"])
    assert split_surnames("López", "de León") == (["lopez"], ["de", "leon"])
    a = record("María", "López", "García de Pérez")
    b = record("María", "López", "García")
    assert level("surnames", a, b) == "surnames_match"


def test_twins_are_not_linked():
    a = record("Carlos Gerson", "Díaz", "Escobar", "1979-11-22", "1301")
    b = record("Efraín Fernando", "Díaz", "Escobar", "1979-11-22", "1301")
    probability, reasons = score(a, b, registry_size=REGISTRY)
    assert probability < 0.1
    assert "given_names_differ" in codes(reasons)


def test_father_and_son_of_the_same_name_are_not_linked():
    father = record("Manuel Jorge", "Sac", "Marroquín", "1963-04-02", "1301")
    son = record("Manuel Jorge", "Sac", "Marroquín", "1982-07-10", "1301")
    probability, reasons = score(father, son, registry_size=REGISTRY)
    assert probability < 0.1
    assert "birth_years_15_or_more_apart" in codes(reasons)


def test_same_person_with_same_details_is_still_linked():
    a = record("Manuel Jorge", "Sac", "Marroquín", "1963-04-02", "1301")
    b = record("MANUEL JORGE", "SAC", "MARROQUIN", "1963-04-02", "1301")
    assert score(a, b, registry_size=REGISTRY)[0] > 0.9


def test_thin_record_is_placed_by_its_cui():
    cui = cui_with_check_digit("12345678", 12, 4)
    full = record("Kevin Josué", "Ixcot", "Pop", "1974-02-01", "1204")
    thin = record("Kevin", "Ixcot", "", "", "", cui)
    assert level("place", full, thin) == "same_registration_municipality"
    elsewhere = record("Kevin Josué", "Ixcot", "Pop", "1974-02-01", "1301")
    linked, _ = score(full, thin, registry_size=10_000)
    assert linked > 0.5
    assert linked > score(elsewhere, thin, registry_size=10_000)[0]


def test_two_different_valid_cuis_are_two_people():
    a = record("Kevin Josué", "Ixcot", "Pop", "1974-02-01", "1204", cui_with_check_digit("12345678", 12, 4))
    b = {**a, "cui": cui_with_check_digit("12345679", 12, 4)}
    probability, reasons = score(a, b, registry_size=REGISTRY)
    assert probability < 1e-9
    assert "different_valid_cuis" in codes(reasons)


def test_a_cui_typo_caught_by_the_check_digit_is_not_a_hard_no():
    valid = cui_with_check_digit("12345678", 12, 4)
    typo = valid[:3] + str((int(valid[3]) + 1) % 10) + valid[4:]
    a = record("Kevin Josué", "Ixcot", "Pop", "1974-02-01", "1204", valid)
    b = {**a, "cui": typo}
    assert level("cui", a, b) == "cui_typo_check_digit"
    assert score(a, b, registry_size=REGISTRY)[0] > 0.9


def test_two_records_on_one_flight_are_two_people():
    a = record("Kevin Josué", "Ixcot", "Pop", "1974-02-01", "1204", flight="GUA-123")
    probability, reasons = score(a, dict(a), registry_size=REGISTRY)
    assert probability < 1e-9
    assert "same_flight" in codes(reasons)
    other_flight = {**a, "flight": "GUA-124"}
    assert score(a, other_flight, registry_size=REGISTRY)[0] > 0.9


def test_reliability_table_brier_and_ece_by_hand():
    probability = np.array([0.05, 0.05, 0.95, 0.95, 0.95, 0.55])
    labels = np.array([0, 0, 1, 1, 0, 1])
    table = reliability_table(probability, labels, bands=10)
    assert [b.pairs for b in table] == [2, 0, 0, 0, 0, 1, 0, 0, 0, 3]
    last = table[-1]
    assert last.predicted == pytest.approx(0.95)
    assert last.observed == pytest.approx(2 / 3)
    # ECE: (2 * |0.05 - 0| + 1 * |0.55 - 1| + 3 * |0.95 - 2/3|) / 6
    assert expected_calibration_error(table) == pytest.approx((0.1 + 0.45 + 3 * (0.95 - 2 / 3)) / 6)
    brier = (2 * 0.05**2 + 2 * 0.05**2 + 0.95**2 + 0.45**2) / 6
    assert brier_score(probability, labels) == pytest.approx(brier)


def test_platt_fit_recovers_an_over_confident_scale():
    rng = np.random.default_rng(0)
    true_logit = rng.normal(0, 3, 20_000)
    labels = rng.random(20_000) < 1 / (1 + np.exp(-true_logit))
    over_confident_bits = 2 * true_logit / np.log(2)  # twice too sure
    fitted = fit_platt(over_confident_bits, labels)
    assert fitted["slope"] == pytest.approx(0.5, abs=0.05)
    calibrated = apply_platt(over_confident_bits, fitted)
    table = reliability_table(calibrated, labels)
    assert expected_calibration_error(table) < expected_calibration_error(
        reliability_table(apply_platt(over_confident_bits, None), labels)
    )


def test_isotonic_calibration_is_monotone_and_fixes_over_confidence():
    rng = np.random.default_rng(1)
    true_logit = rng.normal(0, 4, 30_000)
    labels = rng.random(30_000) < 1 / (1 + np.exp(-true_logit))
    over_confident_bits = 3 * true_logit / np.log(2)
    fitted = fit_isotonic(over_confident_bits, labels)
    assert fitted["bits"] == sorted(fitted["bits"])
    assert fitted["probability"] == sorted(fitted["probability"])
    calibrated = apply_platt(over_confident_bits, fitted)
    assert expected_calibration_error(reliability_table(calibrated, labels)) < 0.02
    raw = apply_platt(over_confident_bits, None)
    assert expected_calibration_error(reliability_table(raw, labels)) > 0.05


def test_desk_probability_is_the_calibrated_one():
    model = default_model()
    assert model.calibration, "the shipped model carries its calibration"
    a = record("José", "López", "García", "1990", "1301")
    b = record("José Luis", "López", "", "1990-05-02", "1301")
    probability, reasons = score(a, b, model, registry_size=REGISTRY)
    bits = sum(r.weight for r in reasons) + model.prior_bits(REGISTRY)
    # Reason weights are rounded to 1/100 bit, hence the tolerance.
    calibrated = float(apply_platt(np.array([bits]), model.calibration)[0])
    raw = float(apply_platt(np.array([bits]), None)[0])
    assert probability == pytest.approx(calibrated, abs=5e-3)
    assert abs(probability - raw) > 0.02
