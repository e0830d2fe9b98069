"""A shelter referral from a protection case reaches the partner: inbox, expected arrivals, answer, beds."""

import pytest
from django.urls import reverse

from retorno.protection import actions
from retorno.referrals import actions as referrals
from retorno.referrals.models import Referral
from retorno.referrals.queries import expected_arrivals, free_beds, referrals_visible_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def trafficking_shelter(shelter_partner, manager):
    partner = referrals.partner_create(
        actor=manager, organisation=shelter_partner.organisation, services=["shelter"], target_groups=["trafficking"]
    )
    return referrals.shelter_create(actor=manager, partner=partner, name="Casa Segura", capacity_trafficking=3)


@pytest.fixture
def shares_with_partners(victim_case, clerk):
    """The person's consent to share with partners, recorded outside protection: only such a consent
    opens tier-1 data to a partner (a consent recorded inside the sealed case never does)."""
    from retorno.people.actions import consent_record

    return consent_record(actor=clerk, person=victim_case.person, purpose="share_partners", given=True)


def _refer(victim_case, protection_officer, shelter_partner, **kw):
    return actions.shelter_referral_create(
        actor=protection_officer,
        case=victim_case,
        organisation=shelter_partner.organisation,
        shared_sections=kw.get("sections", ["risk"]),
        consent_given=kw.get("consent", True),
    )


def test_referral_reaches_inbox_and_expected_arrivals_and_counts_in_beds(
    victim_case, protection_officer, shelter_partner, trafficking_shelter, client_for, shares_with_partners
):
    row = _refer(victim_case, protection_officer, shelter_partner)
    referral = row.referral
    assert referral is not None and referral.partner.organisation == shelter_partner.organisation
    assert referral.shelter == trafficking_shelter and referral.status == Referral.Status.PENDING
    assert referral.shared_fields == ["name", "sex", "age", "languages"]  # tier 1 only: the case stays sealed
    assert list(expected_arrivals(trafficking_shelter)) == [referral]
    partner = client_for(shelter_partner)
    inbox = partner.get(reverse("referrals:inbox")).content.decode()
    assert victim_case.person.full_name in inbox
    shelter_page = partner.get(reverse("referrals:shelter_detail", args=[trafficking_shelter.pk])).content.decode()
    assert victim_case.person.full_name in shelter_page
    detail = partner.get(reverse("referrals:inbox_detail", args=[referral.pk])).content.decode()
    assert "Plan de seguridad" not in detail and "Identificación" not in detail
    # The partner accepts; the protection page shows the answer; the stay takes a trafficking bed.
    referrals.referral_set_status(actor=shelter_partner, referral=referral, status=Referral.Status.ACCEPTED)
    page = client_for(protection_officer).get(reverse("protection:case_section", args=[victim_case.pk, "victim"]))
    assert "Admitida" in page.content.decode() or "Admitted" in page.content.decode()
    referrals.stay_check_in(actor=shelter_partner, referral=referral, bed_type="trafficking")
    assert free_beds(trafficking_shelter, "trafficking") == 2


def test_the_partner_may_reject(
    victim_case, protection_officer, shelter_partner, trafficking_shelter, shares_with_partners
):
    referral = _refer(victim_case, protection_officer, shelter_partner).referral
    referrals.referral_set_status(
        actor=shelter_partner, referral=referral, status=Referral.Status.REJECTED, reason="Sin camas para familias"
    )
    row = victim_case.shelter_referrals.get()
    assert row.status_label in ("Declined", "Rechazada", "Rechazado")


def test_without_consent_nothing_of_the_person_reaches_the_partner(
    victim_case, protection_officer, shelter_partner, trafficking_shelter, client_for
):
    # One record still: the shelter learns that someone is referred and expected, never who.
    row = _refer(victim_case, protection_officer, shelter_partner, consent=False, sections=[])
    assert row.referral.sealed and row.referral.shared_fields == [] and row.referral.consent is None
    assert Referral.objects.get() == row.referral
    partner = client_for(shelter_partner)
    inbox = partner.get(reverse("referrals:inbox")).content.decode()
    assert f"#{row.referral.pk}" in inbox and victim_case.person.full_name not in inbox
    detail = partner.get(reverse("referrals:inbox_detail", args=[row.referral.pk])).content.decode()
    assert victim_case.person.full_name not in detail
    shelter_page = partner.get(reverse("referrals:shelter_detail", args=[trafficking_shelter.pk])).content.decode()
    assert victim_case.person.full_name not in shelter_page


