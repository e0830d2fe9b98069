"""Outreach personas: the programme officer for institutions (new role), plus the root personas.

``shelter_partner`` (Casa del Migrante) has a sub-grant; ``employer_partner`` must see none of it.
"""

import datetime
from decimal import Decimal

import pytest

from conftest import make_user
from retorno.accounts.models import Organisation, User
from retorno.geo.models import Department
from retorno.outreach import actions
from retorno.outreach.models import Training


@pytest.fixture
def officer(programme) -> User:
    """Sofía, programme officer for institutions: runs trainings, networks, campaigns, agreements."""
    return make_user("officer", User.Role.INSTITUTIONS, programme)


@pytest.fixture
def judiciary(db) -> Organisation:
    return Organisation.objects.create(
        name="Organismo Judicial", acronym="OJ", slug="oj", kind=Organisation.Kind.JUDICIARY
    )


@pytest.fixture
def school_of_judges(judiciary) -> Organisation:
    return Organisation.objects.create(
        name="Escuela de Estudios Judiciales", slug="eej", kind=Organisation.Kind.JUDICIARY, parent=judiciary
    )


@pytest.fixture
def training(officer, judiciary) -> Training:
    training = actions.training_create(
        actor=officer,
        title="Trata de personas para jueces de paz",
        topic=Training.Topic.TRAFFICKING,
        audience="judges",
        starts_on=datetime.date(2026, 5, 4),
        ends_on=datetime.date(2026, 5, 5),
        institutions=[judiciary],
        place="Quetzaltenango",
        department=Department.objects.get(code="09"),
        trainers="Lcda. Ana Pérez",
        cost=Decimal("12500.00"),
    )
    actions.training_session_add(
        actor=officer, training=training, date=datetime.date(2026, 5, 4), subject="Marco legal"
    )
    actions.training_session_add(actor=officer, training=training, date=datetime.date(2026, 5, 5), subject="Casos")
    return training


@pytest.fixture
def judge(officer, judiciary):
    participant, _ = actions.participant_find_or_create(
        actor=officer,
        full_name="María José Q'uel Ixcoy",
        institution=judiciary,
        position="Jueza de paz",
        sex="F",
        department=Department.objects.get(code="09"),
    )
    return participant
