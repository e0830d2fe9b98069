"""The pages do what an officer expects: forms call the actions and report back."""

import datetime
import json

import pytest
from django.urls import reverse

from retorno.reintegration import actions
from retorno.reintegration.models import BusinessGrant, FollowUp, Payment, ReintegrationCase

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


def test_open_case_form_refuses_without_consent(person, reintegration_officer, client_for):
    client = client_for(reintegration_officer)
    response = client.post(
        reverse("reintegration:case_open", args=[person.pk]),
        {"returned_on": TODAY, "officer": reintegration_officer.pk},
    )
    assert response.status_code == 200 and not ReintegrationCase.objects.exists()
    assert "consent" in response.content.decode() or "consentimiento" in response.content.decode()


def test_open_case_form_opens_a_case(consenting, reintegration_officer, client_for):
    response = client_for(reintegration_officer).post(
        reverse("reintegration:case_open", args=[consenting.pk]),
        {"returned_on": TODAY, "officer": reintegration_officer.pk, "goals": "Empleo"},
    )
    case = ReintegrationCase.objects.get()
    assert response.status_code == 302 and response.url == reverse("reintegration:case", args=[case.pk])


def test_document_request_and_status_from_the_case_page(case, reintegration_officer, client_for):
    client = client_for(reintegration_officer)
    client.post(reverse("reintegration:document_add", args=[case.pk]), {"kind": "birth_certificate"})
    doc = case.documents.get()
    client.post(
        reverse("reintegration:document_status", args=[doc.pk]), {"status": "issued"}
    )  # illegal: still requested
    doc.refresh_from_db()
    assert doc.status == "requested"
    client.post(reverse("reintegration:document_status", args=[doc.pk]), {"status": "submitted", "on": TODAY})
    doc.refresh_from_db()
    assert doc.status == "submitted" and doc.submitted_on == TODAY


def test_payment_over_budget_is_refused_on_the_page(case, budget_line, reintegration_officer, client_for):
    response = client_for(reintegration_officer).post(
        reverse("reintegration:payment_add", args=[case.pk]),
        {"budget_line": budget_line.pk, "amount": "1500", "purpose": "documents", "paid_on": TODAY},
        follow=True,
    )
    assert not Payment.objects.exists()
    assert "USAID-DOC" in response.content.decode()


def test_grant_drafter_cannot_approve_on_the_page(case, manager, second_manager, client_for):
    client = client_for(manager)
    client.post(
        reverse("reintegration:grant_new", args=[case.pk]),
        {
            "business_name": "Comedor",
            "sector": "culinary",
            "description": "Comida",
            "budget": "4000",
            "amount_requested": "3000",
        },
    )
    grant = BusinessGrant.objects.get()
    client.post(reverse("reintegration:grant_status", args=[grant.pk]), {"status": "submitted"})
    client.post(reverse("reintegration:grant_status", args=[grant.pk]), {"status": "approved"})
    grant.refresh_from_db()
    assert grant.status == "submitted"
    assert "Comedor" in client.get(reverse("reintegration:grants")).content.decode()
    client_for(second_manager).post(reverse("reintegration:grant_status", args=[grant.pk]), {"status": "approved"})
    grant.refresh_from_db()
    assert grant.status == "approved" and grant.reviewed_by == second_manager


def test_worklist_and_outcome_form(case, consenting, reintegration_officer, client_for):
    actions.followups_on_arrival(actor=reintegration_officer, person=consenting, arrived_on=case.returned_on)
    client = client_for(reintegration_officer)
    followup = FollowUp.objects.order_by("due_on").first()
    assert (
        reverse("reintegration:followup", args=[followup.pk])
        in client.get(reverse("reintegration:worklist")).content.decode()
    )
    client.post(reverse("reintegration:followup_attempt", args=[followup.pk]), {"channel": "in_person", "reached": "1"})
    client.post(
        reverse("reintegration:followup_outcome", args=[followup.pk]),
        {
            "working": "formal",
            "income_band": "3000_5000",
            "intends_to_migrate": "no",
            "still_with_employer": "1",
            "rss_econ_work": "yes",
            "rss_econ_borrow": "yes",
            "rss_econ_food": "never",
        },
    )
    followup.refresh_from_db()
    assert followup.status == "done" and followup.outcome.economic_score == 1.0
    assert followup.outcome.rss_answers == {"econ_work": "yes", "econ_borrow": "yes", "econ_food": "never"}


