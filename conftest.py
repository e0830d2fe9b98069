"""Personas shared by every test: one user per role, and people who must see nothing.

Each persona is built once per test through the same models the demo uses:
- ``clerk`` (reception), ``psychologist``, ``protection_officer``, ``reintegration_officer``,
  ``monitor`` (M&E), ``manager``, ``administrator`` — all in the programme organisation;
- ``shelter_partner`` in Casa del Migrante, ``employer_partner`` in another partner, who
  must see nothing of the shelter's referrals.
"""

import pytest
from django.test import Client

from retorno.accounts.models import PROGRAMME_ORGANISATION_SLUG, Organisation, User

# One Playwright instance for every app's browser tests (fixtures: browser, page, sign_in, ...).
pytest_plugins = ["retorno.tests_browser.fixtures"]

PASSWORD = "a-long-test-password-1"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Tests create many users: a deliberately slow production hash would dominate the suite."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def make_user(username: str, role: str, organisation: Organisation, **extra) -> User:
    user = User(username=username, role=role, organisation=organisation, first_name=username.title(), **extra)
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def programme(db) -> Organisation:
    return Organisation.objects.get_or_create(
        slug=PROGRAMME_ORGANISATION_SLUG, defaults={"name": "Programa de Retornados", "kind": "programme"}
    )[0]


@pytest.fixture
def shelter_org(db) -> Organisation:
    return Organisation.objects.create(slug="casa", name="Casa del Migrante", kind=Organisation.Kind.SHELTER)


@pytest.fixture
def employer_org(db) -> Organisation:
    return Organisation.objects.create(slug="empleador", name="Empleador S.A.", kind=Organisation.Kind.EMPLOYER)


@pytest.fixture
def manager(programme) -> User:
    return make_user("manager", User.Role.MANAGER, programme)


@pytest.fixture
def clerk(programme, manager) -> User:
    return make_user("clerk", User.Role.RECEPTION, programme, supervisor=manager)


@pytest.fixture
def psychologist(programme, manager) -> User:
    return make_user("psychologist", User.Role.PSYCHOSOCIAL, programme, supervisor=manager)


@pytest.fixture
def protection_officer(programme, manager) -> User:
    return make_user("protection", User.Role.PROTECTION, programme, supervisor=manager)


@pytest.fixture
def reintegration_officer(programme, manager) -> User:
    return make_user("reintegration", User.Role.REINTEGRATION, programme, supervisor=manager)


@pytest.fixture
def monitor(programme) -> User:
    return make_user("monitor", User.Role.MONITORING, programme)


@pytest.fixture
def administrator(programme) -> User:
    return make_user("administrator", User.Role.ADMIN, programme, is_staff=True, is_superuser=True)


@pytest.fixture
def shelter_partner(shelter_org) -> User:
    return make_user("shelter", User.Role.PARTNER, shelter_org)


@pytest.fixture
def employer_partner(employer_org) -> User:
    return make_user("employer", User.Role.PARTNER, employer_org)


@pytest.fixture
def all_personas(
    clerk,
    psychologist,
    protection_officer,
    reintegration_officer,
    monitor,
    manager,
    administrator,
    shelter_partner,
    employer_partner,
) -> dict[str, User]:
    return {
        u.username: u
        for u in (
            clerk,
            psychologist,
            protection_officer,
            reintegration_officer,
            monitor,
            manager,
            administrator,
            shelter_partner,
            employer_partner,
        )
    }


def enrol_second_factor(user: User):
    """Give ``user`` a confirmed authenticator (TOTP device), as enrolment would; returns it."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="test authenticator", confirmed=True
    )


def totp_code(device) -> str:
    """The code the authenticator app shows now; forgets the last code used so tests may sign in twice."""
    from django_otp.oath import TOTP

    type(device).objects.filter(pk=device.pk).update(last_t=-1, throttling_failure_count=0)
    return str(TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()).zfill(device.digits)


@pytest.fixture
def client_for():
    """``client_for(user)`` -> a test client signed in as that user, second factor proved if the role needs it."""

    def make(user: User) -> Client:
        from django_otp import DEVICE_ID_SESSION_KEY

        from retorno.accounts.access import needs_second_factor

        client = Client()
        client.force_login(user)
        if needs_second_factor(user):
            session = client.session
            session[DEVICE_ID_SESSION_KEY] = enrol_second_factor(user).persistent_id
            session.save()
        return client

    return make


@pytest.fixture
def api_for(client_for):
    """``api_for(user)`` -> a client that sends a bearer token for that user."""
    from datetime import timedelta

    from django.utils import timezone

    from retorno.accounts.models import ApiToken

    def make(user: User) -> Client:
        raw = f"test-token-{user.username}"
        ApiToken.objects.get_or_create(
            digest=ApiToken.digest_of(raw),
            defaults={
                "user": user,
                "expires_at": timezone.now() + timedelta(hours=1),
                "credential_stamp": ApiToken.stamp_for(user),
            },
        )
        return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")

    return make


@pytest.fixture
def person(clerk):
    """José Luis Xicará Tzul, from Huehuetenango, registered by the clerk."""
    import datetime

    from retorno.geo.models import Municipality
    from retorno.people.actions import person_create

    return person_create(
        actor=clerk,
        given_names="José Luis",
        first_surname="Xicará",
        second_surname="Tzul",
        sex="M",
        birth_date=datetime.date(1990, 4, 3),
        cui="",
        origin_municipality=Municipality.objects.get(code="1301"),
    )
