"""/api/v1/referrals/: every endpoint for who may (success) and who may not (403/404)."""

import pytest

from retorno.referrals.models import Partner, Referral, ReferralLink, Shelter, Stay

API = "/api/v1/referrals"
JSON = "application/json"


def test_directory(api_for, shelter_profile, employer_profile, clerk, monitor):
    response = api_for(clerk).get(f"{API}/partners?service=shelter")
    assert response.status_code == 200
    assert [p["name"] for p in response.json()] == ["Casa del Migrante"]
    assert {o["service"] for o in response.json()[0]["offers"]} == {"shelter", "health"}
    assert api_for(clerk).get(f"{API}/partners/{employer_profile.pk}").json()["answer_days"] == 5
    assert api_for(monitor).get(f"{API}/partners").status_code == 403


def test_partner_create_and_update(api_for, manager, reintegration_officer, programme):
    body = {
        "name": "Hospital Roosevelt",
        "kind": "health",
        "offers": [{"service": "health", "detail": "Emergencias"}],
        "target_groups": ["adults"],
        "department": "01",
    }
    assert api_for(reintegration_officer).post(f"{API}/partners", body, content_type=JSON).status_code == 403
    response = api_for(manager).post(f"{API}/partners", body, content_type=JSON)
    assert response.status_code == 201, response.json()
    partner_id = response.json()["id"]
    assert response.json()["department"] == "01"
    patched = api_for(manager).patch(
        f"{API}/partners/{partner_id}", {"answer_days": 7, "offers": [{"service": "psychosocial"}]}, content_type=JSON
    )
    assert patched.status_code == 200 and patched.json()["answer_days"] == 7
    assert [o["service"] for o in patched.json()["offers"]] == ["psychosocial"]
    assert (
        api_for(reintegration_officer)
        .patch(f"{API}/partners/{partner_id}", {"answer_days": 1}, content_type=JSON)
        .status_code
        == 403
    )
    assert api_for(manager).post(f"{API}/partners", {**body, "colour": "red"}, content_type=JSON).status_code == 422
    assert Partner.objects.count() == 1


def test_referral_create_under_the_consent_rule(
    api_for, person, consenting_person, employer_profile, reintegration_officer, monitor
):
    body = {
        "person_id": person.pk,
        "partner_id": employer_profile.pk,
        "service": "employment",
        "purpose": "Bodega",
        "shared_fields": ["name"],
    }
    response = api_for(reintegration_officer).post(API, body, content_type=JSON)
    assert response.status_code == 201 and response.json()["consent_id"] is not None
    assert api_for(monitor).post(API, body, content_type=JSON).status_code == 403
    assert (
        api_for(reintegration_officer)
        .post(API, {**body, "shared_fields": ["tier2_notes"]}, content_type=JSON)
        .status_code
        == 422
    )


def test_referral_without_consent_422_and_override_403_for_officer(
    api_for, person, employer_profile, reintegration_officer, manager
):
    body = {
        "person_id": person.pk,
        "partner_id": employer_profile.pk,
        "service": "employment",
        "purpose": "Bodega",
        "shared_fields": ["name"],
    }
    response = api_for(reintegration_officer).post(API, body, content_type=JSON)
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "consent"
    override = {**body, "consent_override_reason": "Orden de juez de niñez"}
    assert api_for(reintegration_officer).post(API, override, content_type=JSON).status_code == 403
    response = api_for(manager).post(API, override, content_type=JSON)
    assert response.status_code == 201 and response.json()["consent_override_reason"] == "Orden de juez de niñez"


def test_partner_cannot_create_or_list(api_for, job_referral, employer_partner):
    api = api_for(employer_partner)
    assert api.get(API).status_code == 403
    assert api.get(f"{API}/{job_referral.pk}").status_code == 403
    assert api.post(f"{API}/{job_referral.pk}/status", {"status": "accepted"}, content_type=JSON).status_code == 403


def test_staff_list_detail_overdue_status(api_for, job_referral, reintegration_officer, clerk):
    api = api_for(reintegration_officer)
    assert [r["id"] for r in api.get(f"{API}?status=pending").json()] == [job_referral.pk]
    assert api.get(f"{API}/{job_referral.pk}").json()["shared_fields"] == ["name", "phone"]
    assert api.get(f"{API}/overdue").json() == []
    Referral.objects.update(answer_due_at=job_referral.created_at.replace(year=2020))
    assert [r["id"] for r in api.get(f"{API}/overdue").json()] == [job_referral.pk]
    assert api_for(clerk).get(f"{API}/overdue").json() == []  # not the clerk's referral
    bad = api.post(f"{API}/{job_referral.pk}/status", {"status": "completed"}, content_type=JSON)
    assert bad.status_code == 422
    ok = api.post(f"{API}/{job_referral.pk}/status", {"status": "revoked", "reason": "Duplicada"}, content_type=JSON)
    assert ok.status_code == 200 and ok.json()["status"] == "revoked"
    assert api.get(f"{API}/99999").status_code == 404


def test_inbox_shows_only_shared_data(api_for, job_referral, employer_partner, clerk):
    api = api_for(employer_partner)
    items = api.get(f"{API}/inbox").json()
    assert items[0]["shared"] == {"name": "José Luis Xicará Tzul", "phone": "—"}
    assert "person_id" not in items[0] and "referred_by" not in items[0]
    detail = api.get(f"{API}/inbox/{job_referral.pk}").json()
    assert set(detail["shared"]) == {"name", "phone"}
    answer = api.post(f"{API}/inbox/{job_referral.pk}/answer", {"status": "accepted"}, content_type=JSON)
    assert answer.status_code == 200 and answer.json()["status"] == "accepted"
    assert (
        api.post(
            f"{API}/inbox/{job_referral.pk}/answer", {"status": "revoked", "reason": "x"}, content_type=JSON
        ).status_code
        == 403
    )
    assert api_for(clerk).get(f"{API}/inbox").status_code == 403


