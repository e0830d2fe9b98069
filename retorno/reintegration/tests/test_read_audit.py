"""Every page and endpoint that shows a person's reintegration record writes exactly one read audit row,
written by the query that fetches it (``*_get_for(..., section=...)``)."""

import datetime

import pytest
from django.urls import reverse

from retorno.audit.models import AuditEvent
from retorno.reintegration import actions
from retorno.reintegration.models import FollowUpTrigger

pytestmark = pytest.mark.django_db


def _views_since(last: int) -> list[tuple[str, str]]:
    rows = AuditEvent.objects.filter(kind="view", pk__gt=last)
    return list(rows.values_list("object_id", "section"))


def _last() -> int:
    return AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def test_each_page_and_endpoint_writes_one_read_row(case, vacancy, reintegration_officer, manager, client_for, api_for):
    job = actions.job_referral_create(actor=reintegration_officer, case=case, vacancy=vacancy)
    grant = actions.grant_draft(
        actor=manager,
        case=case,
        business_name="Comedor",
        sector="culinary",
        description="Comida",
        budget=4000,
        amount_requested=3000,
    )
    followup = actions.followups_schedule(
        actor=reintegration_officer,
        person=case.person,
        trigger=FollowUpTrigger.ARRIVAL,
        base_date=datetime.date.today(),
        case=case,
    )[0]
    page, api = client_for(reintegration_officer), api_for(reintegration_officer)
    pages = [
        (case, reverse("reintegration:case", args=[case.pk]), "reintegration"),
        (job, reverse("reintegration:job_referral", args=[job.pk]), "reintegration"),
        (grant, reverse("reintegration:grant", args=[grant.pk]), "reintegration.grant"),
        (followup, reverse("reintegration:followup", args=[followup.pk]), "reintegration.followup"),
    ]
    for obj, url, section in pages:
        last = _last()
        assert page.get(url).status_code == 200, url
        assert _views_since(last) == [(str(obj.pk), section)], url
    endpoints = [
        (case, f"/api/v1/reintegration/cases/{case.pk}", "reintegration"),
        (job, f"/api/v1/reintegration/job-referrals/{job.pk}", "reintegration"),
        (followup, f"/api/v1/reintegration/followups/{followup.pk}", "reintegration.followup"),
    ]
    for obj, url, section in endpoints:
        last = _last()
        assert api.get(url).status_code == 200, url
        assert _views_since(last) == [(str(obj.pk), section)], url
