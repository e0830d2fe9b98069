"""A minor's shelter stay ends only when the chain of custody records a verified handover."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from retorno.accounts.models import Organisation
from retorno.people.actions import consent_record, person_create
from retorno.protection import actions as protection
from retorno.referrals import actions
from retorno.referrals.models import Referral, Stay

pytestmark = pytest.mark.django_db


@pytest.fixture
def minor_stay(clerk, manager, shelter_profile, shelter_partner, protection_officer):
    girl = person_create(
        actor=clerk,
        given_names="Ana Lucía",
        first_surname="Pérez",
        sex="F",
        birth_date=timezone.localdate() - datetime.timedelta(days=14 * 365),
    )
    consent_record(actor=clerk, person=girl, purpose="share_partners", given=True)
    actions.shelter_create(actor=manager, partner=shelter_profile, name="Casa Nuestras Raíces", capacity_minors=4)
    referral = actions.shelter_referral_from_reception(actor=clerk, person=girl)
    stay = actions.stay_check_in(actor=shelter_partner, referral=referral)
    queued = protection.protection_referral_receive(actor=clerk, person=girl, arrival=4401, unaccompanied_minor=True)
    case = protection.referral_take(actor=protection_officer, referral=queued)
    return stay, case


def _hand_over(case, officer):
    assessment = protection.family_assessment_record(
        actor=officer,
        case=case,
        caregiver_name="María Pérez",
        relationship="mother",
        assessed_on=timezone.localdate(),
        safety=2,
        willingness=2,
        capacity=2,
        child_view_heard=True,
        risks_found=False,
        recommendation="reunify",
    )
    protection.custody_record(
        actor=officer,
        case=case,
        stage="handover_guardian",
        assessment=assessment,
        guardian_name="María Pérez",
        relationship="mother",
        document_checked=True,
        document_number="2345678900101",
        authorised_by="Lic. Juárez (PGN)",
    )


def test_minor_cannot_leave_without_a_recorded_handover(minor_stay, shelter_partner, protection_officer):
    stay, case = minor_stay
    with pytest.raises(ValidationError) as refused:
        actions.stay_check_out(actor=shelter_partner, stay=stay, note="Se fue con un tío")
    assert "stay" in refused.value.message_dict
    stay.refresh_from_db()
    assert stay.checked_out_at is None
    _hand_over(case, protection_officer)
    actions.stay_check_out(actor=shelter_partner, stay=stay, note="Entregada a su madre")
    stay.refresh_from_db()
    assert stay.checked_out_at is not None
    assert stay.referral.status == Referral.Status.COMPLETED


def test_a_pgn_handover_also_ends_the_stay(minor_stay, shelter_partner, protection_officer, programme):
    stay, case = minor_stay
    pgn = Organisation.objects.create(slug="pgn", name="PGN — Procuraduría de la Niñez", kind="government")
    protection.custody_record(
        actor=protection_officer, case=case, stage="handover_pgn", organisation=pgn, authorised_by="Lic. Juárez"
    )
    actions.stay_check_out(actor=shelter_partner, stay=stay)
    assert Stay.objects.get(pk=stay.pk).checked_out_at is not None


def test_check_out_page_shows_the_refusal(minor_stay, shelter_partner, client_for):
    stay, _case = minor_stay
    client = client_for(shelter_partner)
    response = client.post(reverse("referrals:check_out", args=[stay.pk]), {"note": ""}, follow=True)
    assert "handover" in response.content.decode() or "entrega" in response.content.decode()
    assert Stay.objects.get(pk=stay.pk).checked_out_at is None


def test_check_out_api_refuses_with_422_then_accepts(minor_stay, shelter_partner, protection_officer, api_for):
    stay, case = minor_stay
    api = api_for(shelter_partner)
    url = f"/api/v1/referrals/stays/{stay.pk}/check-out"
    refused = api.post(url, {"note": ""}, content_type="application/json")
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "stay"
    _hand_over(case, protection_officer)
    assert api.post(url, {"note": ""}, content_type="application/json").status_code == 200