def test_group_session_form(case, reintegration_officer, client_for):
    group = actions.group_create(
        actor=reintegration_officer, name="Club Migrantes Mixco", facilitator=reintegration_officer
    )
    client_for(reintegration_officer).post(
        reverse("reintegration:group", args=[group.pk]),
        {"held_on": TODAY, "topic": "success_stories", "attendees": [case.pk]},
    )
    assert group.sessions.get().attendees.get() == case


def test_api_case_flow_and_budget_limit(consenting, budget_line, reintegration_officer, manager, api_for):
    api = api_for(reintegration_officer)
    post = lambda url, body, client=api: client.post(url, json.dumps(body), content_type="application/json")  # noqa: E731
    created = post("/api/v1/reintegration/cases", {"person_id": consenting.pk, "returned_on": str(TODAY)})
    assert created.status_code == 201 and created.json()["status"] == "open"
    case_id = created.json()["id"]
    doc = post(f"/api/v1/reintegration/cases/{case_id}/documents", {"kind": "dpi"}).json()
    assert doc["issuer"]["name"] == "RENAP"
    illegal = post(f"/api/v1/reintegration/documents/{doc['id']}/status", {"status": "issued"})
    assert illegal.status_code == 422
    assert post(f"/api/v1/reintegration/cases/{case_id}/status", {"status": "bogus"}).status_code == 422
    too_much = {"budget_line_id": budget_line.pk, "amount": "1200", "purpose": "documents", "document_id": doc["id"]}
    assert post(f"/api/v1/reintegration/cases/{case_id}/payments", too_much).status_code == 422
    assert (
        post(f"/api/v1/reintegration/cases/{case_id}/payments", {**too_much, "override_reason": "x"}).status_code == 403
    )
    ok = post(
        f"/api/v1/reintegration/cases/{case_id}/payments",
        {**too_much, "override_reason": "Emergencia"},
        api_for(manager),
    )
    assert ok.status_code == 201 and ok.json()["overridden"] is True
    assert (
        post("/api/v1/reintegration/cases", {"person_id": consenting.pk, "returned_on": str(TODAY), "x": 1}).status_code
        == 422
    )


def test_api_outcome_returns_scores(case, consenting, reintegration_officer, api_for):
    followup = actions.followups_on_arrival(
        actor=reintegration_officer, person=consenting, arrived_on=case.returned_on
    )[0]
    api = api_for(reintegration_officer)
    api.post(
        f"/api/v1/reintegration/followups/{followup.pk}/attempts",
        json.dumps({"channel": "phone", "reached": True}),
        content_type="application/json",
    )
    answers = {"psy_belonging": "strongly_agree", "psy_support": "yes", "psy_distress": "never"}
    response = api.post(
        f"/api/v1/reintegration/followups/{followup.pk}/outcome",
        json.dumps(
            {
                "working": "informal",
                "income_band": "lt1500",
                "intends_to_migrate": "yes",
                "living_in": "1301",
                "rss_answers": answers,
            }
        ),
        content_type="application/json",
    )
    assert response.status_code == 201
    outcome = response.json()["outcome"]
    assert outcome["psychosocial_score"] == 1.0 and outcome["economic_score"] is None and outcome["living_in"] == "1301"
    assert outcome["rss_answers"] == answers
    bad = api.post(
        f"/api/v1/reintegration/followups/{followup.pk}/outcome",
        json.dumps(
            {
                "working": "none",
                "income_band": "none",
                "intends_to_migrate": "no",
                "rss_answers": {"econ_work": "maybe"},
            }
        ),
        content_type="application/json",
    )
    assert bad.status_code == 422


def test_vacancy_needs_an_employer(reintegration_officer, intecap, api_for):
    response = api_for(reintegration_officer).post(
        "/api/v1/reintegration/vacancies",
        json.dumps({"employer_id": intecap.pk, "title": "x", "sector": "other"}),
        content_type="application/json",
    )
    assert response.status_code == 422