def test_a_consent_recorded_inside_the_case_alone_opens_nothing(
    victim_case, protection_officer, shelter_partner, trafficking_shelter, client_for
):
    row = _refer(victim_case, protection_officer, shelter_partner)  # consent recorded in the sealed case only
    assert row.referral.shared_fields == [] and row.referral.consent is None
    inbox = client_for(shelter_partner).get(reverse("referrals:inbox")).content.decode()
    assert victim_case.person.full_name not in inbox


def test_an_organisation_without_a_shelter_in_the_directory_still_gets_the_referral(
    victim_case, protection_officer, shelter_org, client_for, shelter_partner, shares_with_partners
):
    from retorno.referrals.models import Partner

    assert not Partner.objects.filter(organisation=shelter_org).exists()
    row = _refer(victim_case, protection_officer, shelter_partner)
    referral = row.referral
    assert referral.partner.organisation == shelter_org and referral.partner.services == ["shelter"]
    assert referral.shelter is None and referral.sealed
    inbox = client_for(shelter_partner).get(reverse("referrals:inbox")).content.decode()
    assert victim_case.person.full_name in inbox


def test_staff_outside_protection_see_the_referral_never_the_case(
    victim_case,
    protection_officer,
    shelter_partner,
    trafficking_shelter,
    client_for,
    clerk,
    reintegration_officer,
    shares_with_partners,
):
    actions.risk_assessment_record(
        actor=protection_officer, case=victim_case, level="high", safety_plan="Plan de seguridad B", risk_factors="R"
    )
    referral = _refer(victim_case, protection_officer, shelter_partner).referral
    # Reception may not know that the protection team is involved: it does not list sealed referrals.
    assert client_for(clerk).get(reverse("referrals:detail", args=[referral.pk])).status_code == 404
    assert referral not in referrals_visible_to(clerk)
    page = client_for(reintegration_officer).get(reverse("referrals:detail", args=[referral.pk])).content.decode()
    assert 'id="sealed"' in page and victim_case.person.full_name in page  # the shared fields, under consent
    assert "Plan de seguridad B" not in page and reverse("protection:case", args=[victim_case.pk]) not in page
    inbox = client_for(shelter_partner).get(reverse("referrals:inbox_detail", args=[referral.pk])).content.decode()
    assert "Plan de seguridad B" not in inbox


def test_the_shelter_sees_a_referral_that_shares_nothing_among_its_expected_arrivals(
    victim_case, protection_officer, shelter_partner, trafficking_shelter, client_for
):
    referral = _refer(victim_case, protection_officer, shelter_partner, consent=False, sections=[]).referral
    assert list(expected_arrivals(trafficking_shelter)) == [referral]
    detail = client_for(shelter_partner).get(reverse("referrals:inbox_detail", args=[referral.pk])).content.decode()
    assert 'id="nothing-shared"' in detail and victim_case.person.full_name not in detail
    referrals.referral_set_status(actor=shelter_partner, referral=referral, status=Referral.Status.ACCEPTED)
    referrals.stay_check_in(actor=shelter_partner, referral=referral, bed_type="trafficking")
    assert free_beds(trafficking_shelter, "trafficking") == 2


def test_reception_does_not_see_sealed_rows_on_the_shelter_page_but_the_beds_count_them(
    victim_case, protection_officer, shelter_partner, trafficking_shelter, client_for, clerk, shares_with_partners
):
    referral = _refer(victim_case, protection_officer, shelter_partner).referral
    assert list(expected_arrivals(trafficking_shelter, user=clerk)) == []
    page = client_for(clerk).get(reverse("referrals:shelter_detail", args=[trafficking_shelter.pk])).content.decode()
    assert victim_case.person.full_name not in page
    referrals.referral_set_status(actor=shelter_partner, referral=referral, status=Referral.Status.ACCEPTED)
    referrals.stay_check_in(actor=shelter_partner, referral=referral, bed_type="trafficking")
    page = client_for(clerk).get(reverse("referrals:shelter_detail", args=[trafficking_shelter.pk])).content.decode()
    assert victim_case.person.full_name not in page and free_beds(trafficking_shelter, "trafficking") == 2
