"""The reception API: the same rules, with 403 for roles without the permission and 404 for what is not there."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from retorno.reception.models import Arrival

from .conftest import THREE, manifest_csv

pytestmark = pytest.mark.django_db


def arrival_named(flight, text):
    return next(a for a in flight.arrivals.select_related("manifest_row") if text in a.display_name)


def test_flights_list_and_create(clerk, monitor, api_for):
    body = {"date": "2026-04-01", "origin": "Mesa", "carrier": "GlobalX", "expected_count": 135}
    assert api_for(monitor).post("/api/v1/reception/flights", body, content_type="application/json").status_code == 403
    response = api_for(clerk).post("/api/v1/reception/flights", body, content_type="application/json")
    assert response.status_code == 201 and response.json()["status"] == "announced"
    assert (
        api_for(clerk)
        .post("/api/v1/reception/flights", body | {"extra": 1}, content_type="application/json")
        .status_code
        == 422
    )
    assert [f["carrier"] for f in api_for(clerk).get("/api/v1/reception/flights").json()] == ["GlobalX"]
    assert api_for(monitor).get("/api/v1/reception/flights").status_code == 403
    assert api_for(clerk).get("/api/v1/reception/flights/99999").status_code == 404


def test_manifest_upload_preview_and_commit(flight, clerk, protection_officer, api_for):
    upload = SimpleUploadedFile("m.csv", manifest_csv(THREE))
    assert (
        api_for(protection_officer)
        .post(f"/api/v1/reception/flights/{flight.pk}/manifest", {"file": upload})
        .status_code
        == 403
    )
    upload = SimpleUploadedFile("m.csv", manifest_csv(THREE))
    response = api_for(clerk).post(f"/api/v1/reception/flights/{flight.pk}/manifest", {"file": upload})
    data = response.json()
    assert response.status_code == 201 and data["status"] == "staged" and len(data["rows"]) == 3
    assert not flight.manifest_rows.exists()
    committed = api_for(clerk).post(f"/api/v1/reception/manifest-imports/{data['id']}/commit").json()
    assert committed["created_rows"] == 3
    upload = SimpleUploadedFile("m.csv", manifest_csv(THREE))
    again = (
        api_for(clerk)
        .post(f"/api/v1/reception/flights/{flight.pk}/manifest", {"file": upload, "commit": "true"})
        .json()
    )
    assert (again["created_rows"], again["updated_rows"]) == (0, 0)


def test_checkin_triage_and_close(open_flight, clerk, monitor, protection_officer, api_for):
    ana = arrival_named(open_flight, "Ana")
    assert (
        api_for(monitor)
        .post(f"/api/v1/reception/arrivals/{ana.pk}/checkin", {}, content_type="application/json")
        .status_code
        == 403
    )
    response = api_for(clerk).post(f"/api/v1/reception/arrivals/{ana.pk}/checkin", {}, content_type="application/json")
    assert response.status_code == 200 and response.json()["return_number"] == 1
    triage = (
        api_for(clerk)
        .put(f"/api/v1/reception/arrivals/{ana.pk}/triage", {"refreshments": True}, content_type="application/json")
        .json()
    )
    assert triage["unaccompanied_minor"] and triage["refer_to_protection"]
    closing = api_for(clerk).post(
        f"/api/v1/reception/flights/{open_flight.pk}/status", {"status": "closed"}, content_type="application/json"
    )
    assert closing.status_code == 422
    minors = api_for(protection_officer).get(f"/api/v1/reception/flights/{open_flight.pk}/minors").json()
    assert minors[0]["name"] == "Ana Tum Coj" and minors[0]["handed_to_protection"] is False
    assert api_for(monitor).get(f"/api/v1/reception/flights/{open_flight.pk}/minors").status_code == 403
    assert (
        api_for(protection_officer).post(f"/api/v1/reception/arrivals/{ana.pk}/protection-acknowledgement").status_code
        == 200
    )
    closed = api_for(clerk).post(
        f"/api/v1/reception/flights/{open_flight.pk}/status",
        {"status": "closed", "confirm": True},
        content_type="application/json",
    )
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    assert Arrival.objects.filter(flight=open_flight, status="no_show").count() == 2


def test_arrivals_list_services_and_transport(open_flight, clerk, manager, monitor, api_for, fares):
    luis = arrival_named(open_flight, "Pérez")
    api_for(clerk).post(f"/api/v1/reception/arrivals/{luis.pk}/checkin", {}, content_type="application/json")
    rows = api_for(clerk).get(f"/api/v1/reception/flights/{open_flight.pk}/arrivals").json()
    assert {r["name"] for r in rows} >= {"Luis Pérez García", "Ana Tum Coj"}
    assert api_for(monitor).get(f"/api/v1/reception/flights/{open_flight.pk}/arrivals").status_code == 403
    service = api_for(clerk).post(
        f"/api/v1/reception/arrivals/{luis.pk}/services", {"kind": "call_national"}, content_type="application/json"
    )
    assert service.status_code == 201
    api_for(clerk).put(
        f"/api/v1/reception/arrivals/{luis.pk}/assessment",
        {"destination": "1301", "vulnerability": 2},
        content_type="application/json",
    )
    run = api_for(clerk).post(f"/api/v1/reception/flights/{open_flight.pk}/allocation").json()
    assert run["decisions"][0]["allocated"] is True
    ticket = api_for(clerk).post(f"/api/v1/reception/arrivals/{luis.pk}/ticket")
    assert ticket.status_code == 201 and ticket.json()["amount"] == "12.00"
    assert api_for(clerk).get(f"/api/v1/reception/flights/{open_flight.pk}/counts").json()["transported"] == 1
    override = (
        api_for(clerk)
        .post(
            f"/api/v1/reception/arrivals/{luis.pk}/override",
            {"allocate": False, "reason": "La familia llegó después"},
            content_type="application/json",
        )
        .json()
    )
    assert override["status"] == "pending"
    assert (
        api_for(clerk)
        .post(
            f"/api/v1/reception/overrides/{override['id']}/decision", {"approve": True}, content_type="application/json"
        )
        .status_code
        == 403
    )
    assert (
        api_for(manager)
        .post(
            f"/api/v1/reception/overrides/{override['id']}/decision", {"approve": True}, content_type="application/json"
        )
        .json()["status"]
        == "approved"
    )


def test_an_unknown_destination_code_answers_422_on_the_field(open_flight, clerk, api_for):
    """A destination code is the caller's input: an unknown one is a 422 on that field, not a 404."""
    from retorno.reception import actions

    walk = actions.walk_in_register(actor=clerk, flight=open_flight, given_names="Rosa", first_surname="Xol")
    body = {"can_pay": False, "family_collecting": False, "destination": "9999", "vulnerability": 1}
    response = api_for(clerk).put(
        f"/api/v1/reception/arrivals/{walk.pk}/assessment", body, content_type="application/json"
    )
    assert response.status_code == 422 and "destination" in response.content.decode()
