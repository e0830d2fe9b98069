"""The registry API: tokens, the same permission rules as the UI, 4xx for bad input."""

import json
import re

import pytest
from django.test import Client

from conftest import PASSWORD
from retorno.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

PERSON = {
    "given_names": "Ana María",
    "first_surname": "Pérez",
    "second_surname": "Cux",
    "sex": "F",
    "birth_date": "1999-12-31",
    "origin_municipality": "1201",
    "languages": ["es", "mam"],
}


def post_json(client, url, data, **extra):
    return client.post(
        url, json.dumps(data) if not isinstance(data, (str, bytes)) else data, content_type="application/json", **extra
    )


def test_token_then_me(clerk):
    response = post_json(Client(), "/api/v1/auth/token", {"username": "clerk", "password": PASSWORD})
    assert response.status_code == 200
    token = response.json()["token"]
    me = Client(HTTP_AUTHORIZATION=f"Bearer {token}").get("/api/v1/auth/me")
    assert me.json()["role"] == "reception"


def test_wrong_password_is_401_and_repeated_failures_429(clerk):
    client = Client()
    assert post_json(client, "/api/v1/auth/token", {"username": "clerk", "password": "x"}).status_code == 401
    for _ in range(5):
        post_json(client, "/api/v1/auth/token", {"username": "clerk", "password": "x"})
    assert post_json(client, "/api/v1/auth/token", {"username": "clerk", "password": PASSWORD}).status_code == 429


def test_no_token_is_401():
    assert Client().get("/api/v1/people/persons/1").status_code == 401


def test_revoked_token_stops_working(clerk):
    token = post_json(Client(), "/api/v1/auth/token", {"username": "clerk", "password": PASSWORD}).json()["token"]
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert client.delete("/api/v1/auth/token").status_code == 204
    assert client.get("/api/v1/auth/me").status_code == 401


def test_create_read_update_person(clerk, api_for):
    api = api_for(clerk)
    created = post_json(api, "/api/v1/people/persons", PERSON)
    assert created.status_code == 201, created.content
    pid = created.json()["id"]
    assert created.json()["origin_municipality"] == "1201"
    read = api.get(f"/api/v1/people/persons/{pid}")
    assert read.json()["second_surname"] == "Cux"
    assert AuditEvent.objects.filter(kind="view", person_id=pid, actor=clerk).exists()
    patched = api.patch(
        f"/api/v1/people/persons/{pid}", json.dumps({"second_surname": "Cux de León"}), content_type="application/json"
    )
    assert patched.json()["second_surname"] == "Cux de León"


def test_search_is_a_post_and_accent_blind(clerk, api_for, person):
    response = post_json(api_for(clerk), "/api/v1/people/persons/search", {"query": "XICARA jose"})
    assert [p["id"] for p in response.json()] == [person.pk]


@pytest.mark.parametrize("username", ["monitor", "administrator", "shelter", "employer"])
def test_roles_without_registry_access(username, all_personas, api_for, person):
    api = api_for(all_personas[username])
    assert api.get(f"/api/v1/people/persons/{person.pk}").status_code in (403, 404)
    assert post_json(api, "/api/v1/people/persons/search", {"query": "xicara"}).status_code == 403
    assert post_json(api, "/api/v1/people/persons", PERSON).status_code == 403


def test_psychologist_reads_but_may_not_create(psychologist, api_for, person):
    api = api_for(psychologist)
    assert api.get(f"/api/v1/people/persons/{person.pk}").status_code == 200
    assert post_json(api, "/api/v1/people/persons", PERSON).status_code == 403


def test_unknown_person_is_404(clerk, api_for):
    assert api_for(clerk).get("/api/v1/people/persons/999999").status_code == 404


class TestBadInput:
    def test_malformed_json(self, clerk, api_for):
        response = post_json(api_for(clerk), "/api/v1/people/persons", "{not json")
        assert 400 <= response.status_code < 500

    def test_wrong_types_and_unknown_fields_name_the_field_in_spanish(self, clerk, api_for):
        response = post_json(
            api_for(clerk),
            "/api/v1/people/persons",
            {**PERSON, "birth_date": "31/12/1999", "colour": "red"},
            HTTP_ACCEPT_LANGUAGE="es",
        )
        assert response.status_code == 422
        errors = {e["field"]: e["message"] for e in response.json()["errors"]}
        assert errors["birth_date"].startswith("Debe ser una fecha")
        assert errors["colour"] == "Campo desconocido."

    def test_english_when_asked(self, clerk, api_for):
        response = post_json(
            api_for(clerk), "/api/v1/people/persons", {"first_surname": "López"}, HTTP_ACCEPT_LANGUAGE="en"
        )
        assert "This field is required." in json.dumps(response.json())

    def test_oversized_payload(self, clerk, api_for, settings):
        settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
        response = post_json(api_for(clerk), "/api/v1/people/persons", {**PERSON, "given_names": "x" * 5000})
        assert response.status_code in (400, 413)

    def test_unknown_municipality(self, clerk, api_for):
        response = post_json(api_for(clerk), "/api/v1/people/persons", {**PERSON, "origin_municipality": "2239"})
        assert response.status_code == 422 and "2239" in response.json()["detail"]

    def test_blank_codes_mean_none(self, clerk, api_for):
        """A blank nationality or municipality is "none", as the document says (it was a server error)."""
        body = {**PERSON, "nationality": "", "origin_municipality": ""}
        response = post_json(api_for(clerk), "/api/v1/people/persons", body)
        assert response.status_code == 201, response.content
        assert response.json()["nationality"] is None and response.json()["origin_municipality"] is None

    def test_the_document_says_the_ine_pattern(self, client):
        schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
        municipality = schema["PersonIn"]["properties"]["origin_municipality"]
        pattern = next(p["pattern"] for p in municipality.get("anyOf", [municipality]) if "pattern" in p)
        assert re.match(pattern, "1215") and not re.match(pattern, "9999") and re.match(pattern, "")

    def test_not_an_object(self, clerk, api_for):
        assert post_json(api_for(clerk), "/api/v1/people/persons", "[1, 2]").status_code == 422


def test_consents_and_contacts(clerk, api_for, person):
    api = api_for(clerk)
    assert (
        post_json(
            api, f"/api/v1/people/persons/{person.pk}/consents", {"purpose": "follow_up", "given": True}
        ).status_code
        == 201
    )
    assert api.get(f"/api/v1/people/persons/{person.pk}/consents").json()[0]["given"] is True
    assert (
        post_json(
            api, f"/api/v1/people/persons/{person.pk}/contacts", {"kind": "phone", "value": "5555-0101"}
        ).status_code
        == 201
    )
    assert api.get(f"/api/v1/people/persons/{person.pk}/contacts").json()[0]["value"] == "5555-0101"


def test_accesses_for_managers_only(manager, clerk, api_for, person):
    api_for(clerk).get(f"/api/v1/people/persons/{person.pk}")
    accesses = api_for(manager).get(f"/api/v1/people/persons/{person.pk}/accesses").json()
    assert accesses[0]["username"] == "clerk"
    assert api_for(clerk).get(f"/api/v1/people/persons/{person.pk}/accesses").status_code == 403


def test_openapi_document(client):
    doc = client.get("/api/v1/openapi.json").json()
    assert doc["openapi"].startswith("3.")
    assert "/api/v1/people/persons/search" in doc["paths"]


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json()["status"] == "ok"
