"""Reintegration fixtures built through the real actions."""

import datetime
from decimal import Decimal

import pytest

from conftest import make_user
from retorno.accounts.models import Organisation, User
from retorno.funding import actions as funding
from retorno.people.actions import consent_record
from retorno.reintegration import actions


@pytest.fixture
def consenting(person, clerk):
    """José Luis, who consented to reintegration support, follow-up and sharing data with partners."""
    consent_record(actor=clerk, person=person, purpose="reintegration", given=True)
    consent_record(actor=clerk, person=person, purpose="follow_up", given=True)
    consent_record(actor=clerk, person=person, purpose="share_partners", given=True)
    return person


@pytest.fixture
def case(consenting, reintegration_officer):
    return actions.case_open(
        actor=reintegration_officer, person=consenting, returned_on=datetime.date.today() - datetime.timedelta(days=10)
    )


@pytest.fixture
def second_manager(programme) -> User:
    return make_user("manager2", User.Role.MANAGER, programme)


@pytest.fixture
def donor(manager):
    """A donor reported to in quetzales, so a line's balance reads as the payments' amounts."""
    return funding.donor_create(actor=manager, name="USAID", code="usaid", currency="GTQ")


def open_line(manager, donor, *, code: str, kind: str, amount: str, name: str = "Línea"):
    """A budget line of the programme ledger covering last year to next year."""
    year = datetime.date.today().year
    return funding.budget_line_create(
        actor=manager,
        donor=donor,
        code=code,
        name=name,
        kind=kind,
        amount=Decimal(amount),
        starts_on=datetime.date(year - 1, 1, 1),
        ends_on=datetime.date(year + 1, 12, 31),
    )


@pytest.fixture
def budget_line(manager, donor):
    return open_line(manager, donor, code="USAID-DOC", name="Documentos", kind="document_fee", amount="1000")


@pytest.fixture
def intecap(db):
    return Organisation.objects.create(slug="intecap-t", name="INTECAP", kind=Organisation.Kind.TRAINING)


@pytest.fixture
def course(reintegration_officer, intecap):
    return actions.course_create(
        actor=reintegration_officer,
        institution=intecap,
        name="Panadería",
        sector="culinary",
        hours=80,
        cost=Decimal("350"),
    )


@pytest.fixture
def employer_profile(employer_org, manager):
    """The employer's entry in the partner directory: job referrals are sent to it."""
    from retorno.referrals.actions import partner_create

    return partner_create(actor=manager, organisation=employer_org, services=["employment"])


@pytest.fixture
def vacancy(reintegration_officer, employer_org, employer_profile):
    return actions.vacancy_create(
        actor=reintegration_officer, employer=employer_org, title="Agente bilingüe", sector="call_centre", positions=1
    )


@pytest.fixture(autouse=True)
def english_messages():
    """Actions' messages are matched in English here; the pages are tested in their default, Spanish."""
    from django.utils import translation

    with translation.override("en"):
        yield
