"""A shelter checks a minor out on a family handover only when it rests on the family assessment that
recommended reunifying the child with that caregiver (the rule the handover action keeps since family
assessments exist); a family handover recorded before that rule, naming none, lets the minor leave
but is flagged. A PGN handover needs no assessment."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from retorno.audit.models import AuditEvent
from retorno.protection import actions as protection
from retorno.protection.models import CustodyEvent, FamilyAssessment
from retorno.referrals import actions
from retorno.referrals.models import Stay
from retorno.referrals.tests.test_minor_checkout import _hand_over, minor_stay  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
FLAG = "no family assessment recorded"


def _legacy_handover(case, officer, at):
    """A family handover as recorded before the rule: verified and authorised, no assessment named."""
    return CustodyEvent.objects.create(
        case=case,
        stage=CustodyEvent.Stage.HANDOVER_GUARDIAN,
        at=at,
        recorded_by=officer,
        guardian_name="María Pérez",
        relationship="mother",
        document_checked=True,
        document_number="2345678900101",
        authorised_by="Lic. Juárez (PGN)",
    )


def _check_out_refused(stay, partner):
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        actions.stay_check_out(actor=partner, stay=stay)
    assert "family assessment" in refused.value.message_dict["stay"][0]
    assert Stay.objects.get(pk=stay.pk).checked_out_at is None


def test_a_handover_whose_assessment_does_not_recommend_reunifying_keeps_the_minor(
    minor_stay,  # noqa: F811
    shelter_partner,
    protection_officer,
):
    stay, case = minor_stay
    _hand_over(case, protection_officer)
    FamilyAssessment.objects.filter(case=case).update(recommendation=FamilyAssessment.Recommendation.DO_NOT_REUNIFY)
    _check_out_refused(stay, shelter_partner)


def test_a_handover_to_another_caregiver_than_the_one_assessed_keeps_the_minor(
    minor_stay,  # noqa: F811
    shelter_partner,
    protection_officer,
):
    stay, case = minor_stay
    _hand_over(case, protection_officer)
    handover = CustodyEvent.objects.get(case=case, stage=CustodyEvent.Stage.HANDOVER_GUARDIAN)
    handover.guardian_name = "Pedro Pérez"
    handover.save()
    _check_out_refused(stay, shelter_partner)


def test_a_handover_on_an_assessment_of_another_case_keeps_the_minor(
    minor_stay,  # noqa: F811
    shelter_partner,
    protection_officer,
    clerk,
    person,
):
    stay, case = minor_stay
    _hand_over(case, protection_officer)
    queued = protection.protection_referral_receive(actor=clerk, person=person)
    other_case = protection.referral_take(actor=protection_officer, referral=queued, kind="trafficking")
    FamilyAssessment.objects.filter(case=case).update(case=other_case)
    _check_out_refused(stay, shelter_partner)


def test_a_verified_family_handover_shows_and_ends_the_stay(
    minor_stay,  # noqa: F811
    shelter_partner,
    protection_officer,
    client_for,
):
    stay, case = minor_stay
    _hand_over(case, protection_officer)
    client = client_for(shelter_partner)
    page = client.get(reverse("referrals:shelter_detail", args=[stay.shelter_id]), HTTP_ACCEPT_LANGUAGE="en")
    assert "handed over" in page.content.decode() and FLAG not in page.content.decode()
    actions.stay_check_out(actor=shelter_partner, stay=stay)
    audit = AuditEvent.objects.get(action="stay.check_out", object_id=str(stay.pk))
    assert audit.new["handover"] == "verified"


def test_a_legacy_family_handover_lets_the_minor_leave_flagged(
    minor_stay,  # noqa: F811
    shelter_partner,
    protection_officer,
    client_for,
):
    stay, case = minor_stay
    _legacy_handover(case, protection_officer, at=stay.checked_in_at)
    client = client_for(shelter_partner)
    shelter_page = reverse("referrals:shelter_detail", args=[stay.shelter_id])
    assert FLAG in client.get(shelter_page, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    done = client.post(
        reverse("referrals:check_out", args=[stay.pk]), {"note": ""}, follow=True, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "no family assessment recorded" in done.content.decode()
    assert Stay.objects.get(pk=stay.pk).checked_out_at is not None
    audit = AuditEvent.objects.get(action="stay.check_out", object_id=str(stay.pk))
    assert audit.new["handover"] == "without_assessment"


def test_the_protection_case_flags_a_legacy_family_handover(
    minor_stay,  # noqa: F811
    protection_officer,
    client_for,
):
    stay, case = minor_stay
    _legacy_handover(case, protection_officer, at=stay.checked_in_at)
    page = client_for(protection_officer).get(
        reverse("protection:case_section", args=[case.pk, "minor"]), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "No family assessment recorded" in page.content.decode()


def test_the_api_check_out_says_the_handover_had_no_family_assessment(
    minor_stay,  # noqa: F811
    shelter_partner,
    protection_officer,
    api_for,
):
    stay, case = minor_stay
    _legacy_handover(case, protection_officer, at=stay.checked_in_at)
    api = api_for(shelter_partner)
    present = api.get(f"/api/v1/referrals/shelters/{stay.shelter_id}").json()["present"]
    assert [s["handover"] for s in present] == ["without_assessment"]
    done = api.post(f"/api/v1/referrals/stays/{stay.pk}/check-out", {"note": ""}, content_type="application/json")
    assert done.status_code == 200 and done.json()["handover"] == "without_assessment"


def test_naming_the_assessment_afterwards_clears_the_flag_everywhere(
    minor_stay,  # noqa: F811
    shelter_partner,
    protection_officer,
    client_for,
    api_for,
):
    stay, case = minor_stay
    handover = _legacy_handover(case, protection_officer, at=stay.checked_in_at)
    assessment = protection.family_assessment_record(
        actor=protection_officer,
        case=case,
        caregiver_name="Maria Perez",
        relationship="mother",
        assessed_on=stay.checked_in_at.date(),
        safety=2,
        willingness=2,
        capacity=2,
        child_view_heard=True,
        risks_found=False,
        recommendation="reunify",
    )
    protection.handover_assessment_link(actor=protection_officer, handover=handover, assessment=assessment)
    shelter_page = reverse("referrals:shelter_detail", args=[stay.shelter_id])
    page = client_for(shelter_partner).get(shelter_page, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "handed over" in page and FLAG not in page
    case_page = client_for(protection_officer).get(
        reverse("protection:case_section", args=[case.pk, "minor"]), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "No family assessment recorded" not in case_page.content.decode()
    api = api_for(shelter_partner)
    present = api.get(f"/api/v1/referrals/shelters/{stay.shelter_id}").json()["present"]
    assert [s["handover"] for s in present] == ["verified"]
    done = api.post(f"/api/v1/referrals/stays/{stay.pk}/check-out", {"note": ""}, content_type="application/json")
    assert done.status_code == 200 and done.json()["handover"] == "verified"
