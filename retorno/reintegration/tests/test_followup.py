"""The follow-up schedule, RSS scoring from raw answers, and re-migration marking."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from retorno.people.actions import consent_record
from retorno.reintegration import actions, rss
from retorno.reintegration.actions.common import add_months
from retorno.reintegration.models import FollowUp, FollowUpSchedule, Remigration

pytestmark = pytest.mark.django_db

ALL_BEST = {q.code: next(iter(q.options)) for q in rss.QUESTIONS_V1}  # first option is the best in every question


def test_add_months_clamps_to_the_end_of_the_month():
    assert add_months(datetime.date(2026, 1, 31), 1) == datetime.date(2026, 2, 28)
    assert add_months(datetime.date(2024, 1, 31), 1) == datetime.date(2024, 2, 29)
    assert add_months(datetime.date(2026, 11, 15), 3) == datetime.date(2027, 2, 15)
    assert add_months(datetime.date(2026, 3, 31), 12) == datetime.date(2027, 3, 31)


def test_arrival_schedules_1_3_6_12_months(consenting, clerk):
    person = consenting
    created = actions.followups_on_arrival(
        actor=clerk, person=person, arrived_on=datetime.date(2026, 1, 31), arrival_id=7
    )
    assert [(f.months_after, f.due_on) for f in created] == [
        (1, datetime.date(2026, 2, 28)),
        (3, datetime.date(2026, 4, 30)),
        (6, datetime.date(2026, 7, 31)),
        (12, datetime.date(2027, 1, 31)),
    ]
    assert all(f.officer is None and f.case is None and f.arrival_id == 7 for f in created)
    # Calling again for the same arrival creates nothing new and notices no re-migration.
    assert (
        actions.followups_on_arrival(actor=clerk, person=person, arrived_on=datetime.date(2026, 1, 31), arrival_id=7)
        == []
    )
    assert FollowUp.objects.count() == 4 and not Remigration.objects.exists()


def test_schedule_is_configurable(consenting, clerk):
    FollowUpSchedule.objects.create(trigger="arrival", months=[2, 9])
    created = actions.followups_on_arrival(actor=clerk, person=consenting, arrived_on=datetime.date(2026, 5, 10))
    assert [f.due_on for f in created] == [datetime.date(2026, 7, 10), datetime.date(2027, 2, 10)]


def test_invalid_schedule_is_refused():
    with pytest.raises(ValidationError):
        FollowUpSchedule(trigger="job", months=[0, "x"]).full_clean()


def test_opening_a_case_takes_over_unassigned_follow_ups(consenting, reintegration_officer, clerk):
    actions.followups_on_arrival(actor=clerk, person=consenting, arrived_on=datetime.date.today())
    case = actions.case_open(actor=reintegration_officer, person=consenting, returned_on=datetime.date.today())
    assert set(FollowUp.objects.values_list("case_id", "officer_id")) == {(case.pk, reintegration_officer.pk)}


def test_worklist_is_per_officer_and_ordered_by_due_date(consenting, reintegration_officer, manager, clerk):
    from retorno.reintegration.queries import worklist

    actions.case_open(actor=reintegration_officer, person=consenting, returned_on=datetime.date(2026, 1, 5))
    actions.followups_on_arrival(actor=clerk, person=consenting, arrived_on=datetime.date(2026, 1, 5))
    mine = worklist(user=reintegration_officer)["mine"]
    assert [f.due_on for f in mine] == sorted(f.due_on for f in mine) and len(mine) == 4
    assert worklist(user=manager)["mine"] == []


def test_rss_scores_from_raw_answers():
    best = rss.score(ALL_BEST)
    assert (best.economic, best.social, best.psychosocial, best.composite) == (1.0, 1.0, 1.0, 1.0)
    answers = {
        "econ_satisfaction": "neutral",  # 0.5
        "econ_food": "sometimes",  # 0.33
        "econ_borrow": "no",  # 0
        "econ_work": "yes",  # 1
        "soc_housing": "good",  # 0.75
        "soc_health": "fair",  # 0.5
        "soc_documents": "yes",  # 1
        "soc_children_school": "not_applicable",  # not counted
        "psy_belonging": "agree",  # 0.75
        "psy_support": "yes",  # 1
        "psy_distress": "often",  # 0
    }
    scores = rss.score(answers)
    assert scores.version == "retorno-rss-1"
    assert scores.economic == round((0.5 + 0.33 + 0 + 1) / 4, 3)
    assert scores.social == 0.75
    assert scores.psychosocial == round(1.75 / 3, 3)
    assert scores.composite == round((scores.economic + scores.social + scores.psychosocial) / 3, 3)


def test_rss_dimension_needs_half_its_questions():
    scores = rss.score({"econ_work": "yes", "econ_borrow": "yes", "soc_documents": "no"})
    assert scores.economic is None and scores.social is None and scores.composite is None


def test_rss_refuses_unknown_questions_and_answers():
    with pytest.raises(ValidationError):
        rss.score({"econ_work": "maybe"})
    with pytest.raises(ValidationError):
        rss.score({"nonsense": "yes"})
    with pytest.raises(ValidationError):
        rss.score({}, "retorno-rss-99")


def _reach_and_record(followup, actor, **extra):
    actions.followup_attempt(actor=actor, followup=followup, channel="phone", reached=True)
    return actions.followup_record_outcome(
        actor=actor,
        followup=followup,
        working="informal",
        income_band="1500_3000",
        intends_to_migrate="unsure",
        rss_answers=ALL_BEST,
        **extra,
    )


def test_outcome_needs_a_reached_attempt_and_stores_raw_answers(case, reintegration_officer, consenting):
    followup = actions.followups_on_arrival(
        actor=reintegration_officer, person=consenting, arrived_on=case.returned_on
    )[1]
    with pytest.raises(ValidationError, match="reached"):
        actions.followup_record_outcome(
            actor=reintegration_officer, followup=followup, working="none", income_band="none", intends_to_migrate="yes"
        )
    outcome = _reach_and_record(followup, reintegration_officer)
    followup.refresh_from_db()
    assert followup.status == "done"
    assert outcome.rss_answers == ALL_BEST and outcome.composite_score == 1.0


def test_rescoring_recomputes_from_the_stored_answers(case, reintegration_officer, consenting, manager):
    followup = actions.followups_on_arrival(
        actor=reintegration_officer, person=consenting, arrived_on=case.returned_on
    )[0]
    outcome = _reach_and_record(followup, reintegration_officer)
    type(outcome).objects.filter(pk=outcome.pk).update(composite_score=0.1, economic_score=None)
    outcome.refresh_from_db()
    outcome = actions.outcome_rescore(actor=manager, outcome=outcome)
    assert outcome.composite_score == 1.0 and outcome.economic_score == 1.0


def test_contact_needs_consent(consenting, reintegration_officer, clerk):
    person = consenting
    followup = actions.followups_on_arrival(actor=clerk, person=person, arrived_on=datetime.date.today())[0]
    for purpose in ("follow_up", "reintegration"):  # withdrawn after scheduling
        consent_record(actor=clerk, person=person, purpose=purpose, given=False)
    with pytest.raises(ValidationError, match="consent"):
        actions.followup_attempt(actor=reintegration_officer, followup=followup, channel="phone", reached=True)
    consent_record(actor=clerk, person=person, purpose="follow_up", given=True)
    assert actions.followup_attempt(
        actor=reintegration_officer, followup=followup, channel="phone", reached=True
    ).reached


def test_a_new_arrival_marks_re_migration(consenting, reintegration_officer, clerk):
    first_day = datetime.date.today() - datetime.timedelta(days=200)
    actions.followups_on_arrival(actor=clerk, person=consenting, arrived_on=first_day, arrival_id=1)
    case = actions.case_open(actor=reintegration_officer, person=consenting, returned_on=first_day)
    done = FollowUp.objects.get(months_after=1, arrival_id=1)
    outcome = _reach_and_record(done, reintegration_officer)
    assert not Remigration.objects.exists()

    again = datetime.date.today()
    new = actions.followups_on_arrival(actor=clerk, person=consenting, arrived_on=again, arrival_id=2)
    case.refresh_from_db()
    outcome.refresh_from_db()
    assert case.status == "remigrated" and case.remigrated_on == again
    assert outcome.remigrated_on == again
    assert set(FollowUp.objects.filter(arrival_id=1).exclude(pk=done.pk).values_list("status", flat=True)) == {
        "remigrated"
    }
    assert FollowUp.objects.get(pk=done.pk).status == "done"
    assert [r.case_id for r in Remigration.objects.all()] == [case.pk]
    assert len(new) == 4 and all(f.case is None for f in new)  # the old case is no longer live
    # The same arrival reported twice counts once.
    actions.followups_on_arrival(actor=clerk, person=consenting, arrived_on=again, arrival_id=2)
    assert Remigration.objects.count() == 1
    assert case.remigrations.count() == 1
