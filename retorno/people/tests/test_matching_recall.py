"""Issue 14, families target: keys for typos that no other key survives, the
relatives' u of pairs sharing only the first surname, and clusters that a
direct comparison keeps apart."""

import numpy as np
import pytest

from retorno.people.matching import blocking_keys, encode_records
from retorno.people.matching.cluster import link_clusters
from retorno.people.matching.compare import FIELD_INDEX, FIELDS, compare
from retorno.people.matching.keys import KEY_SPECS
from retorno.people.matching.model import Model, field_bits


def record(given, first, second, birth="", municipality="", cui="", sex="M"):
    return {
        "given_names": given,
        "first_surname": first,
        "second_surname": second,
        "sex": sex,
        "birth_date": birth,
        "cui": cui,
        "department": municipality[:2],
        "municipality": municipality,
    }


def shared_specs(a, b):
    return {key.split(":")[0].split("#")[0] for key in blocking_keys(a) & blocking_keys(b)}


@pytest.mark.parametrize(
    ("a", "b", "spec"),
    [
        # A typo in the first surname and no birth date: only the second surname and the place remain.
        (
            record("Manuel", "Carrillo", "del Valle", "1996-12-21", "2106"),
            record("Manuel", "Cazrillo", "del Valle", "", "2106"),
            "tgm",
        ),
        # Given names in the other order, a typo in the first surname, no date on one side.
        (
            record("José Otto", "Martínez", "", "", "0106"),
            record("Otto José", "Marfínez", "Sánchez", "1969-06-08", "0106"),
            "gnm",
        ),
        # A typo in the first given name, no second surname on one side, another day.
        (
            record("Carlos José", "Marín", "", "1976-03-02", "0506"),
            record("Crlos", "Marín", "Morales", "1976-08-09", "0506"),
            "siym",
        ),
    ],
)
def test_new_keys_bring_together_what_no_other_key_did(a, b, spec):
    assert shared_specs(a, b) == {spec}


def test_new_keys_need_their_parts():
    # One given name: no given-name set; no place: no key that needs one.
    keys = blocking_keys(record("Manuel", "Carrillo", "del Valle", "1996-12-21", ""))
    assert not {k for k in keys if k.startswith(("gnm", "siym", "tgm"))}
    assert len(KEY_SPECS) == 16


def _levels(a, b):
    return compare(encode_records([a]), np.array([0]), encode_records([b]), np.array([0]))


def _model(**extra):
    m = {f.name: [1.0] + [1.0 / (f.size - 1)] * (f.size - 1) for f in FIELDS}
    u = {f.name: [1.0] + [1.0 / (f.size - 1)] * (f.size - 1) for f in FIELDS}
    family = [1.0] + [0.5] * (FIELDS[FIELD_INDEX["place"]].size - 1)
    return Model(m=m, u=u, matches_per_record=1.0, u_family={"place": family}, **extra)


def test_pairs_sharing_only_the_first_surname_use_their_own_relatives_u():
    a = record("Ana", "Tecún", "", "", "1319", sex="F")
    b = record("Ana Ingrid", "Tecún", "Maquín", "", "1319", sex="F")
    levels = _levels(a, b)
    assert FIELDS[FIELD_INDEX["surnames"]].levels[levels[0, FIELD_INDEX["surnames"]] - 1] == (
        "first_surname_match_second_missing"
    )
    place = FIELD_INDEX["place"]
    first = [1.0] + [0.05] * (FIELDS[place].size - 1)
    cols = encode_records([a])
    without = field_bits(levels, _model(), cols, np.array([0]))[0, place]
    with_first = field_bits(levels, _model(u_first_surname={"place": first}), cols, np.array([0]))[0, place]
    # Sharing a municipality says more among people who merely share a first surname than among siblings.
    assert with_first > without


def test_pairs_sharing_both_surnames_keep_the_family_u():
    a = record("Ana", "Tecún", "Ajú", "", "1319", sex="F")
    b = record("Ana Ingrid", "Tecún", "Ajú", "", "1319", sex="F")
    levels = _levels(a, b)
    place = FIELD_INDEX["place"]
    first = [1.0] + [0.05] * (FIELDS[place].size - 1)
    cols = encode_records([a])
    without = field_bits(levels, _model(), cols, np.array([0]))[0, place]
    with_first = field_bits(levels, _model(u_first_surname={"place": first}), cols, np.array([0]))[0, place]
    assert with_first == without


def test_relatives_u_of_the_first_surname_survives_a_round_trip():
    model = _model(u_first_surname={"place": [1.0, 0.1, 0.1, 0.4, 0.4]})
    assert Model.from_dict(model.to_dict()).u_first_surname == model.u_first_surname


def test_a_chain_of_links_does_not_join_two_records_told_apart():
    # 0 and 2 are twins; 1 is a thin record that links to both.
    a, b = np.array([0, 1, 0]), np.array([1, 2, 2])
    probability = np.array([0.9, 0.8, 0.0001])
    joined = link_clusters(3, a, b, probability, 0.5)
    assert joined[0] == joined[2]
    kept = link_clusters(3, a, b, probability, 0.5, apart=probability < 0.001)
    assert kept[0] == kept[1] and kept[2] != kept[0]


def test_apart_follows_groups_as_they_grow():
    # 0-1 and 2-3 are linked first; 1 and 3 were told apart, so 0-2 must not join them.
    a, b = np.array([0, 2, 0, 1]), np.array([1, 3, 2, 3])
    probability = np.array([0.99, 0.98, 0.9, 0.00001])
    labels = link_clusters(4, a, b, probability, 0.5, apart=probability < 0.001)
    assert labels.tolist() == [0, 0, 2, 2]
