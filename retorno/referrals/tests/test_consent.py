"""No referral without consent for its purpose, unless a manager overrides it with a reason (audited)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from retorno.audit.models import AuditEvent
from retorno.people.actions import consent_record
from retorno.referrals.actions import referral_create, shelter_referral_from_reception
from retorno.referrals.models import Referral
from retorno.referrals.queries import person_ids_shared_with, shared_data, sharing_allowed


def _refer(actor, person, partner, shared_fields=("name",), **extra):
    return referral_create(
        actor=actor,
        person=person,
        partner=partner,
        purpose="Empleo",
        service="employment",
        shared_fields=list(shared_fields),
        **extra,
    )


def test_no_consent_no_referral(person, employer_profile, reintegration_officer):
    with pytest.raises(ValidationError) as error:
        _refer(reintegration_officer, person, employer_profile)
    assert "consent" in error.value.message_dict
    assert not Referral.objects.exists()


def test_withdrawn_consent_is_no_consent(consenting_person, employer_profile, reintegration_officer, clerk):
    consent_record(actor=clerk, person=consenting_person, purpose="share_partners", given=False)
    with pytest.raises(ValidationError):
        _refer(reintegration_officer, consenting_person, employer_profile)


def test_consent_for_another_purpose_does_not_count(person, employer_profile, reintegration_officer, clerk):
    consent_record(actor=clerk, person=person, purpose="follow_up", given=True)
    with pytest.raises(ValidationError):
        _refer(reintegration_officer, person, employer_profile)
    consent_record(actor=clerk, person=person, purpose="reintegration", given=True)
    # The referral decides which consent it needs (to share with partners); the caller no longer
    # chooses one (issue 10, item 6: a deliberate change of rule).
    with pytest.raises(ValidationError):
        _refer(reintegration_officer, person, employer_profile)
    with pytest.raises(TypeError):
        _refer(reintegration_officer, person, employer_profile, consent_purpose="reintegration")
    assert not Referral.objects.exists()


def test_referral_keeps_the_consent_it_relied_on(consenting_person, employer_profile, reintegration_officer):
    referral = _refer(reintegration_officer, consenting_person, employer_profile)
    assert referral.consent is not None and referral.consent.given
    assert referral.consent_override_reason == ""


def test_manager_overrides_with_a_reason_and_it_is_audited(person, employer_profile, manager):
    referral = _refer(
        manager, person, employer_profile, consent_override_reason="Menor bajo medida de protección de la PGN"
    )
    assert referral.consent is None
    event = AuditEvent.objects.get(object_type="referrals.referral", object_id=str(referral.pk))
    assert event.action == "referral.create_without_consent"
    assert event.reason == "Menor bajo medida de protección de la PGN"
    assert event.actor == manager


def test_override_needs_a_reason(person, employer_profile, manager):
    with pytest.raises(ValidationError):
        _refer(manager, person, employer_profile, consent_override_reason="   ")


def test_only_an_authorised_role_may_override(person, employer_profile, reintegration_officer, clerk):
    for actor in (reintegration_officer, clerk):
        with pytest.raises(PermissionDenied):
            _refer(actor, person, employer_profile, consent_override_reason="Urgente")
    assert not Referral.objects.exists()


def test_roles_without_referral_permission_cannot_refer(consenting_person, employer_profile, monitor, employer_partner):
    for actor in (monitor, employer_partner):
        with pytest.raises(PermissionDenied):
            _refer(actor, consenting_person, employer_profile)


def test_withdrawing_consent_later_stops_the_sharing(job_referral, clerk, employer_org):
    assert sharing_allowed(job_referral) and shared_data(job_referral)
    consent_record(actor=clerk, person=job_referral.person, purpose="share_partners", given=False)
    assert not sharing_allowed(job_referral)
    assert shared_data(job_referral) == []


def test_override_holds_until_the_person_refuses(person, employer_profile, manager, clerk):
    referral = _refer(manager, person, employer_profile, consent_override_reason="Persona inconsciente, hospital")
    assert sharing_allowed(referral)
    consent_record(actor=clerk, person=person, purpose="share_partners", given=False)
    assert not sharing_allowed(referral)


def test_person_ids_shared_with_needs_consent_an_open_referral_and_the_whole_record(
    consenting_person,
    employer_profile,
    employer_org,
    shelter_org,
    reintegration_officer,
    clerk,
    client_for,
    employer_partner,
):
    every_field = ["name", "sex", "age", "birth_date", "cui", "origin", "languages", "education", "phone", "email"]
    _refer(reintegration_officer, consenting_person, employer_profile, shared_fields=every_field)
    # Even every single field is less than the registry profile shows: the person stays out of it.
    assert list(person_ids_shared_with(employer_org.pk)) == []
    assert client_for(employer_partner).get(f"/people/{consenting_person.pk}/").status_code == 404
    whole = _refer(reintegration_officer, consenting_person, employer_profile, shared_fields=["full_record"])
    assert [row["id"] for row in person_ids_shared_with(employer_org.pk)] == [consenting_person.pk]
    assert client_for(employer_partner).get(f"/people/{consenting_person.pk}/").status_code == 200
    assert [label for label, _ in shared_data(whole)][:2] == ["Nombre completo", "Sexo"]
    assert list(person_ids_shared_with(shelter_org.pk)) == []
    consent_record(actor=clerk, person=consenting_person, purpose="share_partners", given=False)
    assert list(person_ids_shared_with(employer_org.pk)) == []
    assert client_for(employer_partner).get(f"/people/{consenting_person.pk}/").status_code == 404


def test_reception_shelter_referral_needs_consent(person, shelter, clerk):
    with pytest.raises(ValidationError):
        shelter_referral_from_reception(actor=clerk, person=person)
