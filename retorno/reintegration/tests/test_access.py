"""Who may use each page and endpoint: reintegration officers and managers; nobody else sees a case."""

import datetime
import json
from decimal import Decimal

import pytest
from django.urls import reverse

from retorno.reintegration import actions
from retorno.reintegration.models import DocumentRequest

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()
OUTSIDERS = ["clerk", "psychologist", "protection", "monitor", "administrator", "shelter", "employer"]


@pytest.fixture
def world(case, course, vacancy, budget_line, reintegration_officer, manager, consenting):
    doc = actions.document_request(actor=reintegration_officer, case=case, kind="dpi")
    enrolment = actions.enrolment_create(actor=reintegration_officer, case=case, course=course, starts_on=TODAY)
    job = actions.job_referral_create(actor=reintegration_officer, case=case, vacancy=vacancy)
    goal = actions.goal_add(actor=reintegration_officer, case=case, area="documents", description="DPI")
    grant = actions.grant_draft(
        actor=reintegration_officer,
        case=case,
        business_name="Taller",
        sector="mechanics",
        description="Taller mecánico",
        budget=Decimal("5000"),
        amount_requested=Decimal("3000"),
    )
    actions.grant_set_status(actor=reintegration_officer, grant=grant, status="submitted")
    actions.grant_set_status(actor=manager, grant=grant, status="approved")
    tranche = actions.tranche_plan(actor=reintegration_officer, grant=grant, amount=Decimal("1000"), planned_on=TODAY)
    followup = actions.followups_on_arrival(
        actor=reintegration_officer, person=consenting, arrived_on=case.returned_on
    )[0]
    group = actions.group_create(
        actor=reintegration_officer, name="Club Migrantes Zona 1", facilitator=reintegration_officer
    )
    return {
        "case": case,
        "doc": doc,
        "enrolment": enrolment,
        "job": job,
        "goal": goal,
        "grant": grant,
        "tranche": tranche,
        "followup": followup,
        "group": group,
        "line": budget_line,
        "vacancy": vacancy,
        "person": consenting,
    }


def page_urls(w):
    return [
        reverse("reintegration:worklist"),
        reverse("reintegration:cases"),
        reverse("reintegration:case", args=[w["case"].pk]),
        reverse("reintegration:case_open", args=[w["person"].pk]),
        reverse("reintegration:grant", args=[w["grant"].pk]),
        reverse("reintegration:job_referral", args=[w["job"].pk]),
        reverse("reintegration:grant_new", args=[w["case"].pk]),
        reverse("reintegration:followup", args=[w["followup"].pk]),
        reverse("reintegration:courses"),
        reverse("reintegration:vacancies"),
        reverse("reintegration:groups"),
        reverse("reintegration:group", args=[w["group"].pk]),
    ]


def post_urls(w):
    c = w["case"].pk
    return [
        reverse("reintegration:case_status", args=[c]),
        reverse("reintegration:case_assign", args=[c]),
        reverse("reintegration:case_plan", args=[c]),
        reverse("reintegration:goal_add", args=[c]),
        reverse("reintegration:goal_status", args=[w["goal"].pk]),
        reverse("reintegration:document_add", args=[c]),
        reverse("reintegration:document_status", args=[w["doc"].pk]),
        reverse("reintegration:enrolment_add", args=[c]),
        reverse("reintegration:enrolment_status", args=[w["enrolment"].pk]),
        reverse("reintegration:enrolment_attendance", args=[w["enrolment"].pk]),
        reverse("reintegration:job_referral_add", args=[c]),
        reverse("reintegration:job_referral_status", args=[w["job"].pk]),
        reverse("reintegration:job_referral_link", args=[w["job"].pk]),
        reverse("reintegration:payment_add", args=[c]),
        reverse("reintegration:grant_status", args=[w["grant"].pk]),
        reverse("reintegration:tranche_add", args=[w["grant"].pk]),
        reverse("reintegration:tranche_status", args=[w["tranche"].pk]),
        reverse("reintegration:equipment_add", args=[w["grant"].pk]),
        reverse("reintegration:followup_attempt", args=[w["followup"].pk]),
        reverse("reintegration:followup_outcome", args=[w["followup"].pk]),
        reverse("reintegration:followup_status", args=[w["followup"].pk]),
        reverse("reintegration:followup_take", args=[w["followup"].pk]),
        reverse("reintegration:vacancy_open", args=[w["vacancy"].pk]),
        reverse("reintegration:courses"),
        reverse("reintegration:vacancies"),
        reverse("reintegration:groups"),
        reverse("reintegration:group", args=[w["group"].pk]),
        reverse("funding:line_change", args=[w["line"].pk]),
    ]


