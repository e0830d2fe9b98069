"""Every page: who may use it (success) and who may not (403 or 404)."""

import pytest

from retorno.audit.models import AuditEvent
from retorno.referrals.models import Partner, Referral, ReferralLink, Shelter, Stay

STAFF = ["clerk", "psychologist", "protection", "reintegration", "manager"]
NOT_STAFF = ["monitor", "administrator", "shelter", "employer"]


def _get(client_for, user, url):
    return client_for(user).get(url)


@pytest.mark.parametrize("username", STAFF)
def test_staff_worklist_and_list(all_personas, client_for, job_referral, username):
    user = all_personas[username]
    for url in ("/referrals/", "/referrals/all/?status=pending"):
        response = _get(client_for, user, url)
        assert response.status_code == 200
        assert "Xicará" in response.content.decode() or url == "/referrals/"


@pytest.mark.parametrize("username", NOT_STAFF)
def test_worklist_list_and_detail_refused_to_others(all_personas, client_for, job_referral, username):
    client = client_for(all_personas[username])
    for url in (
        "/referrals/",
        "/referrals/all/",
        f"/referrals/{job_referral.pk}/",
        f"/referrals/new/{job_referral.person_id}/",
    ):
        assert client.get(url).status_code == 403, url


def test_worklist_puts_overdue_first(client_for, job_referral, reintegration_officer):
    Referral.objects.filter(pk=job_referral.pk).update(answer_due_at=job_referral.created_at.replace(year=2020))
    page = client_for(reintegration_officer).get("/referrals/").content.decode()
    overdue = page[page.index('id="overdue"') :]
    assert f"#{job_referral.pk}" in overdue[: overdue.index("</section>")]
    assert "vencida" in page