def test_signed_link_api_without_auth(api_for, client, job_referral, reintegration_officer, monitor):
    assert api_for(monitor).post(f"{API}/{job_referral.pk}/links", {}, content_type=JSON).status_code == 403
    created = api_for(reintegration_officer).post(
        f"{API}/{job_referral.pk}/links", {"days_valid": 3}, content_type=JSON
    )
    assert created.status_code == 201
    token = created.json()["url"].rstrip("/").rsplit("/", 1)[1]
    view = client.get(f"{API}/links/{token}")
    assert view.status_code == 200
    assert view.json()["shared"] == {"name": "José Luis Xicará Tzul", "phone": "—"}
    assert view.json()["answers"] == ["accepted", "rejected"] and "person_id" not in view.json()
    assert client.post(f"{API}/links/{token}/answer", {"status": "rejected"}, content_type=JSON).status_code == 422
    answer = client.post(
        f"{API}/links/{token}/answer", {"status": "rejected", "reason": "Sin plazas"}, content_type=JSON
    )
    assert answer.status_code == 200 and answer.json()["status"] == "rejected"
    assert client.post(f"{API}/links/{token}/answer", {"status": "accepted"}, content_type=JSON).status_code == 410
    assert client.get(f"{API}/links/not-a-token").status_code == 404
    links = api_for(reintegration_officer).get(f"{API}/{job_referral.pk}/links").json()
    assert [link["state"] for link in links] == ["used"]


def test_link_revoke_api(api_for, job_referral, reintegration_officer, shelter_partner, client):
    url = api_for(reintegration_officer).post(f"{API}/{job_referral.pk}/links", {}, content_type=JSON).json()["url"]
    link = ReferralLink.objects.get()
    assert api_for(shelter_partner).post(f"{API}/links/{link.pk}/revoke").status_code == 403
    assert api_for(reintegration_officer).post(f"{API}/links/{link.pk}/revoke").json()["state"] == "revoked"
    assert client.get(f"{API}/links/{url.rstrip('/').rsplit('/', 1)[1]}").status_code == 410


def test_shelters_api(api_for, shelter_referral, shelter_partner, manager, clerk, monitor):
    shelter_id = shelter_referral.shelter_id
    api = api_for(shelter_partner)
    assert [s["id"] for s in api.get(f"{API}/shelters").json()] == [shelter_id]
    detail = api.get(f"{API}/shelters/{shelter_id}").json()
    assert detail["expected_referral_ids"] == [shelter_referral.pk] and detail["stay_limit_hours"] == 72
    stay = api.post(
        f"{API}/shelters/{shelter_id}/stays",
        {"referral_id": shelter_referral.pk, "bed_type": "adults"},
        content_type=JSON,
    )
    assert stay.status_code == 201 and stay.json()["warning"] == ""
    occupancy = {o["bed_type"]: o for o in api.get(f"{API}/shelters/{shelter_id}").json()["occupancy"]}
    assert occupancy["adults"]["present"] == 1
    days = api.get(f"{API}/shelters/{shelter_id}/occupancy?days=3").json()
    assert len(days) == 3 and days[-1]["total"] == 1
    out = api.post(f"{API}/stays/{stay.json()['id']}/check-out", {"note": "Regresó a su casa"}, content_type=JSON)
    assert out.status_code == 200 and out.json()["checked_out_at"]
    assert api_for(monitor).get(f"{API}/shelters").status_code == 403
    assert (
        api_for(clerk).patch(f"{API}/shelters/{shelter_id}", {"stay_limit_hours": 48}, content_type=JSON).status_code
        == 403
    )
    patched = api_for(manager).patch(f"{API}/shelters/{shelter_id}", {"stay_limit_hours": 48}, content_type=JSON)
    assert patched.json()["stay_limit_hours"] == 48


def test_shelter_create_api(api_for, shelter_profile, manager, shelter_partner):
    body = {"partner_id": shelter_profile.pk, "name": "Casa San Marcos", "capacity_adults": 30, "municipality": "1201"}
    assert api_for(shelter_partner).post(f"{API}/shelters", body, content_type=JSON).status_code == 403
    response = api_for(manager).post(f"{API}/shelters", body, content_type=JSON)
    assert response.status_code == 201 and response.json()["municipality"] == "1201"
    assert Shelter.objects.get(name="Casa San Marcos").capacity_adults == 30


def test_check_in_refused_to_other_partner_api(api_for, shelter_referral, employer_partner, shelter_partner):
    shelter_id = shelter_referral.shelter_id
    body = {"referral_id": shelter_referral.pk}
    assert (
        api_for(employer_partner).post(f"{API}/shelters/{shelter_id}/stays", body, content_type=JSON).status_code == 404
    )
    stay = api_for(shelter_partner).post(f"{API}/shelters/{shelter_id}/stays", body, content_type=JSON).json()
    assert (
        api_for(employer_partner).post(f"{API}/stays/{stay['id']}/check-out", {}, content_type=JSON).status_code == 404
    )
    assert Stay.objects.get().checked_out_at is None


@pytest.mark.parametrize("path", ["", "/overdue", "/partners", "/shelters", "/inbox"])
def test_anonymous_gets_401(client, path, db):
    assert client.get(f"{API}{path}").status_code == 401
