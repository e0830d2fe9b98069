"""Bad input found by fuzzing (issue 10, item 13): 422 naming the field, never 500, nothing saved."""

import json

import pytest

from retorno.referrals.models import Shelter

pytestmark = pytest.mark.django_db


def send(client, method: str, path: str, body: dict):
    return getattr(client, method)(path, json.dumps(body), content_type="application/json")


def fields(response) -> set[str]:
    return {e["field"] for e in response.json().get("errors", [])}


@pytest.mark.parametrize("kind", ["partners", "shelters"])
def test_patch_with_a_number_for_a_flag_and_empty_places(kind, manager, shelter, api_for):
    obj_id = shelter.partner_id if kind == "partners" else shelter.pk
    body = {"is_active": 0, "municipality": ""} | ({"department": ""} if kind == "partners" else {})
    response = send(api_for(manager), "patch", f"/api/v1/referrals/{kind}/{obj_id}", body)
    assert response.status_code == 422 and "is_active" in fields(response)


@pytest.mark.parametrize("kind", ["partners", "shelters"])
def test_blank_place_codes_mean_none_as_elsewhere(kind, manager, shelter, api_for):
    obj_id = shelter.partner_id if kind == "partners" else shelter.pk
    body = {"municipality": ""} | ({"department": ""} if kind == "partners" else {})
    response = send(api_for(manager), "patch", f"/api/v1/referrals/{kind}/{obj_id}", body)
    assert response.status_code == 200, response.content
    assert response.json()["municipality"] is None


@pytest.mark.parametrize("code", ["0000", "23", "9999", "1a01"])
def test_a_code_outside_the_ine_pattern_is_refused_by_name(code, manager, shelter, api_for):
    field = "department" if len(code) == 2 else "municipality"
    response = send(api_for(manager), "patch", f"/api/v1/referrals/partners/{shelter.partner_id}", {field: code})
    assert response.status_code == 422 and field in fields(response)


def test_create_shelter_with_the_same_body(manager, shelter, api_for):
    before = Shelter.objects.count()
    body = {"partner_id": shelter.partner_id, "name": "Otro", "is_active": 0}
    response = send(api_for(manager), "post", "/api/v1/referrals/shelters", body)
    assert response.status_code == 422 and "is_active" in fields(response)
    assert Shelter.objects.count() == before
    body = {"partner_id": shelter.partner_id, "name": "Otro", "municipality": ""}
    response = send(api_for(manager), "post", "/api/v1/referrals/shelters", body)
    assert response.status_code == 201, response.content
    assert response.json()["municipality"] is None


def test_null_still_clears_a_place(manager, shelter, api_for):
    response = send(api_for(manager), "patch", f"/api/v1/referrals/shelters/{shelter.pk}", {"municipality": None})
    assert response.status_code == 200 and response.json()["municipality"] is None
