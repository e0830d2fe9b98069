"""A password change or a deactivation ends the user's API tokens and sessions at once (issue 10, item 10)."""

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD
from retorno.accounts.models import ApiToken
from retorno.audit.models import AuditEvent

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "otra-frase-larga-y-rara-91"


def _token(username: str, password: str = PASSWORD) -> str:
    response = Client().post(
        "/api/v1/auth/token", {"username": username, "password": password}, content_type="application/json"
    )
    assert response.status_code == 200
    return response.json()["token"]


def _me(token: str) -> int:
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}").get("/api/v1/auth/me").status_code


def _browser(username: str) -> Client:
    client = Client()
    assert client.post(reverse("login"), {"username": username, "password": PASSWORD}).status_code == 302
    assert client.get(reverse("home")).status_code == 200
    return client


def _signed_in(client: Client) -> bool:
    return client.get(reverse("home")).status_code == 200


def test_password_change_on_the_page_ends_tokens_and_other_sessions(clerk):
    token = _token("clerk")
    elsewhere = _browser("clerk")
    here = _browser("clerk")
    assert _me(token) == 200
    response = here.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert _me(token) == 401
    assert not _signed_in(elsewhere)
    assert _signed_in(here)  # the session that changed the password goes on
    assert ApiToken.objects.get(user=clerk).revoked_at is not None
    assert AuditEvent.objects.filter(action="user.access_end", reason="password_changed").exists()
    assert _me(_token("clerk", NEW_PASSWORD)) == 200


def test_password_set_by_any_other_path_ends_tokens(clerk):
    token = _token("clerk")
    clerk.set_password(NEW_PASSWORD)  # as `manage.py changepassword` does
    clerk.save()
    assert _me(token) == 401


def _admin_form(user) -> dict:
    return {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on" if user.is_active else "",
        "role": user.role,
        "organisation": user.organisation_id,
        "supervisor": user.supervisor_id or "",
        "date_joined_0": user.date_joined.strftime("%Y-%m-%d"),
        "date_joined_1": user.date_joined.strftime("%H:%M:%S"),
        "initial-date_joined_0": user.date_joined.strftime("%Y-%m-%d"),
        "initial-date_joined_1": user.date_joined.strftime("%H:%M:%S"),
    }


def test_deactivation_ends_tokens_and_sessions_for_good(clerk, administrator, client_for):
    token = _token("clerk")
    browser = _browser("clerk")
    admin = client_for(administrator)
    url = reverse("admin:accounts_user_change", args=[clerk.pk])
    response = admin.post(url, {**_admin_form(clerk), "is_active": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    clerk.refresh_from_db()
    assert not clerk.is_active
    assert _me(token) == 401 and not _signed_in(browser)
    assert not [s for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(clerk.pk)]
    # Reactivated: the old token and the old session stay dead.
    assert admin.post(url, _admin_form(clerk) | {"is_active": "on"}).status_code == 302
    assert _me(token) == 401 and not _signed_in(browser)
    event = AuditEvent.objects.get(action="user.access_end", reason="deactivated")
    assert event.actor == administrator and event.new == {"tokens": 1, "sessions": 1}


def test_admin_password_change_ends_the_users_tokens_and_sessions(clerk, administrator, client_for):
    token = _token("clerk")
    browser = _browser("clerk")
    admin = client_for(administrator)
    response = admin.post(
        reverse("admin:auth_user_password_change", args=[clerk.pk]),
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"},
    )
    assert response.status_code == 302
    assert _me(token) == 401 and not _signed_in(browser)
    assert _signed_in(admin)


def test_only_the_administrator_deactivates(clerk, manager, client_for):
    url = reverse("admin:accounts_user_change", args=[clerk.pk])
    assert client_for(manager).post(url, {**_admin_form(clerk), "is_active": ""}).status_code == 302  # to login
    clerk.refresh_from_db()
    assert clerk.is_active
