"""The reintegration demo: three case persons came through reception with a migration history; a rerun adds nothing."""

import io

import pytest

from retorno.accounts import demo as accounts_demo
from retorno.accounts.models import User
from retorno.reception import demo as reception_demo
from retorno.reception.models import Arrival, Flight, MigrationHistory
from retorno.reintegration import demo
from retorno.reintegration.models import FollowUp, ReintegrationCase, Remigration
from retorno.reintegration.queries import case_migration_history_get_for

pytestmark = pytest.mark.django_db


def _counts():
    return tuple(
        m.objects.count() for m in (Flight, Arrival, MigrationHistory, ReintegrationCase, FollowUp, Remigration)
    )


def test_demo_cases_show_a_migration_history_and_a_rerun_adds_nothing():
    out = io.StringIO()
    accounts_demo.load(options={}, stdout=out)
    demo.load(options={}, stdout=out)
    officer = User.objects.get(username="reintegracion")
    cases = ReintegrationCase.objects.filter(officer=officer)
    read = {case.pk: case_migration_history_get_for(user=officer, case_id=case.pk)[1] for case in cases.order_by("id")}
    consents = sorted(h.consent for histories in read.values() for h in histories)
    assert consents == ["agreed", "agreed", "refused"]
    answered = next(h for hs in read.values() for h in hs if h.consent == "agreed" and h.smuggler_used == "yes")
    assert {r.reason for r in answered.reasons.all()} == {"economic", "violence"}
    assert answered.years_abroad == 6 and answered.previous_deportations == 1 and answered.family_abroad == "yes"
    assert answered.countries.count() == 2 and answered.smuggler_cost_sealed  # sealed, still recorded
    declined = next(h for hs in read.values() for h in hs if h.consent == "agreed" and h.smuggler_used == "declined")
    assert declined.family_abroad == "declined" and declined.previous_deportations_declined
    # Each history is of the case's own return, and the arrival set off no re-migration and no second
    # set of follow-ups: only the sixth case re-migrated; the case's follow-ups are linked to the arrival.
    for case in cases:
        for history in read[case.pk]:
            assert history.arrival.flight.date == case.returned_on and history.arrival.flight.status == "closed"
            on_arrival = FollowUp.objects.filter(person=case.person, trigger="arrival")
            assert set(on_arrival.values_list("base_date", "arrival_id")) == {(case.returned_on, history.arrival_id)}
    assert cases.filter(status="remigrated").count() == Remigration.objects.count() == 1
    counts = _counts()
    demo.load(options={}, stdout=out)
    reception_demo.load(options={}, stdout=out)  # reception's histories leave these arrivals alone
    assert _counts() == counts


def test_demo_follow_ups_have_outcomes_with_spread_scores():
    from retorno.reintegration.models import FollowUpOutcome

    out = io.StringIO()
    accounts_demo.load(options={}, stdout=out)
    demo.load(options={}, stdout=out)
    outcomes = FollowUpOutcome.objects.select_related("followup")
    assert outcomes.count() == 9
    assert all(o.followup.status == "done" and o.rss_version == "retorno-rss-1" for o in outcomes)
    composites = {o.composite_score for o in outcomes}
    assert None in composites  # the person who declined most questions has no composite
    scored = sorted(c for c in composites if c is not None)
    assert scored[0] < 0.4 and scored[-1] > 0.8
    assert outcomes.filter(intends_to_migrate="yes").count() == 1
