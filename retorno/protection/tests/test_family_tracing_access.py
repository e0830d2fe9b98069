"""Who may read and write a minor's family tracing (the seal), and the same through the API."""

import json

import pytest
from django.urls import reverse
from django.utils import timezone

from retorno.audit.models import AuditEvent
from retorno.protection import actions
from retorno.protection.models import TracingRequest

pytestmark = pytest.mark.django_db

SEALED_NAME = "SELLO-Abuela-Tzoc-5521"
TODAY = timezone.localdate


@pytest.fixture
def traced(minor_case, protection_officer):
    request = actions.tracing_request_open(
        actor=protection_officer, case=minor_case, sought_name=SEALED_NAME, relationship="grandparent"
    )
    actions.tracing_step_add(
        actor=protection_officer, tracing_request=request, on=TODAY(), method="phone", result="no_answer"
    )
    return request


def _api(case_id: int, tail: str = "") -> str:
    return f"/api/v1/protection/cases/{case_id}/minor{tail}"


def test_reception_me_an_unassigned_manager_and_a_partner_read_nothing(
    traced, minor_case, clerk, monitor, manager, shelter_partner, psychologist, client_for, api_for
):
    section = reverse("protection:case_section", args=[minor_case.pk, "minor"])
    for user in (clerk, monitor, manager, shelter_partner, psychologist):
        page = client_for(user).get(section)
        assert page.status_code in (403, 404), user.username
        assert SEALED_NAME not in page.content.decode()
        api = api_for(user)
        for path in (_api(minor_case.pk), _api(minor_case.pk, f"/tracing-requests/{traced.pk}")):
            answer = api.get(path)
            assert answer.status_code in (403, 404), (user.username, path)
            assert SEALED_NAME not in answer.content.decode()
    assert not AuditEvent.objects.filter(kind=AuditEvent.Kind.VIEW, section="protection.minor").exists()


def test_nobody_outside_the_case_writes_to_it(traced, minor_case, clerk, monitor, manager, shelter_partner, api_for):
    for user in (clerk, monitor, manager, shelter_partner):
        api = api_for(user)
        steps = api.post(
            _api(minor_case.pk, f"/tracing-requests/{traced.pk}/steps"),
            {"on": TODAY().isoformat(), "method": "visit", "result": "lead"},
            content_type="application/json",
        )
        opened = api.post(
            _api(minor_case.pk, "/tracing-requests"),
            {"sought_name": "X", "relationship": "father"},
            content_type="application/json",
        )
        assert steps.status_code in (403, 404) and opened.status_code in (403, 404), user.username
    assert traced.steps.count() == 1 and TracingRequest.objects.count() == 1


def test_the_assigned_officer_and_a_supervisor_read_it_and_each_read_is_audited(
    traced, minor_case, protection_officer, protection_lead, client_for, api_for
):
    section = reverse("protection:case_section", args=[minor_case.pk, "minor"])
    assert SEALED_NAME in client_for(protection_lead).get(section).content.decode()
    answer = api_for(protection_officer).get(_api(minor_case.pk, f"/tracing-requests/{traced.pk}"))
    assert answer.status_code == 200 and answer.json()["sought_name"] == SEALED_NAME
    reads = AuditEvent.objects.filter(kind=AuditEvent.Kind.VIEW, section="protection.minor")
    assert sorted(reads.values_list("actor__username", "reason")) == [
        ("protection", "assigned"),
        ("protection_lead", "supervisor"),
    ]


