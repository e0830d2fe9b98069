"""/api/v1/reports/: catalogue, run, export, saved definitions, public release."""

import pytest

from retorno.reports.tests.fixtures import build

BODY = {
    "indicators": ["reception.persons_received"],
    "breakdowns": ["flight_kind"],
    "start": "2026-01-01",
    "end": "2026-12-31",
}


@pytest.fixture
def programme_2026(clerk):
    return build(clerk)


def post(client, url, body):
    return client.post(url, body, content_type="application/json")


@pytest.mark.django_db
def test_catalogue_in_both_languages(api_for, monitor, clerk):
    answer = api_for(monitor).get("/api/v1/reports/indicators")
    assert answer.status_code == 200
    received = next(i for i in answer.json() if i["id"] == "reception.persons_received")
    assert received["name_en"] == "Persons received" and received["name_es"] != ""
    assert "age_band" in received["breakdowns"]
    assert api_for(clerk).get("/api/v1/reports/indicators").status_code == 403


@pytest.mark.django_db
def test_run_and_export(api_for, monitor, shelter_partner, programme_2026):
    answer = post(api_for(monitor), "/api/v1/reports/run", BODY)
    assert answer.status_code == 200
    table = answer.json()[0]
    assert {tuple(c): r[-1] for c, r in zip(table["codes"], table["rows"], strict=True)} == {("air",): 5, ("land",): 1}
    assert table["total"] == 6
    xlsx = post(api_for(monitor), "/api/v1/reports/export?format=xlsx", BODY)
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    assert post(api_for(shelter_partner), "/api/v1/reports/run", BODY).status_code == 403


@pytest.mark.django_db
def test_bad_input_names_the_field(api_for, monitor):
    bad = post(api_for(monitor), "/api/v1/reports/run", {**BODY, "breakdowns": ["sex", "month", "year"]})
    assert bad.status_code == 422
    unknown = post(api_for(monitor), "/api/v1/reports/run", {**BODY, "indicators": ["nope"]})
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["field"] == "indicators"
    extra = post(api_for(monitor), "/api/v1/reports/run", {**BODY, "colour": "red"})
    assert extra.status_code == 422


@pytest.mark.django_db
def test_definitions(api_for, monitor, manager, clerk):
    made = post(api_for(monitor), "/api/v1/reports/definitions", {**BODY, "name": "Aire y tierra"})
    assert made.status_code == 201
    pk = made.json()["id"]
    assert [d["name"] for d in api_for(monitor).get("/api/v1/reports/definitions").json()] == ["Aire y tierra"]
    assert api_for(manager).delete(f"/api/v1/reports/definitions/{pk}").status_code == 404
    assert post(api_for(clerk), "/api/v1/reports/definitions", {**BODY, "name": "x"}).status_code == 403
    assert api_for(monitor).delete(f"/api/v1/reports/definitions/{pk}").status_code == 204


@pytest.mark.django_db
def test_public_release_without_token(client, programme_2026):
    answer = client.get("/api/v1/reports/open/2026")
    assert answer.status_code == 200
    for table in answer.json():
        for _category, values in table["rows"]:
            assert all(v is None or v == 0 or v >= 10 for v in values)
    assert client.get("/api/v1/reports/open/1990").status_code == 422
