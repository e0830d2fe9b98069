"""Property: matching is symmetric and blind to accents and case."""

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from retorno.people.matching import blocking_keys, default_model, score

LETTERS = "abcdefghijklmnopqrstuvwxyzáéíóúñü"
word = st.text(alphabet=LETTERS, min_size=1, max_size=9)
name = st.lists(word, min_size=1, max_size=2).map(" ".join)
maybe_name = st.one_of(st.just(""), name)
date = st.one_of(
    st.just(""),
    st.dates().map(lambda d: d.isoformat() if 1900 <= d.year <= 2020 else ""),
    st.integers(1940, 2015).map(str),
)
record = st.fixed_dictionaries(
    {
        "given_names": name,
        "first_surname": name,
        "second_surname": maybe_name,
        "sex": st.sampled_from(["", "F", "M"]),
        "birth_date": date,
        "cui": st.sampled_from(["", "1234567890101", "1234567880101", "2345678901301"]),
        "department": st.sampled_from(["", "01", "13"]),
        "municipality": st.sampled_from(["", "0101", "1301", "1302"]),
    }
)


def plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).upper()


def shouted(rec: dict) -> dict:
    names = ("given_names", "first_surname", "second_surname")
    return {k: plain(v) if k in names else v for k, v in rec.items()}


@settings(max_examples=150, deadline=None)
@given(record, record)
def test_score_is_symmetric(a, b):
    model = default_model()
    p_ab, why_ab = score(a, b, model)
    p_ba, why_ba = score(b, a, model)
    assert abs(p_ab - p_ba) < 1e-9
    assert sorted(r.code for r in why_ab) == sorted(r.code for r in why_ba)


@settings(max_examples=150, deadline=None)
@given(record, record)
def test_accents_and_case_do_not_matter(a, b):
    model = default_model()
    p, why = score(a, b, model)
    p_plain, why_plain = score(shouted(a), shouted(b), model)
    assert abs(p - p_plain) < 1e-9
    assert [r.code for r in why] == [r.code for r in why_plain]
    assert blocking_keys(a) == blocking_keys(shouted(a))
