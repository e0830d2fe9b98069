"""Gaps a black-box probe found in referrals (issue 10, items 7 and 8)."""

import pytest
from django.test import Client

from retorno.people.actions import consent_record, contact_add, person_update
from retorno.referrals.actions import referral_set_status, signed_link_create
from retorno.referrals.models import SharedField

API = "/api/v1/referrals"
PURPOSE = "Entrevista para puesto de ayudante de cocina"
NOTE = "Llamar antes de las diez, NOTA-CENTINELA"
REASON = "Identificada en protección, MOTIVO-CENTINELA"
SECRETS = ("José Luis Xicará Tzul", "5555-1234", "03/04/1990", "2547896541301", PURPOSE, NOTE, REASON)


@pytest.fixture
def rich_referral(refer, shelter_profile, reintegration_officer, consenting_person):
    person_update(actor=reintegration_officer, person=consenting_person, cui="2547896541301")
    contact_add(actor=reintegration_officer, person=consenting_person, kind="phone", value="5555-1234")
    return refer(
        shelter_profile,
        service="shelter",
        purpose=PURPOSE,
        note=NOTE,
        shared_fields=[SharedField.NAME, SharedField.PHONE, SharedField.BIRTH_DATE, SharedField.CUI],
    )


def _partner_views(shelter_partner, referral, api_for, client_for) -> tuple[dict, str, str]:
    detail = api_for(shelter_partner).get(f"{API}/inbox/{referral.pk}")
    assert detail.status_code == 200
    inbox = api_for(shelter_partner).get(f"{API}/inbox").content.decode()
    page = client_for(shelter_partner).get(f"/referrals/inbox/{referral.pk}/")
    assert page.status_code == 200
    listing = client_for(shelter_partner).get("/referrals/inbox/").content.decode()
    return detail.json(), inbox + listing, page.content.decode()


def test_open_referral_shows_the_partner_its_shared_data(rich_referral, shelter_partner, api_for, client_for):
    body, lists, page = _partner_views(shelter_partner, rich_referral, api_for, client_for)
    assert body["purpose"] == PURPOSE and body["note"] == NOTE
    assert body["shared"] == {
        "name": "José Luis Xicará Tzul",
        "birth_date": "03/04/1990",
        "cui": "2547896541301",
        "phone": "5555-1234",
    }
    assert PURPOSE in page and "5555-1234" in page and "José Luis Xicará Tzul" in lists


def test_revoked_referral_shows_the_partner_nothing(
    rich_referral, shelter_partner, employer_partner, reintegration_officer, api_for, client_for
):
    referral_set_status(actor=reintegration_officer, referral=rich_referral, status="revoked", reason=REASON)
    body, lists, page = _partner_views(shelter_partner, rich_referral, api_for, client_for)
    assert body["status"] == "revoked"
    assert (body["purpose"], body["note"], body["shared"]) == ("", "", {})
    for secret in SECRETS:
        assert secret not in page, secret
        assert secret not in lists, secret
        assert secret not in str(body), secret
    # Another partner still sees nothing at all.
    assert api_for(employer_partner).get(f"{API}/inbox/{rich_referral.pk}").status_code == 404
    # The programme still sees its own referral in full.
    staff = api_for(reintegration_officer).get(f"{API}/{rich_referral.pk}").json()
    assert (staff["purpose"], staff["reason"]) == (PURPOSE, REASON)


def test_withdrawn_consent_shows_the_partner_nothing(rich_referral, shelter_partner, clerk, api_for, client_for):
    consent_record(actor=clerk, person=rich_referral.person, purpose="share_partners", given=False)
    body, lists, page = _partner_views(shelter_partner, rich_referral, api_for, client_for)
    assert (body["purpose"], body["note"], body["shared"]) == ("", "", {})
    for secret in SECRETS:
        assert secret not in page and secret not in lists, secret


