"""Protection fixtures: one case of each kind, each assigned to its own staff member.

- ``victim_case``: a trafficking case referred by reception, assigned to ``protection_officer``;
- ``psy_case``: a psychosocial case assigned to ``psychologist``;
- ``minor_case``: an unaccompanied minor referred by reception, assigned to ``protection_officer``.
The conftest ``manager`` supervises both administratively, which opens no sealed content (a
manager's role holds no case); ``protection_lead`` and ``psychosocial_lead`` are supervisors whose
role may hold the case, so they read it. ``other_manager`` supervises nobody.
"""

import pytest

from conftest import make_user
from retorno.accounts.models import Organisation, User
from retorno.protection import actions
from retorno.protection.models import CaseKind

SENTINEL = "SENTINEL-7f3a9c-nota-sellada"


def fiscalia() -> Organisation:
    """The MP unit a trafficking complaint goes to, from the institutions directory."""
    org, _ = Organisation.objects.get_or_create(
        slug="mp-fiscalia-trata",
        defaults={"name": "Fiscalía contra la Trata de Personas", "acronym": "FTP", "kind": "prosecution"},
    )
    return org


@pytest.fixture
def other_manager(programme) -> User:
    return make_user("manager2", User.Role.MANAGER, programme)


@pytest.fixture
def victim_case(clerk, protection_officer, person):
    referral = actions.protection_referral_receive(actor=clerk, person=person)
    return actions.referral_take(actor=protection_officer, referral=referral, kind=CaseKind.TRAFFICKING)


@pytest.fixture
def psy_case(psychologist, person):
    return actions.case_open(actor=psychologist, person=person, kind=CaseKind.PSYCHOSOCIAL)


@pytest.fixture
def minor(clerk):
    import datetime

    from retorno.people.actions import person_create

    return person_create(
        actor=clerk, given_names="Ana Lucía", first_surname="Pérez", sex="F", birth_date=datetime.date(2012, 5, 1)
    )


@pytest.fixture
def minor_case(clerk, protection_officer, minor):
    referral = actions.protection_referral_receive(actor=clerk, person=minor, arrival=901, unaccompanied_minor=True)
    return actions.referral_take(actor=protection_officer, referral=referral)


@pytest.fixture
def every_case(victim_case, psy_case, minor_case) -> dict:
    return {"victim": victim_case, "psy": psy_case, "minor": minor_case}


@pytest.fixture
def reference_data_loaded(transactional_db):
    """Transactional tests start from empty tables: reload geography and the programme organisation."""
    from django.core.management import call_command

    from retorno.accounts.models import PROGRAMME_ORGANISATION_SLUG, Organisation

    call_command("geo_load", verbosity=0)
    Organisation.objects.get_or_create(
        slug=PROGRAMME_ORGANISATION_SLUG, defaults={"name": "Programa de Retornados", "kind": "programme"}
    )


@pytest.fixture
def protection_lead(programme, protection_officer) -> User:
    """A senior protection officer who supervises ``protection_officer`` (and so reads their cases)."""
    lead = make_user("protection_lead", User.Role.PROTECTION, programme)
    protection_officer.supervisor = lead
    protection_officer.save(update_fields=["supervisor"])
    return lead


@pytest.fixture
def psychosocial_lead(programme, psychologist) -> User:
    """A senior psychologist who supervises ``psychologist``."""
    lead = make_user("psychosocial_lead", User.Role.PSYCHOSOCIAL, programme)
    psychologist.supervisor = lead
    psychologist.save(update_fields=["supervisor"])
    return lead


@pytest.fixture
def second_officer(programme, other_manager) -> User:
    """A protection officer not assigned to any case, supervised by ``other_manager``."""
    return make_user("protection2", User.Role.PROTECTION, programme, supervisor=other_manager)
