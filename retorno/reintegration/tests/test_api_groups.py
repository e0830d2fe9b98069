"""Self-help groups (Club Migrantes) through the API: what the pages do, with the same permissions."""

import pytest

from retorno.reintegration import actions
from retorno.reintegration.models import GroupSession, SelfHelpGroup

pytestmark = pytest.mark.django_db
URL = "/api/v1/reintegration/groups"


def test_start_a_group_record_a_session_and_read_it_back(case, reintegration_officer, api_for):
    api = api_for(reintegration_officer)
    created = api.post(
        URL,
        {"name": "Club Migrantes Xela", "facilitator_id": reintegration_officer.pk, "municipality_code": "0901"},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    group = created.json()
    assert group["municipality_code"] == "0901" and group["facilitator_id"] == reintegration_officer.pk
    session = api.post(
        f"{URL}/{group['id']}/sessions",
        {"held_on": "2026-06-01", "topic": "employment", "notes": "Ferias de empleo", "attendee_case_ids": [case.pk]},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert session.status_code == 201, session.content
    assert session.json()["attendees"] == [
        {"case_id": case.pk, "person_id": case.person_id, "full_name": case.person.full_name}
    ]
    assert session.json()["topic_label"] == "Finding work"
    listed = api.get(URL).json()
    assert [g["name"] for g in listed] == ["Club Migrantes Xela"]
    detail = api.get(f"{URL}/{group['id']}").json()
    assert detail["sessions"][0]["topic"] == "employment"


def test_bad_input_names_the_field_and_saves_nothing(case, reintegration_officer, clerk, api_for):
    api = api_for(reintegration_officer)
    refused = api.post(URL, {"name": "Club", "facilitator_id": clerk.pk}, content_type="application/json")
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "facilitator_id"
    group = actions.group_create(
        actor=reintegration_officer, name="Club Migrantes Cobán", facilitator=reintegration_officer
    )
    bad = api.post(
        f"{URL}/{group.pk}/sessions",
        {"held_on": "2026-06-01", "topic": "not-a-topic"},
        content_type="application/json",
    )
    assert bad.status_code == 422
    closed_or_unknown = api.post(
        f"{URL}/{group.pk}/sessions",
        {"held_on": "2026-06-01", "topic": "family", "attendee_case_ids": [case.pk + 999]},
        content_type="application/json",
    )
    assert closed_or_unknown.status_code == 422
    assert closed_or_unknown.json()["errors"][0]["field"] == "attendee_case_ids"
    assert not GroupSession.objects.exists()
    assert SelfHelpGroup.objects.count() == 1


def test_access_denied(reintegration_officer, clerk, monitor, shelter_partner, api_for):
    group = actions.group_create(
        actor=reintegration_officer, name="Club Migrantes Jutiapa", facilitator=reintegration_officer
    )
    for outsider in (clerk, monitor, shelter_partner):
        api = api_for(outsider)
        assert api.get(URL).status_code == 403
        assert api.get(f"{URL}/{group.pk}").status_code == 403
        payload = {"name": "X", "facilitator_id": reintegration_officer.pk}
        assert api.post(URL, payload, content_type="application/json").status_code == 403
        session = {"held_on": "2026-06-01", "topic": "family"}
        assert api.post(f"{URL}/{group.pk}/sessions", session, content_type="application/json").status_code == 403
    assert SelfHelpGroup.objects.count() == 1 and not GroupSession.objects.exists()


def test_an_unknown_municipality_is_the_callers_mistake_422(reintegration_officer, employer_org, api_for):
    api = api_for(reintegration_officer)
    group = api.post(
        URL,
        {"name": "Club", "facilitator_id": reintegration_officer.pk, "municipality_code": "9999"},
        content_type="application/json",
    )
    assert group.status_code == 422, group.content
    assert "municipality_code" in group.content.decode()
    assert not SelfHelpGroup.objects.filter(name="Club").exists()
    vacancy = api.post(
        "/api/v1/reintegration/vacancies",
        {"employer_id": employer_org.pk, "title": "Cook", "sector": "culinary", "municipality": "9999"},
        content_type="application/json",
    )
    assert vacancy.status_code == 422, vacancy.content
    assert "municipality" in vacancy.content.decode()