def test_signed_link_answers_are_never_cached(rich_referral, reintegration_officer):
    path = signed_link_create(actor=reintegration_officer, referral=rich_referral)
    token = path.rstrip("/").rsplit("/", 1)[1]
    api = Client().get(f"{API}/links/{token}")
    assert api.status_code == 200 and api.json()["shared"]["phone"] == "5555-1234"
    assert api["Cache-Control"].startswith("no-store")
    page = Client().get(path)
    assert page.status_code == 200 and page["Cache-Control"].startswith("no-store")
    answer = Client().post(f"{API}/links/{token}/answer", {"status": "accepted"}, content_type="application/json")
    assert answer.status_code == 200 and answer["Cache-Control"].startswith("no-store")


# --- 6. The referral decides which consent it needs ----------------------------------------------


def test_a_research_consent_never_opens_a_whole_record(
    person, clerk, employer_profile, employer_partner, reintegration_officer, api_for
):
    consent_record(actor=clerk, person=person, purpose="research", given=True)
    body = {
        "person_id": person.pk,
        "partner_id": employer_profile.pk,
        "service": "employment",
        "purpose": "Empleo",
        "shared_fields": ["full_record"],
    }
    api = api_for(reintegration_officer)
    chosen = api.post(API, {**body, "consent_purpose": "research"}, content_type="application/json")
    assert chosen.status_code == 422
    assert [e["field"] for e in chosen.json()["errors"]] == ["consent_purpose"]  # not an input any more
    refused = api.post(API, body, content_type="application/json")
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "consent"
    assert api_for(employer_partner).get(f"/api/v1/people/persons/{person.pk}").status_code == 404
    # With consent to share with partners, the same referral goes through and the record opens.
    consent_record(actor=clerk, person=person, purpose="share_partners", given=True)
    created = api.post(API, body, content_type="application/json")
    assert created.status_code == 201 and created.json()["consent_purpose"] == "share_partners"
    assert api_for(employer_partner).get(f"/api/v1/people/persons/{person.pk}").status_code == 200


def test_an_older_referral_resting_on_another_consent_opens_nothing(
    person, clerk, employer_profile, employer_partner, reintegration_officer, api_for, client_for
):
    import datetime

    from django.utils import timezone

    from retorno.referrals.models import Referral

    research = consent_record(actor=clerk, person=person, purpose="research", given=True)
    Referral.objects.create(  # as the probe left one: made with consent_purpose "research"
        person=person,
        partner=employer_profile,
        service="employment",
        purpose="Empleo",
        shared_fields=["full_record"],
        consent_purpose="research",
        consent=research,
        referred_by=reintegration_officer,
        answer_due_at=timezone.now() + datetime.timedelta(days=3),
    )
    assert api_for(employer_partner).get(f"/api/v1/people/persons/{person.pk}").status_code == 404
    assert client_for(employer_partner).get(f"/people/{person.pk}/").status_code == 404


def test_the_page_offers_no_consent_choice(person, clerk, shelter_profile, reintegration_officer, client_for):
    page = client_for(reintegration_officer).get(f"/referrals/new/{person.pk}/")
    assert page.status_code == 200 and 'name="consent_purpose"' not in page.content.decode()
    consent_record(actor=clerk, person=person, purpose="research", given=True)
    response = client_for(reintegration_officer).post(
        f"/referrals/new/{person.pk}/",
        {
            "partner": shelter_profile.pk,
            "service": "shelter",
            "purpose": "Albergue",
            "shared_fields": ["full_record"],
            "consent_purpose": "research",
        },
    )
    assert response.status_code == 200  # the form comes back with the consent error
    assert not person.referrals.exists()


def test_a_sealed_sharing_consent_does_not_open_referrals(
    person, protection_officer, clerk, employer_profile, reintegration_officer, shelter_org
):
    from django.core.exceptions import ValidationError

    from retorno.protection import actions as protection
    from retorno.referrals.actions import referral_create

    referral = protection.protection_referral_receive(actor=clerk, person=person)
    case = protection.referral_take(actor=protection_officer, referral=referral, kind="trafficking")
    protection.shelter_referral_create(
        actor=protection_officer, case=case, organisation=shelter_org, shared_sections=["risk"], consent_given=True
    )
    with pytest.raises(ValidationError):
        referral_create(
            actor=reintegration_officer,
            person=person,
            partner=employer_profile,
            purpose="Empleo",
            service="employment",
            shared_fields=["full_record"],
        )
