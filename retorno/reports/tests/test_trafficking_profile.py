"""Trafficking statistics (sealed, aggregates only), the de-identified HTCDS extract, the
migration profile and cohort outcomes."""

import datetime

import pytest
from django.utils import timezone

from retorno.protection import actions as protection
from retorno.protection import protocol
from retorno.protection.models import CaseKind
from retorno.reports.tests.fixtures import build, with_followups
from retorno.reports.trafficking import k_anonymise

NAMES = ("Ana", "Bruno", "Carlos", "Diego", "Elena", "Prueba")


@pytest.fixture
def victims(clerk, protection_officer):
    """Ana's and Elena's trafficking cases, both concluded as probable forced labour."""
    made = build(clerk)
    exploited = next(i for i in protocol.INDICATORS if i.htcds_value == "ForcedLabour")
    for arrival in (made["ana"], made["bruno"]):
        case = protection.case_open(actor=protection_officer, person=arrival.person, kind=CaseKind.TRAFFICKING)
        ident = protection.identification_start(actor=protection_officer, case=case)
        protection.identification_save_answers(
            actor=protection_officer, identification=ident, answers={exploited.code: exploited.signal}
        )
        protection.identification_conclude(actor=protection_officer, identification=ident, result="probable")
    return made


@pytest.mark.django_db
def test_trafficking_statistics_never_show_a_small_count(client_for, monitor, victims):
    today = timezone.localdate()
    page = client_for(monitor).get(f"/reports/trafficking/?start={today.year}-01-01&end={today.year}-12-31")
    assert page.status_code == 200
    html = page.content.decode()
    assert "ForcedLabour" in html
    # Two victims: every count is hidden (x), never "2" or "1".
    assert ">2<" not in html and ">1<" not in html and ">x<" in html
    assert not any(name in html for name in NAMES)


@pytest.mark.django_db
def test_htcds_extract_is_deidentified(client_for, monitor, clerk, victims):
    today = timezone.localdate()
    answer = client_for(monitor).get(f"/reports/trafficking/htcds.csv?start={today.year}-01-01&end={today.year}-12-31")
    assert answer.status_code == 200
    text = answer.content.decode()
    assert "prs_FirstName" not in text and not any(name in text for name in NAMES)
    # Two cases cannot form a class of 5: both are suppressed.
    assert len(text.strip().splitlines()) == 1
    assert client_for(clerk).get("/reports/trafficking/htcds.csv").status_code == 403


def test_k_anonymity_generalises_then_suppresses():
    base = {"prs_Gender": "Feminine", "prs_Citizenship": "GT", "year": "2026", "vic_TraffickingStatus": "A"}
    rows = [{**base, "age_band": "18"} for _ in range(4)] + [{**base, "age_band": "30"}, {**base, "age_band": "12"}]
    out = k_anonymise(rows, k=5)
    assert len(out) == 5 and {r["age_band"] for r in out} == {"adult"}


@pytest.mark.django_db
def test_migration_profile_and_cohorts(client_for, monitor, clerk, victims):
    page = client_for(monitor).get("/reports/profile/?start=2026-01-01&end=2026-12-31")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Huehuetenango" in html and not any(name in html for name in NAMES)
    cohort = client_for(monitor).get(f"/reports/cohorts/?month={timezone.localdate():%Y-%m}")
    assert cohort.status_code == 200 and 'id="cohort-table"' in cohort.content.decode()
    for url in ("/reports/profile/", "/reports/cohorts/", "/reports/trafficking/"):
        assert client_for(clerk).get(url).status_code == 403


@pytest.mark.django_db
def test_cohort_counts_followups_of_the_arrival_month(clerk):
    from retorno.reports.cohorts import cohort

    build(clerk)
    with_followups(clerk)  # arrival follow-ups counted from today (the walk-ins' check-in day)
    rows = {r["months_after"]: r for r in cohort(timezone.localdate())}
    # Six people checked in today (Bruno twice): each has a 3-month follow-up, none reached yet.
    assert rows[3]["due"] >= 6 and rows[3]["reached"] == 0 and rows[3]["reach"] == 0.0
    assert cohort(datetime.date(2001, 1, 1)) == []


@pytest.mark.django_db
def test_cohort_response_rate_of_self_answered_follow_ups(clerk, reintegration_officer):
    from retorno.reintegration.models import FollowUp, FollowUpInvitation, FollowUpOutcome
    from retorno.reports.cohorts import cohort

    build(clerk)
    with_followups(clerk)
    three = list(FollowUp.objects.filter(months_after=3, base_date=timezone.localdate()).order_by("id")[:2])
    assert len(three) == 2
    for followup in three:
        FollowUpInvitation.objects.create(
            followup=followup,
            nonce_digest=f"{followup.pk:064d}",
            channel="sms",
            created_by=reintegration_officer,
            expires_at=timezone.now() + datetime.timedelta(days=21),
        )
    # One of the two answers the questionnaire themselves (written directly: the answering path is
    # tested in reintegration; this checks the cohort's arithmetic).
    FollowUpOutcome.objects.create(
        followup=three[0],
        working="none",
        income_band="none",
        intends_to_migrate="no",
        self_reported=True,
        recorded_by=reintegration_officer,
    )
    rows = {r["months_after"]: r for r in cohort(timezone.localdate())}
    assert rows[3]["invited"] == 2 and rows[3]["self_answered"] == 1 and rows[3]["response_rate"] == 50.0
    assert rows[6]["invited"] == 0 and rows[6]["response_rate"] is None
