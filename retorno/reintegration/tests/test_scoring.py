"""Survey scoring versions: weighted scores, and recomputing stored outcomes (managers only)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from retorno.audit.models import AuditEvent
from retorno.reintegration import actions, rss
from retorno.reintegration.models import FollowUpOutcome

pytestmark = pytest.mark.django_db

BEST = {q.code: next(iter(q.options)) for q in rss.QUESTIONS_V1}


def test_weights_per_question_and_per_dimension_change_the_scores():
    weighted = rss.Scoring(
        code="test-weighted",
        name="t",
        method="t",
        source="t",
        questions=rss.QUESTIONS_V1,
        weights={"econ_work": 3.0},
        dimension_weights={"economic": 2.0},
    )
    answers = {
        "econ_satisfaction": "very_satisfied",  # 1
        "econ_borrow": "no",  # 0
        "econ_work": "no",  # 0, weight 3
        "soc_housing": "fair",  # 0.5
        "soc_health": "fair",  # 0.5
        "soc_documents": "yes",  # 1
        "psy_belonging": "strongly_agree",  # 1
        "psy_support": "no",  # 0
        "psy_distress": "never",  # 1
    }
    scores = rss.score_with(weighted, answers)
    # economic: (1 + 0 + 0×3) / (1 + 1 + 3) = 0.2 (equal weights would give 0.333)
    assert scores.economic == 0.2
    assert scores.social == round(2 / 3, 3) and scores.psychosocial == round(2 / 3, 3)
    # composite: (0.2×2 + 0.667 + 0.667) / 4 = 0.4335 (equal weights would give 0.511)
    assert scores.composite == pytest.approx(0.4335, abs=0.0006)
    assert rss.score(answers).economic == round(1 / 3, 3)  # the current version is unweighted


def _outcome(followup, officer, answers):
    actions.followup_attempt(actor=officer, followup=followup, channel="phone", reached=True)
    return actions.followup_record_outcome(
        actor=officer,
        followup=followup,
        working="informal",
        income_band="1500_3000",
        intends_to_migrate="unsure",
        rss_answers=answers,
    )


@pytest.fixture
def outcomes(case, reintegration_officer, consenting):
    followups = actions.followups_on_arrival(
        actor=reintegration_officer, person=consenting, arrived_on=case.returned_on
    )
    first = _outcome(followups[0], reintegration_officer, BEST)
    second = _outcome(
        followups[1], reintegration_officer, {"econ_work": "no", "econ_borrow": "no", "econ_food": "often"}
    )
    third = _outcome(followups[2], reintegration_officer, {})
    return first, second, third


def test_rescoring_all_writes_only_what_changed_and_a_second_run_nothing(outcomes, manager):
    first, second, third = outcomes
    FollowUpOutcome.objects.filter(pk=first.pk).update(composite_score=0.1, social_score=None)
    # An outcome stored with answers the version does not know is left as it is.
    FollowUpOutcome.objects.filter(pk=third.pk).update(rss_answers={"gone_question": "yes"}, composite_score=0.5)
    before = AuditEvent.objects.filter(action="followup.rescore").count()

    done = actions.outcomes_rescore(actor=manager, version="retorno-rss-1")

    assert (done.checked, done.changed, done.unscorable) == (3, 1, 1)
    first.refresh_from_db()
    third.refresh_from_db()
    assert first.composite_score == 1.0 and first.social_score == 1.0
    assert third.composite_score == 0.5
    assert AuditEvent.objects.filter(action="followup.rescore").count() == before + 1
    again = actions.outcomes_rescore(actor=manager, version="retorno-rss-1")
    assert (again.checked, again.changed, again.unscorable) == (3, 0, 1)
    assert AuditEvent.objects.filter(action="followup.rescore").count() == before + 1


def test_rescoring_runs_in_batches(outcomes, manager, monkeypatch):
    from retorno.reintegration.actions import scoring

    monkeypatch.setattr(scoring, "BATCH", 1)
    FollowUpOutcome.objects.update(composite_score=0.0)
    done = actions.outcomes_rescore(actor=manager, version="retorno-rss-1")
    assert (done.checked, done.changed) == (3, 3)
    # Only the first answered every dimension; the others' composites are empty again.
    assert list(FollowUpOutcome.objects.order_by("pk").values_list("composite_score", flat=True)) == [1.0, None, None]


def test_only_managers_rescore(outcomes, reintegration_officer, monitor):
    for user in (reintegration_officer, monitor):
        with pytest.raises(PermissionDenied):
            actions.outcomes_rescore(actor=user, version="retorno-rss-1")
        with pytest.raises(PermissionDenied):
            actions.outcome_rescore(actor=user, outcome=outcomes[0])


def test_an_unknown_version_is_refused(outcomes, manager):
    with pytest.raises(ValidationError):
        actions.outcomes_rescore(actor=manager, version="iom-rss-1999")


def test_page_shows_every_version_and_only_managers_recompute(outcomes, client_for, monitor, manager):
    page = client_for(monitor).get("/reintegration/survey-scoring/", HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    text = page.content.decode()
    assert "retorno-rss-1" in text and "3 outcomes stored" in text
    assert 'name="version"' not in text
    assert client_for(monitor).post("/reintegration/survey-scoring/", {"version": "retorno-rss-1"}).status_code == 403

    FollowUpOutcome.objects.filter(pk=outcomes[0].pk).update(composite_score=0.2)
    client = client_for(manager)
    assert 'name="version"' in client.get("/reintegration/survey-scoring/").content.decode()
    answer = client.post(
        "/reintegration/survey-scoring/", {"version": "retorno-rss-1"}, follow=True, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "3 outcomes checked with retorno-rss-1: 1 scores changed." in answer.content.decode()
    outcomes[0].refresh_from_db()
    assert outcomes[0].composite_score == 1.0


def test_page_speaks_spanish(outcomes, client_for, monitor):
    client = client_for(monitor)
    text = client.get("/reintegration/survey-scoring/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Muy satisfecho" in text and "very_satisfied" not in text


def test_api_lists_versions_and_rescoring_is_for_managers(outcomes, api_for, monitor, manager, reintegration_officer):
    versions = api_for(monitor).get("/api/v1/reintegration/rss/versions").json()
    assert [v["code"] for v in versions] == ["retorno-rss-1"]
    assert versions[0]["current"] and versions[0]["outcomes"] == 3
    work = next(q for q in versions[0]["questions"] if q["code"] == "econ_work")
    assert (
        work["weight"] == 1.0 and {"answer": "looking", "label": "No, busca trabajo", "value": 0.5} in work["answers"]
    )

    path = "/api/v1/reintegration/rss/rescore"
    body = {"version": "retorno-rss-1"}
    assert api_for(reintegration_officer).post(path, body, content_type="application/json").status_code == 403
    FollowUpOutcome.objects.filter(pk=outcomes[1].pk).update(economic_score=0.9)
    answer = api_for(manager).post(path, body, content_type="application/json")
    assert answer.status_code == 200 and answer.json() == {
        "version": "retorno-rss-1",
        "checked": 3,
        "changed": 1,
        "unscorable": 0,
    }
    bad = api_for(manager).post(path, {"version": "nope"}, content_type="application/json")
    assert bad.status_code in (400, 422)
