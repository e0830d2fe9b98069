"""A health referral is one sealed referral to the facility: the facility answers in the one inbox,
sees nothing of the person, and the psychosocial page shows the referral's status as the outcome."""

import importlib

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import make_user
from retorno.accounts.models import Organisation, User
from retorno.protection import actions
from retorno.protection.models import HealthReferral
from retorno.referrals import actions as referrals
from retorno.referrals.models import Partner, Referral

pytestmark = pytest.mark.django_db

SECRET = "Ideación suicida desde el retorno"


def _refer(case, actor, destination="mental_health_hospital", organisation=None):
    return actions.health_referral_create(
        actor=actor, case=case, destination=destination, organisation=organisation, reason=SECRET
    )


def test_a_usual_destination_is_a_facility_partner_that_sees_nothing_of_the_person(psy_case, psychologist, client_for):
    row = _refer(psy_case, psychologist)
    referral = row.referral
    assert referral.sealed and referral.shared_fields == [] and referral.service == "health"
    facility = referral.partner.organisation
    assert facility.kind == Organisation.Kind.HEALTH and referral.partner.services == ["health"]
    assert _refer(psy_case, psychologist).referral.partner == referral.partner  # one entry per destination
    staff = make_user("hospital", User.Role.PARTNER, facility)
    inbox = client_for(staff).get(reverse("referrals:inbox")).content.decode()
    assert f"#{referral.pk}" in inbox
    assert psy_case.person.full_name not in inbox and SECRET not in inbox
    detail = client_for(staff).get(reverse("referrals:inbox_detail", args=[referral.pk])).content.decode()
    assert psy_case.person.full_name not in detail and SECRET not in detail


def test_the_facility_answers_and_the_case_shows_it_as_the_outcome(psy_case, psychologist):
    clinic = Organisation.objects.create(slug="clinica", name="Clínica Municipal", kind=Organisation.Kind.HEALTH)
    row = _refer(psy_case, psychologist, destination="other", organisation=clinic)
    assert Partner.objects.get(organisation=clinic).services == ["health"]
    staff = make_user("clinic", User.Role.PARTNER, clinic)
    referrals.referral_set_status(actor=staff, referral=row.referral, status=Referral.Status.ACCEPTED)
    referrals.referral_set_status(actor=staff, referral=row.referral, status=Referral.Status.NO_SHOW, reason="x")
    row.refresh_from_db()
    assert row.outcome == HealthReferral.Outcome.NOT_ATTENDED


def test_an_other_partner_must_offer_health_care_by_its_kind(psy_case, psychologist, employer_org):
    with pytest.raises(ValidationError) as refused:
        _refer(psy_case, psychologist, destination="other", organisation=employer_org)
    assert "organisation" in refused.value.error_dict and not Referral.objects.exists()


@pytest.mark.parametrize(
    ("outcome", "status"),
    [("attended", "completed"), ("not_attended", "no_show"), ("declined", "rejected"), ("withdrawn", "revoked")],
)
def test_staff_record_the_outcome_as_moves_of_the_referral(psy_case, psychologist, outcome, status):
    row = actions.health_referral_outcome(
        actor=psychologist, referral=_refer(psy_case, psychologist), outcome=outcome, note=SECRET
    )
    row.refresh_from_db()
    assert row.outcome == outcome and row.referral.status == status and row.outcome_note == SECRET
    assert SECRET not in row.referral.reason  # the notes stay in the case
    with pytest.raises(ValidationError):
        actions.health_referral_outcome(actor=psychologist, referral=row, outcome="pending")


def test_the_migrations_status_mappings():
    health = importlib.import_module("retorno.protection.migrations.0007_health_referral_is_a_referral_detail")
    shelter = importlib.import_module("retorno.protection.migrations.0006_shelter_referral_is_a_referral_detail")
    for old, status in {
        "pending": "pending",
        "attended": "completed",
        "not_attended": "no_show",
        "declined": "rejected",
    }.items():
        assert health.referral_status_for(old) == status
        assert health.outcome_for(status) == old
        assert str(HealthReferral(referral=Referral(status=status)).outcome) == old  # the page reads the same
    for old, status in {
        "pending": "pending",
        "admitted": "accepted",
        "declined": "rejected",
        "left": "completed",
    }.items():
        assert shelter.referral_status_for(old) == status
        assert shelter.old_status_for(status) == old