def test_the_whole_course_through_the_api(minor_case, protection_officer, api_for):
    api = api_for(protection_officer)

    def post(tail, body, expected=201):
        answer = api.post(_api(minor_case.pk, tail), json.dumps(body), content_type="application/json")
        assert answer.status_code == expected, answer.content
        return answer.json()

    refused = post("/tracing-requests", {"sought_name": "Rosa", "relationship": "mother", "municipality": "9999"}, 422)
    assert refused["errors"][0]["field"] == "municipality"
    request = post(
        "/tracing-requests",
        {"sought_name": "Rosa Ramos", "relationship": "mother", "municipality": "0801", "phone": "5512 3344"},
    )
    assert (request["status"], request["department"], request["municipality"]) == ("open", "08", "0801")
    step = post(
        f"/tracing-requests/{request['id']}/steps",
        {"on": TODAY().isoformat(), "method": "consulate", "result": "located"},
    )
    assert step["by"] == "protection"
    located = post(f"/tracing-requests/{request['id']}/status", {"status": "located", "outcome": "Localizada"}, 200)
    assert located["status"] == "located" and [h["new"] for h in located["history"]] == ["open", "located"]
    checklist = {
        "assessed_on": TODAY().isoformat(),
        "safety": 2,
        "willingness": 2,
        "capacity": 2,
        "child_view_heard": True,
        "risks_found": False,
    }
    against = post(
        "/family-assessments", {**checklist, "tracing_request_id": request["id"], "recommendation": "do_not_reunify"}
    )
    handover = {
        "stage": "handover_guardian",
        "document_checked": True,
        "document_number": "245678",
        "authorised_by": "PGN",
    }
    refused = post("/custody", {**handover, "assessment_id": against["id"]}, 422)
    assert [e["field"] for e in refused["errors"]] == ["assessment"]
    assessment = post(
        "/family-assessments", {**checklist, "tracing_request_id": request["id"], "recommendation": "reunify"}
    )
    assert (assessment["caregiver_name"], assessment["score"]) == ("Rosa Ramos", 6)
    event = post("/custody", {**handover, "assessment_id": assessment["id"]})
    assert (event["guardian_name"], event["assessment_id"]) == ("Rosa Ramos", assessment["id"])
    visit = post("/visits", {"scheduled_on": TODAY().isoformat()})
    due = api.get("/api/v1/protection/visits-due").json()
    assert [(d["id"], d["case_id"]) for d in due] == [(visit["id"], minor_case.pk)]
    done = post(f"/visits/{visit['id']}/record", {"done_on": TODAY().isoformat(), "wellbeing": 3}, 200)
    assert done["visitor"] == "protection" and done["wellbeing"] == 3
    assert api.get("/api/v1/protection/visits-due").json() == []
    whole = api.get(_api(minor_case.pk)).json()
    assert [r["sought_name"] for r in whole["tracing_requests"]] == ["Rosa Ramos"]
    assert len(whole["family_assessments"]) == 2 and whole["visits"][0]["done_on"] == TODAY().isoformat()
    assert whole["handover_recorded"] is True


def test_an_assessment_of_another_case_cannot_carry_a_handover(minor_case, protection_officer, clerk, api_for):
    from retorno.people.actions import person_create

    boy = person_create(
        actor=clerk, given_names="Kevin", first_surname="Tum", sex="M", birth_date=TODAY().replace(year=2012)
    )
    other = actions.referral_take(
        actor=protection_officer,
        referral=actions.protection_referral_receive(actor=clerk, person=boy, unaccompanied_minor=True),
    )
    elsewhere = actions.family_assessment_record(
        actor=protection_officer,
        case=other,
        caregiver_name="Rosa",
        relationship="mother",
        assessed_on=TODAY(),
        safety=2,
        willingness=2,
        capacity=2,
        child_view_heard=True,
        risks_found=False,
        recommendation="reunify",
    )
    answer = api_for(protection_officer).post(
        _api(minor_case.pk, "/custody"),
        {
            "stage": "handover_guardian",
            "guardian_name": "Rosa",
            "relationship": "mother",
            "document_checked": True,
            "document_number": "1",
            "authorised_by": "PGN",
            "assessment_id": elsewhere.pk,
        },
        content_type="application/json",
    )
    assert answer.status_code == 422
    assert not minor_case.custody_events.filter(stage="handover_guardian").exists()


def test_the_worklist_is_refused_to_roles_without_the_protection_home(clerk, monitor, shelter_partner, api_for):
    for user in (clerk, monitor, shelter_partner):
        assert api_for(user).get("/api/v1/protection/visits-due").status_code == 403


def test_the_protection_home_lists_the_visits_due(minor_case, protection_officer, client_for):
    assessment = actions.family_assessment_record(
        actor=protection_officer,
        case=minor_case,
        caregiver_name="Rosa",
        relationship="mother",
        assessed_on=TODAY(),
        safety=2,
        willingness=2,
        capacity=2,
        child_view_heard=True,
        risks_found=False,
        recommendation="reunify",
    )
    actions.custody_record(
        actor=protection_officer,
        case=minor_case,
        stage="handover_guardian",
        assessment=assessment,
        document_checked=True,
        document_number="1",
        authorised_by="PGN",
    )
    actions.visit_schedule(actor=protection_officer, case=minor_case, scheduled_on=TODAY())
    html = client_for(protection_officer).get(reverse("protection:index"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Visitas de seguimiento pendientes" in html
    assert reverse("protection:case_section", args=[minor_case.pk, "minor"]) in html
