"""Every figure here was counted by hand from tests/fixtures.py, never by the code under test."""

import datetime

import pytest

from retorno.reports.catalogue import CATALOGUE, indicator_get
from retorno.reports.compute import BadQuery, compute
from retorno.reports.tests.fixtures import build

YEAR = {"start": datetime.date(2026, 1, 1), "end": datetime.date(2026, 12, 31)}


@pytest.fixture
def programme_2026(clerk):
    return build(clerk)


def table(indicator_id, *breakdowns, **kw):
    result = compute(indicator_get(indicator_id), breakdowns=list(breakdowns), **{**YEAR, **kw})
    return {tuple(str(r[b]) for b in breakdowns): r["value"] for r in result.rows}, result.total


@pytest.mark.django_db
def test_persons_received(programme_2026):
    assert table("reception.persons_received")[1] == 6
    assert table("reception.distinct_persons")[1] == 5
    assert table("reception.repeat_returns")[1] == 1
    assert table("reception.persons_received", "flight_kind")[0] == {("air",): 5, ("land",): 1}
    assert table("reception.persons_received", "month")[0] == {
        ("2026-03-01",): 3,
        ("2026-04-01",): 2,
        ("2026-06-01",): 1,
    }
    assert table("reception.persons_received", "sex")[0] == {("F",): 2, ("M",): 4}
    assert table("reception.persons_received", "department")[0] == {("13",): 3, ("01",): 2, ("None",): 1}


@pytest.mark.django_db
def test_age_bands_on_the_flight_day(programme_2026):
    # Ana 15 (12–17), Bruno 36 on 2 Mar and 36 on 5 Apr (30–44), Carlos 17 (12–17), Diego unknown,
    # Elena 46 (45+).
    assert table("reception.persons_received", "age_band")[0] == {
        ("12",): 2,
        ("30",): 2,
        ("45",): 1,
        ("unknown",): 1,
    }
    assert table("reception.minors")[1] == 2
    assert table("reception.unaccompanied_minors")[1] == 1


@pytest.mark.django_db
def test_two_breakdowns_and_a_filter(programme_2026):
    by_kind_sex, _ = table("reception.persons_received", "flight_kind", "sex")
    assert by_kind_sex == {("air", "F"): 1, ("air", "M"): 4, ("land", "F"): 1}
    result = compute(indicator_get("reception.persons_received"), **YEAR, breakdowns=["quarter"], filters={"sex": "F"})
    assert {str(r["quarter"]): r["value"] for r in result.rows} == {"2026-01-01": 1, "2026-04-01": 1}


@pytest.mark.django_db
def test_services_by_kind(programme_2026):
    assert table("reception.basic_services", "service")[0] == {("refreshment",): 2, ("call_national",): 1}


@pytest.mark.django_db
def test_whole_catalogue_computes_on_an_empty_period(programme_2026):
    for indicator in CATALOGUE.values():
        result = compute(indicator, start=datetime.date(2030, 1, 1), end=datetime.date(2030, 1, 31))
        assert result.total == 0, indicator.id
        for key in indicator.breakdowns[:3]:
            assert compute(indicator, **YEAR, breakdowns=[key]).rows is not None


def test_refuses_a_breakdown_the_indicator_has_not():
    with pytest.raises(BadQuery):
        compute(indicator_get("transport.budget"), **YEAR, breakdowns=["sex"])
