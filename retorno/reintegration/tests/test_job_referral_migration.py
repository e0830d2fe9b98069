"""The migration that makes a job referral the job detail of one referral: its status mapping."""

import datetime
import importlib

import pytest

from retorno.reintegration.models import JobReferral
from retorno.reintegration.models.services import job_stage

migration = importlib.import_module("retorno.reintegration.migrations.0006_job_referral_is_a_referral_detail")
OLD_STATUSES = ["referred", "interview", "hired", "not_hired", "withdrawn"]


@pytest.mark.parametrize(
    ("job_status", "interview_on", "referral_status", "outcome"),
    [
        ("referred", None, "pending", ""),
        ("interview", datetime.date(2026, 1, 5), "accepted", ""),
        ("hired", datetime.date(2026, 1, 5), "completed", "hired"),
        ("not_hired", None, "rejected", "not_hired"),
        ("not_hired", datetime.date(2026, 1, 5), "revoked", "not_hired"),
        ("withdrawn", None, "revoked", ""),
    ],
)
def test_old_statuses_map_to_the_referral_status_and_outcome(job_status, interview_on, referral_status, outcome):
    assert migration.referral_status_for(job_status, interview_on) == referral_status
    assert migration.outcome_for(job_status) == outcome


@pytest.mark.parametrize("job_status", OLD_STATUSES)
@pytest.mark.parametrize("interview_on", [None, datetime.date(2026, 1, 5)])
def test_the_stage_pages_show_is_the_old_status_and_going_back_restores_it(job_status, interview_on):
    if job_status in ("interview", "hired") and interview_on is None:
        interview_on = datetime.date(2026, 1, 5)  # these always had one
    referral_status = migration.referral_status_for(job_status, interview_on)
    outcome = migration.outcome_for(job_status)
    assert job_stage(referral_status, outcome) == job_status
    assert migration.job_status_for(referral_status, outcome) == job_status


def test_employer_answers_read_as_the_stages_the_sync_used_to_write():
    S = JobReferral.Stage
    assert job_stage("pending", "") == S.REFERRED
    assert job_stage("accepted", "") == S.INTERVIEW
    assert job_stage("completed", "hired") == S.HIRED
    assert job_stage("rejected", "not_hired") == S.NOT_HIRED
    assert job_stage("no_show", "not_hired") == S.NOT_HIRED
    assert job_stage("revoked", "") == S.WITHDRAWN
