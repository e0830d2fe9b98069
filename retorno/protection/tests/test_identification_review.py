"""A concluded identification can be read back by those allowed: answers, result, who, when (audited)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from retorno.audit.models import AuditEvent
from retorno.protection import actions

pytestmark = pytest.mark.django_db


@pytest.fixture
def concluded(victim_case, protection_officer):
    running = actions.identification_start(actor=protection_officer, case=victim_case)
    actions.identification_save_answers(
        actor=protection_officer,
        identification=running,
        answers={"rec_offer": "yes", "rec_family": "no", "exp_hours": "yes", "dec_debt": "yes"},
    )
    return actions.identification_conclude(actor=protection_officer, identification=running, result="probable")


def test_case_page_lists_the_concluded_interview_with_labels_not_codes(
    concluded, victim_case, protection_officer, client_for
):
    page = client_for(protection_officer).get(
        reverse("protection:case_section", args=[victim_case.pk, "identification"]), HTTP_ACCEPT_LANGUAGE="es"
    )
    html = page.content.decode()
    assert reverse("protection:identification_review", args=[victim_case.pk, concluded.pk]) in html
    assert "Sugerido" not in html  # no suggestion shown when nothing is running
    assert "0 de 18" not in html


def test_review_shows_answers_result_who_and_when_and_is_audited(
    concluded, victim_case, protection_officer, client_for
):
    client = client_for(protection_officer)
    url = reverse("protection:identification_review", args=[victim_case.pk, concluded.pk])
    html = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Probable victim" in html
    assert "Before you left, did someone offer you a job" in html
    assert ">Yes<" in html and "No" in html
    assert timezone.localtime(concluded.decided_at).strftime("%d/%m/%Y %H:%M") in html
    assert protection_officer.get_full_name() in html
    assert "4 of 18 questions answered" in html
    assert AuditEvent.objects.filter(section="protection.identification_review", actor=protection_officer).exists()


def test_review_is_refused_to_those_outside_the_case(
    concluded, victim_case, clerk, psychologist, other_manager, client_for
):
    url = reverse("protection:identification_review", args=[victim_case.pk, concluded.pk])
    for user in (clerk, psychologist, other_manager):
        assert client_for(user).get(url).status_code in (403, 404)


def test_review_api(concluded, victim_case, protection_officer, clerk, api_for):
    url = f"/api/v1/protection/cases/{victim_case.pk}/identifications/{concluded.pk}"
    body = api_for(protection_officer).get(url, HTTP_ACCEPT_LANGUAGE="en").json()
    assert body["result"] == "probable" and body["result_label"] == "Probable victim"
    assert body["decided_by"] == protection_officer.username and body["decided_at"]
    first = body["questions"][0]
    assert (first["code"], first["answer"], first["answer_label"], first["signals"]) == (
        "rec_offer",
        "yes",
        "Yes",
        True,
    )
    assert len(body["questions"]) == 18
    assert api_for(clerk).get(url).status_code == 404
