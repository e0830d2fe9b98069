"""Follow-ups only for people who agreed to be contacted; the rest counted as "no consent",
never as overdue (issue 9, item 9)."""

import datetime

import pytest

from retorno.reception import actions
from retorno.reintegration.actions.followup import followups_schedule
from retorno.reintegration.models import FollowUp
from retorno.reintegration.queries import programme_figures, worklist

pytestmark = pytest.mark.django_db


def arrival_named(flight, text):
    return next(a for a in flight.arrivals.select_related("manifest_row") if text in a.display_name)


def test_check_in_without_consent_schedules_nothing_and_counts_no_consent(open_flight, clerk):
    luis = actions.arrival_check_in(actor=clerk, arrival=arrival_named(open_flight, "Pérez"))
    assert not FollowUp.objects.filter(person=luis.person).exists()
    assert programme_figures()["followups"]["no_consent"] == 1


def test_consent_at_triage_schedules_the_follow_ups_once(open_flight, clerk):
    luis = actions.arrival_check_in(actor=clerk, arrival=arrival_named(open_flight, "Pérez"))
    actions.triage_record(actor=clerk, arrival=luis, reintegration_interest=True, contact_consent=True)
    assert FollowUp.objects.filter(person=luis.person, arrival_id=luis.pk).count() == 4
    actions.triage_record(actor=clerk, arrival=luis, contact_phone="5555 0000")  # re-save
    assert FollowUp.objects.filter(person=luis.person).count() == 4
    assert programme_figures()["followups"]["no_consent"] == 0


def test_a_follow_up_without_consent_is_never_due_or_overdue(open_flight, clerk, reintegration_officer, api_for):
    luis = actions.arrival_check_in(actor=clerk, arrival=arrival_named(open_flight, "Pérez"))
    long_ago = datetime.date.today() - datetime.timedelta(days=400)
    # One scheduled before this rule (no consent on record): it stays off the worklist.
    followups_schedule(actor=clerk, person=luis.person, trigger="arrival", base_date=long_ago, arrival_id=luis.pk)
    FollowUp.objects.update(officer=reintegration_officer)
    work = worklist(user=reintegration_officer)
    assert work["mine"] == [] and work["no_consent"] == 4
    figures = programme_figures()["followups"]
    assert figures["overdue"] == 0 and figures["due"] == 0
    assert api_for(reintegration_officer).get("/api/v1/reintegration/followups").json() == []
    page = api_for(reintegration_officer).get("/api/v1/reintegration/figures").json()
    assert page["followups"]["no_consent"] == 1 and page["followups"]["overdue"] == 0
