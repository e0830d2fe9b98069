"""The registry's actions check the actor's permission themselves, whoever calls them.

A page or an API endpoint checks too, but another app's action (reception's triage, a demo, a
future import) reaches these functions directly: the action itself refuses a role without the
permission, and writes nothing.
"""

import pytest
from django.core.exceptions import PermissionDenied

from retorno.audit.models import AuditEvent
from retorno.people import actions
from retorno.people.models import Consent, Contact, Identifier, Person

pytestmark = pytest.mark.django_db

OUTSIDERS = ["monitor", "shelter_partner", "administrator"]


def writes_of(person: Person) -> int:
    return AuditEvent.objects.filter(person_id=person.pk, kind=AuditEvent.Kind.WRITE).count()


@pytest.mark.parametrize("persona", OUTSIDERS + ["psychologist", "protection_officer"])
def test_only_registering_desks_create_update_and_add_details(persona, request, person):
    actor = request.getfixturevalue(persona)
    before = writes_of(person)
    with pytest.raises(PermissionDenied):
        actions.person_create(actor=actor, given_names="Ana", first_surname="Pérez", sex="F")
    with pytest.raises(PermissionDenied):
        actions.person_update(actor=actor, person=person, given_names="Otro")
    with pytest.raises(PermissionDenied):
        actions.contact_add(actor=actor, person=person, kind=Contact.Kind.PHONE, value="5555-1234")
    with pytest.raises(PermissionDenied):
        actions.identifier_add(actor=actor, person=person, kind=Identifier.Kind.PASSPORT, value="G123")
    assert writes_of(person) == before
    assert not person.contacts.exists() and not person.identifiers.exists()
    assert Person.objects.get(pk=person.pk).given_names == person.given_names


@pytest.mark.parametrize("persona", OUTSIDERS + ["psychologist"])
def test_only_registering_desks_remove_details(persona, request, person, clerk):
    contact = actions.contact_add(actor=clerk, person=person, kind=Contact.Kind.PHONE, value="5555-1234")
    identifier = actions.identifier_add(actor=clerk, person=person, kind=Identifier.Kind.PASSPORT, value="G123")
    actor = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        actions.contact_remove(actor=actor, contact=contact)
    with pytest.raises(PermissionDenied):
        actions.identifier_remove(actor=actor, identifier=identifier)
    assert person.contacts.count() == 1 and person.identifiers.count() == 1


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_roles_outside_the_programme_record_no_consent(persona, request, person):
    actor = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        actions.consent_record(actor=actor, person=person, purpose=Consent.Purpose.FOLLOW_UP, given=True)
    assert not Consent.objects.filter(person=person).exists()


@pytest.mark.parametrize("persona", ["clerk", "reintegration_officer", "manager"])
def test_registering_desks_do_all_of_it(persona, request, person):
    actor = request.getfixturevalue(persona)
    contact = actions.contact_add(actor=actor, person=person, kind=Contact.Kind.PHONE, value="5555-1234")
    actions.contact_remove(actor=actor, contact=contact)
    actions.person_update(actor=actor, person=person, second_surname="Tzul")
    actions.consent_record(actor=actor, person=person, purpose=Consent.Purpose.FOLLOW_UP, given=True)
    assert Person.objects.get(pk=person.pk).second_surname == "Tzul"


def test_psychologist_records_consent_but_edits_nothing(psychologist, person):
    consent = actions.consent_record(
        actor=psychologist, person=person, purpose=Consent.Purpose.PSYCHOSOCIAL, given=True
    )
    assert consent.recorded_by == psychologist


def test_a_deactivated_clerk_is_refused(clerk, person):
    clerk.is_active = False
    clerk.save()
    with pytest.raises(PermissionDenied):
        actions.contact_add(actor=clerk, person=person, kind=Contact.Kind.PHONE, value="5555-1234")