def api_gets(w):
    c = w["case"].pk
    return [
        "/api/v1/reintegration/cases",
        f"/api/v1/reintegration/cases/{c}",
        f"/api/v1/reintegration/cases/{c}/goals",
        f"/api/v1/reintegration/cases/{c}/documents",
        f"/api/v1/reintegration/cases/{c}/enrolments",
        f"/api/v1/reintegration/cases/{c}/job-referrals",
        f"/api/v1/reintegration/job-referrals/{w['job'].pk}",
        f"/api/v1/reintegration/cases/{c}/grants",
        f"/api/v1/reintegration/cases/{c}/payments",
        f"/api/v1/reintegration/grants/{w['grant'].pk}/tranches",
        "/api/v1/reintegration/courses",
        "/api/v1/reintegration/vacancies",
        "/api/v1/reintegration/budget-lines",
        "/api/v1/reintegration/followups",
        f"/api/v1/reintegration/followups/{w['followup'].pk}",
        "/api/v1/reintegration/rss/questions",
    ]


def api_posts(w):
    c = w["case"].pk
    return [
        ("/api/v1/reintegration/cases", {"person_id": w["person"].pk, "returned_on": str(TODAY)}),
        (f"/api/v1/reintegration/cases/{c}/status", {"status": "closed", "reason": "x"}),
        (f"/api/v1/reintegration/cases/{c}/plan", {"agreed_on": str(TODAY)}),
        (f"/api/v1/reintegration/cases/{c}/goals", {"area": "other", "description": "x"}),
        (f"/api/v1/reintegration/goals/{w['goal'].pk}/status", {"status": "achieved"}),
        (f"/api/v1/reintegration/cases/{c}/documents", {"kind": "dpi"}),
        (f"/api/v1/reintegration/documents/{w['doc'].pk}/status", {"status": "submitted"}),
        (
            f"/api/v1/reintegration/cases/{c}/enrolments",
            {"course_id": w["enrolment"].course_id, "starts_on": str(TODAY)},
        ),
        (f"/api/v1/reintegration/enrolments/{w['enrolment'].pk}/status", {"status": "attending"}),
        (
            f"/api/v1/reintegration/enrolments/{w['enrolment'].pk}/attendance",
            {"sessions_total": 1, "sessions_attended": 1},
        ),
        ("/api/v1/reintegration/vacancies", {"employer_id": w["vacancy"].employer_id, "title": "x", "sector": "other"}),
        (f"/api/v1/reintegration/cases/{c}/job-referrals", {"vacancy_id": w["vacancy"].pk}),
        (f"/api/v1/reintegration/job-referrals/{w['job'].pk}/status", {"status": "interview"}),
        (f"/api/v1/reintegration/job-referrals/{w['job'].pk}/link", {"days_valid": 3}),
        (
            f"/api/v1/reintegration/cases/{c}/grants",
            {"business_name": "x", "sector": "other", "description": "d", "budget": "10", "amount_requested": "5"},
        ),
        (f"/api/v1/reintegration/grants/{w['grant'].pk}/status", {"status": "cancelled", "note": "x"}),
        (f"/api/v1/reintegration/grants/{w['grant'].pk}/tranches", {"amount": "10", "planned_on": str(TODAY)}),
        (
            f"/api/v1/reintegration/tranches/{w['tranche'].pk}/status",
            {"status": "paid", "budget_line_id": w["line"].pk},
        ),
        (
            f"/api/v1/reintegration/cases/{c}/payments",
            {"budget_line_id": w["line"].pk, "amount": "5", "purpose": "transport"},
        ),
        (f"/api/v1/reintegration/followups/{w['followup'].pk}/attempts", {"channel": "phone", "reached": True}),
        (
            f"/api/v1/reintegration/followups/{w['followup'].pk}/outcome",
            {"working": "none", "income_band": "none", "intends_to_migrate": "no"},
        ),
        (f"/api/v1/reintegration/followups/{w['followup'].pk}/status", {"status": "cancelled", "reason": "x"}),
    ]


@pytest.mark.parametrize("username", OUTSIDERS)
def test_outsiders_get_no_page(username, world, all_personas, client_for):
    client = client_for(all_personas[username])
    for url in page_urls(world):
        assert client.get(url).status_code == 403, url
    for url in post_urls(world):
        assert client.post(url, {"status": "closed", "reason": "x"}).status_code == 403, url
    assert DocumentRequest.objects.count() == 1 and world["case"].status == "open"


@pytest.mark.parametrize("username", OUTSIDERS)
def test_outsiders_get_no_endpoint(username, world, all_personas, api_for):
    api = api_for(all_personas[username])
    for url in api_gets(world):
        assert api.get(url).status_code == 403, url
    for url, body in api_posts(world):
        assert api.post(url, json.dumps(body), content_type="application/json").status_code == 403, url
    assert DocumentRequest.objects.count() == 1


