"""The arrival summary kept up to date by the writes themselves: every write path changes it as a
rebuild from the records would, and the indicators read it (figures counted by hand from
tests/fixtures.py)."""

import dataclasses
import datetime
import itertools

import pytest
from django.core.management import call_command

from retorno.geo.models import Municipality
from retorno.people.actions import person_update
from retorno.people.match_actions import person_merge, person_unmerge
from retorno.reception.actions import triage_record
from retorno.reception.models import Arrival
from retorno.reports.catalogue import MONTHLY_BREAKDOWNS, indicator_get
from retorno.reports.compute import compute, compute_totals
from retorno.reports.models import ArrivalCount, ArrivalMonthCount
from retorno.reports.summaries import rebuild, summary_rows
from retorno.reports.tests.fixtures import D, build, flight, walk_in

YEAR = {"start": datetime.date(2026, 1, 1), "end": datetime.date(2026, 12, 31)}
SUMMARISED = (
    "reception.persons_received",
    "reception.distinct_persons",
    "reception.repeat_returns",
    "reception.minors",
    "reception.unaccompanied_minors",
)


def figure(indicator_id, *breakdowns, **period):
    result = compute(indicator_get(indicator_id), breakdowns=list(breakdowns), **{**YEAR, **period})
    return {tuple(str(r[b]) for b in breakdowns): r["value"] for r in result.rows} if breakdowns else result.total


def assert_same_as_rebuild():
    incremental = summary_rows()
    rebuild()
    assert summary_rows() == incremental


def person_of(name):
    return Arrival.objects.filter(person__given_names=name).select_related("person").first().person


@pytest.fixture
def programme_2026(clerk):
    return build(clerk)


@pytest.mark.django_db
def test_walk_ins_are_counted_as_they_happen(clerk):
    a = flight(clerk, D(2026, 3, 2))
    assert not ArrivalCount.objects.exists()
    ana = walk_in(clerk, a, "Ana", "F", D(2010, 5, 1), "1301")
    assert list(
        ArrivalCount.objects.values_list("day", "flight_kind", "sex", "age", "department", "municipality", "n")
    ) == [(D(2026, 3, 2), "air", "F", 15, "13", "1301", 1)]
    b = flight(clerk, D(2026, 4, 5))
    walk_in(clerk, b, "", "", None, "", person=ana.person)
    assert figure("reception.persons_received") == 2
    assert figure("reception.repeat_returns") == 1
    assert figure("reception.distinct_persons") == 1
    # Counted from April, Ana's April arrival is her first of the period.
    assert figure("reception.distinct_persons", start=D(2026, 4, 1)) == 1
    assert_same_as_rebuild()


@pytest.mark.django_db
def test_a_person_edit_moves_their_arrivals(programme_2026, clerk):
    carlos = person_of("Carlos")  # M, 17 on 2 Mar 2026, Guatemala (0101)
    assert figure("reception.minors") == 2
    person_update(
        actor=clerk,
        person=carlos,
        sex="F",
        birth_date=D(2000, 1, 1),
        origin_municipality=Municipality.objects.get(code="1301"),
    )
    assert figure("reception.persons_received", "sex") == {("F",): 3, ("M",): 3}
    assert figure("reception.minors") == 1  # Carlos is now 26 on the flight's day
    assert figure("reception.persons_received", "department") == {("13",): 4, ("01",): 1, ("None",): 1}
    assert_same_as_rebuild()
    person_update(actor=clerk, person=carlos, given_names="Carla")  # nothing the summary counts
    assert_same_as_rebuild()


@pytest.mark.django_db
def test_triage_marks_an_unaccompanied_minor(programme_2026, clerk):
    carlos = Arrival.objects.get(person__given_names="Carlos")  # 17 on the flight's day
    assert figure("reception.unaccompanied_minors") == 1  # Ana
    triage_record(actor=clerk, arrival=carlos, travelling_alone=True)
    assert figure("reception.unaccompanied_minors", "sex") == {("F",): 1, ("M",): 1}
    assert_same_as_rebuild()
    triage_record(actor=clerk, arrival=carlos, medical=True)  # nothing the summary counts
    assert figure("reception.unaccompanied_minors") == 2
    assert_same_as_rebuild()


@pytest.mark.django_db
def test_a_merge_and_its_undoing(programme_2026, clerk, manager):
    diego, carlos = person_of("Diego"), person_of("Carlos")  # flight B (5 Apr), flight A (2 Mar)
    record = person_merge(actor=manager, keep=carlos, merge=diego)
    assert figure("reception.distinct_persons") == 4
    assert figure("reception.persons_received", "sex") == {("F",): 2, ("M",): 4}
    # Diego's arrival of 5 Apr is now Carlos's, who turned 18 on 3 Mar.
    assert figure("reception.persons_received", "age_band") == {("12",): 2, ("18",): 1, ("30",): 2, ("45",): 1}
    assert_same_as_rebuild()
    person_unmerge(actor=manager, merge=record)
    assert figure("reception.distinct_persons") == 5
    assert figure("reception.persons_received", "age_band") == {("12",): 2, ("30",): 2, ("45",): 1, ("unknown",): 1}
    assert_same_as_rebuild()


