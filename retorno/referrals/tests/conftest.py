"""Referral fixtures: the shelter and employer personas' partner profiles, a shelter, consent."""

import pytest

from retorno.people.actions import consent_record
from retorno.referrals import actions
from retorno.referrals.models import SharedField


@pytest.fixture
def shelter_profile(shelter_org, manager):
    return actions.partner_create(
        actor=manager,
        organisation=shelter_org,
        services={"shelter": "Up to 72 hours, food, calls", "health": "Basic care"},
        target_groups=["adults", "women"],
    )


@pytest.fixture
def employer_profile(employer_org, manager):
    return actions.partner_create(actor=manager, organisation=employer_org, services=["employment"], answer_days=5)


@pytest.fixture
def shelter(shelter_profile, manager):
    return actions.shelter_create(
        actor=manager,
        partner=shelter_profile,
        name="Casa del Migrante — Ciudad de Guatemala",
        capacity_adults=2,
        capacity_women=1,
        capacity_minors=0,
        capacity_trafficking=0,
    )


@pytest.fixture
def consenting_person(person, clerk):
    consent_record(actor=clerk, person=person, purpose="share_partners", given=True)
    return person


@pytest.fixture
def refer(consenting_person, reintegration_officer):
    """``refer(partner, **overrides)`` -> a pending referral of the consenting person."""

    def make(partner, **kwargs):
        fields = {
            "actor": reintegration_officer,
            "person": consenting_person,
            "partner": partner,
            "purpose": "Entrevista para puesto de ayudante de cocina",
            "service": partner.services[0],
            "shared_fields": [SharedField.NAME, SharedField.PHONE],
        }
        fields.update(kwargs)
        return actions.referral_create(**fields)

    return make


@pytest.fixture
def job_referral(refer, employer_profile):
    return refer(employer_profile, service="employment")


@pytest.fixture
def shelter_referral(refer, shelter_profile, shelter):
    return refer(
        shelter_profile,
        service="shelter",
        shelter=shelter,
        purpose="Albergue temporal",
        shared_fields=[SharedField.NAME, SharedField.SEX, SharedField.AGE],
    )