@pytest.mark.parametrize("username", ["reintegration", "manager"])
def test_officers_and_managers_see_every_page(username, world, all_personas, client_for):
    client = client_for(all_personas[username])
    for url in page_urls(world):
        response = client.get(url)
        assert response.status_code == 200, url
    case_page = client.get(reverse("reintegration:case", args=[world["case"].pk])).content.decode()
    for text in ("José Luis Xicará Tzul", "DPI (RENAP)", "Panadería", "Agente bilingüe", "Taller"):
        assert text in case_page


@pytest.mark.parametrize("username", ["reintegration", "manager"])
def test_officers_and_managers_read_every_endpoint(username, world, all_personas, api_for):
    api = api_for(all_personas[username])
    for url in api_gets(world):
        assert api.get(url).status_code == 200, url


def test_manager_pages_are_for_managers(world, reintegration_officer, manager, client_for):
    officer = client_for(reintegration_officer)
    for name in ("funding:budgets", "reintegration:grants"):
        assert officer.get(reverse(name)).status_code == 403
        assert client_for(manager).get(reverse(name)).status_code == 200
    # The old address of the budgets page leads to the programme ledger's.
    assert client_for(manager).get(reverse("reintegration:budgets")).url == reverse("funding:budgets")
    budgets = client_for(manager).get(reverse("funding:budgets")).content.decode()
    assert "USAID-DOC" in budgets and "Q1,000.00" in budgets  # the one money format (retorno.lib.money)


def test_me_sees_figures_without_names(world, monitor, client_for, api_for, clerk):
    page = client_for(monitor).get(reverse("reintegration:figures"))
    assert page.status_code == 200
    assert "Xicará" not in page.content.decode()
    body = api_for(monitor).get("/api/v1/reintegration/figures")
    assert body.status_code == 200 and body.json()["cases"]["total"] == 1 and "Xicará" not in body.content.decode()
    assert client_for(clerk).get(reverse("reintegration:figures")).status_code == 403
    assert api_for(clerk).get("/api/v1/reintegration/figures").status_code == 403


def test_unknown_objects_answer_404(reintegration_officer, client_for, api_for, db):
    assert client_for(reintegration_officer).get(reverse("reintegration:case", args=[999])).status_code == 404
    assert api_for(reintegration_officer).get("/api/v1/reintegration/cases/999").status_code == 404
    assert api_for(reintegration_officer).get("/api/v1/reintegration/followups/999").status_code == 404
    assert client_for(reintegration_officer).get(reverse("reintegration:job_referral", args=[999])).status_code == 404
    assert api_for(reintegration_officer).get("/api/v1/reintegration/job-referrals/999").status_code == 404
    assert (
        api_for(reintegration_officer)
        .post("/api/v1/reintegration/job-referrals/999/link", "{}", content_type="application/json")
        .status_code
        == 404
    )


def test_profile_panel_offers_a_case_only_to_reintegration(consenting, reintegration_officer, clerk, client_for):
    url = reverse("people:detail", args=[consenting.pk])
    assert (
        reverse("reintegration:case_open", args=[consenting.pk])
        in client_for(reintegration_officer).get(url).content.decode()
    )
    assert reverse("reintegration:case_open", args=[consenting.pk]) not in client_for(clerk).get(url).content.decode()


def test_the_actions_refuse_writers_without_reintegration_rights(world, case, clerk, monitor, consenting):
    """The actions check the permission themselves, not only the pages and endpoints in front of them."""
    from django.core.exceptions import PermissionDenied

    writes = [
        lambda actor: actions.goal_add(actor=actor, case=case, area="documents", description="DPI"),
        lambda actor: actions.case_set_status(actor=actor, case=case, status="closed", reason="x"),
        lambda actor: actions.document_request(actor=actor, case=case, kind="dpi"),
        lambda actor: actions.document_set_status(actor=actor, document=world["doc"], status="submitted"),
        lambda actor: actions.enrolment_record_attendance(
            actor=actor, enrolment=world["enrolment"], sessions_total=2, sessions_attended=1
        ),
        lambda actor: actions.job_referral_set_status(actor=actor, job_referral=world["job"], status="interview"),
        lambda actor: actions.vacancy_set_open(actor=actor, vacancy=world["job"].vacancy, is_open=False),
        lambda actor: actions.tranche_plan(actor=actor, grant=world["grant"], amount=Decimal("1"), planned_on=TODAY),
        lambda actor: actions.followup_attempt(actor=actor, followup=world["followup"], channel="phone", reached=False),
        lambda actor: actions.followup_set_status(
            actor=actor, followup=world["followup"], status="cancelled", reason="x"
        ),
        lambda actor: actions.group_create(actor=actor, name="Club", facilitator=actor),
    ]
    for actor in (clerk, monitor):
        for write in writes:
            with pytest.raises(PermissionDenied):
                write(actor)
    case.refresh_from_db()
    assert case.status == "open" and case.goals_set.count() == 1