def test_anonymous_is_sent_to_login(client, job_referral):
    response = client.get(f"/referrals/{job_referral.pk}/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_officer_refers_through_the_form(client_for, consenting_person, employer_profile, reintegration_officer):
    client = client_for(reintegration_officer)
    assert "Referir" in client.get(f"/referrals/new/{consenting_person.pk}/").content.decode()
    response = client.post(
        f"/referrals/new/{consenting_person.pk}/",
        {
            "partner": employer_profile.pk,
            "service": "employment",
            "purpose": "Vacante de bodega",
            "shared_fields": ["name", "phone"],
            "consent_purpose": "share_partners",
        },
    )
    referral = Referral.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/referrals/{referral.pk}/"
    assert (referral.referred_by, referral.shared_fields) == (reintegration_officer, ["name", "phone"])


def test_form_shows_the_consent_rule(client_for, person, employer_profile, reintegration_officer):
    response = client_for(reintegration_officer).post(
        f"/referrals/new/{person.pk}/",
        {
            "partner": employer_profile.pk,
            "service": "employment",
            "purpose": "x",
            "shared_fields": ["name"],
            "consent_purpose": "share_partners",
        },
    )
    assert response.status_code == 200 and "consentimiento" in response.content.decode()
    assert not Referral.objects.exists()


def test_manager_form_offers_the_override(client_for, person, employer_profile, manager, reintegration_officer):
    assert "consent_override_reason" in client_for(manager).get(f"/referrals/new/{person.pk}/").content.decode()
    assert (
        "consent_override_reason"
        not in client_for(reintegration_officer).get(f"/referrals/new/{person.pk}/").content.decode()
    )
    client_for(manager).post(
        f"/referrals/new/{person.pk}/",
        {
            "partner": employer_profile.pk,
            "service": "employment",
            "purpose": "x",
            "shared_fields": ["name"],
            "consent_purpose": "share_partners",
            "consent_override_reason": "Orden judicial",
        },
    )
    assert Referral.objects.get().consent_override_reason == "Orden judicial"


def test_detail_is_audited(client_for, job_referral, clerk):
    response = client_for(clerk).get(f"/referrals/{job_referral.pk}/")
    assert response.status_code == 200 and "Entrevista para puesto" in response.content.decode()
    assert AuditEvent.objects.filter(action="referrals.referral.view", actor=clerk, section="referral").exists()


def test_staff_status_change_and_refusal(client_for, job_referral, reintegration_officer, employer_partner):
    response = client_for(reintegration_officer).post(
        f"/referrals/{job_referral.pk}/status/", {"status": "revoked", "reason": "Ya consiguió empleo"}
    )
    assert response.status_code == 302
    job_referral.refresh_from_db()
    assert job_referral.status == "revoked"
    assert (
        client_for(employer_partner).post(f"/referrals/{job_referral.pk}/status/", {"status": "accepted"}).status_code
        == 302
    )
    job_referral.refresh_from_db()
    assert job_referral.status == "revoked"


def test_link_is_shown_once_and_can_be_revoked(client_for, job_referral, reintegration_officer, monitor):
    client = client_for(reintegration_officer)
    response = client.post(f"/referrals/{job_referral.pk}/links/", {"days_valid": 5})
    page = response.content.decode()
    assert response.status_code == 200 and 'id="signed-link"' in page and "/referrals/answer/" in page
    assert "/referrals/answer/" not in client.get(f"/referrals/{job_referral.pk}/").content.decode()
    link = ReferralLink.objects.get()
    assert client_for(monitor).post(f"/referrals/links/{link.pk}/revoke/").status_code == 403
    assert client_for(monitor).post(f"/referrals/{job_referral.pk}/links/", {"days_valid": 5}).status_code == 403
    assert client.post(f"/referrals/links/{link.pk}/revoke/").status_code == 302
    link.refresh_from_db()
    assert link.state == "revoked"


def test_profile_panel_lists_referrals_for_staff_only(client_for, job_referral, reintegration_officer):
    page = client_for(reintegration_officer).get(f"/people/{job_referral.person_id}/").content.decode()
    assert f"/referrals/{job_referral.pk}/" in page and f"/referrals/new/{job_referral.person_id}/" in page


# --- partner pages -------------------------------------------------------------------------


def test_partner_inbox_and_answer(client_for, job_referral, employer_partner):
    client = client_for(employer_partner)
    inbox = client.get("/referrals/inbox/").content.decode()
    assert "José Luis Xicará Tzul" in inbox and f"/referrals/inbox/{job_referral.pk}/" in inbox
    detail = client.get(f"/referrals/inbox/{job_referral.pk}/").content.decode()
    assert "Entrevista para puesto" in detail and f"/people/{job_referral.person_id}/" not in detail
    response = client.post(f"/referrals/inbox/{job_referral.pk}/", {"status": "rejected", "reason": "Sin vacantes"})
    assert response.status_code == 302
    job_referral.refresh_from_db()
    assert (job_referral.status, job_referral.changes.last().via) == ("rejected", "partner")


@pytest.mark.parametrize("username", ["clerk", "manager", "monitor", "administrator"])
def test_inbox_is_for_partners_only(all_personas, client_for, job_referral, username):
    client = client_for(all_personas[username])
    assert client.get("/referrals/inbox/").status_code == 403
    assert client.get(f"/referrals/inbox/{job_referral.pk}/").status_code == 403


def test_partner_cannot_open_the_registry_profile(client_for, job_referral, employer_partner):
    # The referral shares name and phone only; the profile would show everything.
    assert client_for(employer_partner).get(f"/people/{job_referral.person_id}/").status_code == 404


# --- directory -----------------------------------------------------------------------------


def test_directory_filters_and_detail(client_for, shelter_profile, employer_profile, clerk):
    client = client_for(clerk)
    page = client.get("/referrals/partners/?service=shelter").content.decode()
    assert "Casa del Migrante" in page and "Empleador S.A." not in page
    assert "Casa del Migrante" in client.get(f"/referrals/partners/{shelter_profile.pk}/").content.decode()


@pytest.mark.parametrize("username", ["monitor", "administrator"])
def test_directory_refused(all_personas, client_for, shelter_profile, username):
    assert client_for(all_personas[username]).get("/referrals/partners/").status_code == 403


def test_partner_sees_only_itself_in_the_directory(client_for, shelter_profile, employer_profile, employer_partner):
    client = client_for(employer_partner)
    assert client.get("/referrals/partners/").status_code == 403
    assert client.get(f"/referrals/partners/{shelter_profile.pk}/").status_code == 403


def test_manager_adds_and_edits_a_partner(client_for, manager, programme):
    client = client_for(manager)
    response = client.post(
        "/referrals/partners/new/",
        {
            "name": "INTECAP",
            "kind": "training",
            "services": ["training"],
            "target_groups": ["adults"],
            "answer_days": 5,
            "is_active": "on",
        },
    )
    partner = Partner.objects.get(organisation__name="INTECAP")
    assert response.status_code == 302 and partner.services == ["training"] and partner.answer_days == 5
    client.post(
        f"/referrals/partners/{partner.pk}/edit/",
        {"services": ["training", "employment"], "answer_days": 2, "is_active": "on"},
    )
    partner.refresh_from_db()
    assert sorted(partner.services) == ["employment", "training"] and partner.answer_days == 2
    assert AuditEvent.objects.filter(action="partner.update", new__answer_days=2).exists()


@pytest.mark.parametrize("username", ["clerk", "reintegration", "shelter"])
def test_only_managers_manage_partners(all_personas, client_for, shelter_profile, username):
    client = client_for(all_personas[username])
    assert client.get("/referrals/partners/new/").status_code == 403
    assert (
        client.post(
            f"/referrals/partners/{shelter_profile.pk}/edit/", {"services": ["legal"], "answer_days": 1}
        ).status_code
        == 403
    )


# --- shelters ------------------------------------------------------------------------------


def test_shelter_pages_for_the_shelter_user(client_for, shelter_referral, shelter_partner):
    client = client_for(shelter_partner)
    assert "Casa del Migrante — Ciudad de Guatemala" in client.get("/referrals/shelters/").content.decode()
    page = client.get(f"/referrals/shelters/{shelter_referral.shelter_id}/").content.decode()
    assert "José Luis Xicará Tzul" in page and "Llegadas esperadas" in page
    response = client.post(
        f"/referrals/shelters/{shelter_referral.shelter_id}/check-in/{shelter_referral.pk}/",
        {f"r{shelter_referral.pk}-bed_type": "adults"},
    )
    assert response.status_code == 302
    stay = Stay.objects.get()
    assert client.post(f"/referrals/stays/{stay.pk}/check-out/", {"note": "Con su familia"}).status_code == 302
    stay.refresh_from_db()
    assert stay.checked_out_at is not None and stay.checkout_note == "Con su familia"


def test_shelter_pages_refused(client_for, shelter_referral, employer_partner, monitor):
    shelter_id = shelter_referral.shelter_id
    assert client_for(monitor).get("/referrals/shelters/").status_code == 403
    employer = client_for(employer_partner)
    assert "Casa del Migrante" not in employer.get("/referrals/shelters/").content.decode()
    assert employer.get(f"/referrals/shelters/{shelter_id}/").status_code == 404
    assert (
        employer.post(
            f"/referrals/shelters/{shelter_id}/check-in/{shelter_referral.pk}/",
            {f"r{shelter_referral.pk}-bed_type": "adults"},
        ).status_code
        == 404
    )
    assert (
        client_for(monitor).post(f"/referrals/shelters/{shelter_id}/check-in/{shelter_referral.pk}/").status_code == 403
    )
    assert not Stay.objects.exists()


def test_check_out_refused_to_other_partner(client_for, shelter_referral, shelter_partner, employer_partner):
    from retorno.referrals.actions import stay_check_in

    stay = stay_check_in(actor=shelter_partner, referral=shelter_referral)
    assert client_for(employer_partner).post(f"/referrals/stays/{stay.pk}/check-out/").status_code == 404
    stay.refresh_from_db()
    assert stay.checked_out_at is None


def test_manager_adds_and_edits_a_shelter(client_for, manager, shelter_profile):
    client = client_for(manager)
    data = {
        "partner": shelter_profile.pk,
        "name": "Casa del Migrante — Tecún Umán",
        "capacity_adults": 20,
        "capacity_women": 5,
        "capacity_minors": 0,
        "capacity_trafficking": 0,
        "stay_limit_hours": 72,
        "warning_hours": 12,
        "is_active": "on",
    }
    assert client.post("/referrals/shelters/new/", data).status_code == 302
    shelter = Shelter.objects.get(name="Casa del Migrante — Tecún Umán")
    data.pop("partner")
    data["stay_limit_hours"] = 48
    assert client.post(f"/referrals/shelters/{shelter.pk}/edit/", data).status_code == 302
    shelter.refresh_from_db()
    assert shelter.stay_limit_hours == 48


@pytest.mark.parametrize("username", ["clerk", "shelter"])
def test_only_managers_manage_shelters(all_personas, client_for, shelter, username):
    client = client_for(all_personas[username])
    assert client.get("/referrals/shelters/new/").status_code == 403
    assert client.get(f"/referrals/shelters/{shelter.pk}/edit/").status_code == 403
