"""Sign-in, throttling, password policy, sessions, home pages."""

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_sign_in_and_land_on_the_role_home(clerk):
    client = Client()
    response = client.post(reverse("login"), {"username": "clerk", "password": PASSWORD}, follow=True)
    assert response.status_code == 200
    assert "Buscar una persona" in response.content.decode() or "Find a person" in response.content.decode()


def test_home_requires_sign_in():
    response = Client().get(reverse("home"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_repeated_failures_lock_the_account(clerk):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "clerk", "password": "wrong"})
    response = client.post(reverse("login"), {"username": "clerk", "password": PASSWORD})
    assert response.status_code == 429
    assert b"Too many failed" in response.content or "Demasiados" in response.content.decode()


def test_password_policy_refuses_short_and_common():
    for weak in ["corta1", "password123456", "123456789012"]:
        with pytest.raises(ValidationError):
            validate_password(weak)
    validate_password("una-frase-larga-y-rara-77")


def test_sessions_expire_when_idle():
    assert settings.SESSION_COOKIE_AGE <= 60 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST and settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def test_monitor_home_offers_no_registry(monitor, client_for):
    page = client_for(monitor).get(reverse("home")).content.decode()
    assert reverse("people:search") not in page


def test_language_switch_to_english(clerk, client_for):
    client = client_for(clerk)
    assert "Buscar" in client.get(reverse("home")).content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert "Find a person" in client.get(reverse("home")).content.decode()