@pytest.mark.django_db
def test_the_indicators_read_the_summary(programme_2026):
    assert figure("reception.persons_received") == 6
    ArrivalMonthCount.objects.all().delete()
    assert figure("reception.persons_received") == 0  # a year: read from the monthly summary
    assert figure("reception.persons_received", start=D(2026, 3, 2), end=D(2026, 3, 2)) == 3  # a day: daily one
    ArrivalCount.objects.all().delete()
    assert figure("reception.persons_received", start=D(2026, 3, 2), end=D(2026, 3, 2)) == 0
    call_command("reports_summaries", stdout=None)
    assert figure("reception.persons_received") == 6


@pytest.mark.django_db
def test_summary_and_base_rows_agree_for_every_breakdown(programme_2026, clerk):
    # A second return in 2026 whose first was the year before, and an edit, to make it harder.
    walk_in(clerk, flight(clerk, D(2026, 11, 30)), "", "", None, "", person=person_of("Fabián"))
    for indicator_id in SUMMARISED:
        indicator = indicator_get(indicator_id)
        base = dataclasses.replace(indicator, summary=None)
        keys = sorted(indicator.summary.breakdowns)
        for pair in [(), *[(k,) for k in keys], *itertools.combinations(keys, 2)]:
            for period in (YEAR, {"start": D(2026, 3, 3), "end": D(2026, 11, 30)}):
                summed = compute(indicator, breakdowns=list(pair), **period)
                counted = compute(base, breakdowns=list(pair), **period)
                assert (summed.total, summed.rows) == (counted.total, counted.rows), (indicator_id, pair, period)


@pytest.mark.django_db
def test_a_period_of_part_months_reads_whole_months_monthly_and_the_ends_daily(programme_2026, clerk):
    walk_in(clerk, flight(clerk, D(2026, 11, 30)), "", "", None, "", person=person_of("Fabián"))
    mixed = (
        {"start": D(2026, 3, 2), "end": D(2026, 11, 29)},  # 2 Mar in, 30 Nov out
        {"start": D(2025, 1, 10), "end": D(2026, 6, 20)},  # both ends on a flight's day
        {"start": D(2025, 12, 16), "end": D(2026, 12, 15)},  # a year from 16 December
    )
    within = {"start": D(2026, 3, 3), "end": D(2026, 4, 29)}  # no whole month: the daily table alone
    keys = sorted(MONTHLY_BREAKDOWNS)
    every_pair = [(), *[(k,) for k in keys], *itertools.combinations(keys, 2)]
    cases = [
        ("reception.persons_received", every_pair, ({}, {"sex": "M"})),
        ("reception.repeat_returns", [(k,) for k in keys], ({"flight_kind": "land"},)),
        ("reception.minors", [(k,) for k in keys], ({},)),
    ]
    for indicator_id, pairs, filter_sets in cases:
        indicator = indicator_get(indicator_id)
        daily = dataclasses.replace(indicator, summary=dataclasses.replace(indicator.summary, monthly=None))
        base = dataclasses.replace(indicator, summary=None)
        for pair in pairs:
            for period, filters in itertools.product((*mixed, within), filter_sets):
                combined = compute(indicator, breakdowns=list(pair), filters=filters, **period)
                assert combined.source == ("daily" if period is within else "daily+monthly")
                expected = compute(daily, breakdowns=list(pair), filters=filters, **period)
                assert expected.source == "daily"
                assert (combined.total, combined.rows) == (expected.total, expected.rows), (indicator_id, pair, period)
                counted = compute(base, breakdowns=list(pair), filters=filters, **period)
                assert (combined.total, combined.rows) == (counted.total, counted.rows), (indicator_id, pair, period)
    # Counted by hand: 2 Mar (3 arrivals), 5 Apr (2) and 20 Jun (1) in, 30 Nov out; 10 Jan 2025 in.
    assert figure("reception.persons_received", **mixed[0]) == 6
    assert figure("reception.persons_received", "year", **mixed[1]) == {("2025",): 1, ("2026",): 6}
    assert figure("reception.persons_received", "month", **mixed[2])[("2026-11-01",)] == 1


@pytest.mark.django_db
def test_the_dashboard_tiles_in_one_pass_match_one_by_one(programme_2026):
    from retorno.reports.views.dashboard import HEADLINES

    indicators = [indicator_get(i) for i in HEADLINES]
    for filters in ({}, {"sex": "F"}, {"flight_kind": "air"}, {"sex": "M", "flight_kind": "land"}):
        together = [r.total for r in compute_totals(indicators, **YEAR, filters=filters)]
        one_by_one = [
            compute(i, **YEAR, filters={k: v for k, v in filters.items() if k in i.breakdowns}).total
            for i in indicators
        ]
        assert together == one_by_one, filters
    # Counted by hand: 6 arrivals, 5 persons, 1 repeat, 2 minors, 1 unaccompanied (Ana).
    assert [r.total for r in compute_totals(indicators[:5], **YEAR)] == [6, 5, 1, 2, 1]
