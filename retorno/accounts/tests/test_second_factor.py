"""The second factor: required for protection, psychosocial, manager and administrator."""

import json
import re

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import PASSWORD, enrol_second_factor, totp_code
from retorno.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def password_only(user) -> Client:
    client = Client()
    client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    return client


def codes_on(page: str) -> list[str]:
    """The recovery codes a page shows (they exist in clear nowhere else)."""
    listing = re.search(r'<ul id="recovery-codes"[^>]*>(.*?)</ul>', page, re.S).group(1)
    return re.findall(r"<code>([^<]+)</code>", listing)


def token_request(body: dict):
    return Client().post("/api/v1/auth/token", json.dumps(body), content_type="application/json")


@pytest.mark.parametrize("persona", ["protection_officer", "psychologist", "manager", "administrator"])
def test_password_alone_opens_no_page_for_roles_with_sealed_data(persona, request, person):
    user = request.getfixturevalue(persona)
    enrol_second_factor(user)
    client = password_only(user)
    for path in ["/", f"/people/{person.pk}/", "/admin/", "/accounts/password/"]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(reverse("second_factor_verify")), path
    assert client.get(f"/api/v1/people/persons/{person.pk}").status_code == 401


def test_clerk_needs_no_second_factor(clerk):
    response = password_only(clerk).get("/")
    assert response.status_code == 200


def test_code_after_password_opens_the_pages(protection_officer):
    device = enrol_second_factor(protection_officer)
    client = password_only(protection_officer)
    response = client.post(reverse("second_factor_verify"), {"code": totp_code(device), "next": "/"})
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/").status_code == 200


def test_wrong_code_is_refused_then_throttled_and_audited(manager):
    device = enrol_second_factor(manager)
    client = password_only(manager)
    right = totp_code(device)
    wrong = "000000" if right != "000000" else "111111"
    response = client.post(reverse("second_factor_verify"), {"code": wrong})
    assert response.status_code == 200 and "no es válido" in response.content.decode()
    # Right after a failure even the right code waits: each failure doubles the delay.
    response = client.post(reverse("second_factor_verify"), {"code": right})
    assert response.status_code == 429
    assert client.get("/").status_code == 302
    actions = list(AuditEvent.objects.filter(actor=manager).values_list("action", flat=True))
    assert "second_factor.failed" in actions and "second_factor.throttled" in actions


def test_enrolment_shows_secret_then_recovery_codes_and_is_audited(psychologist):
    client = password_only(psychologist)
    assert client.get("/")["Location"].startswith(reverse("second_factor_setup"))
    page = client.get(reverse("second_factor_setup"))
    assert page.status_code == 200 and "otpauth://totp/" in page.content.decode() and "<svg" in page.content.decode()
    assert "no-store" in page["Cache-Control"]
    device = TOTPDevice.objects.get(user=psychologist, confirmed=False)
    response = client.post(reverse("second_factor_setup"), {"code": totp_code(device), "next": "/"})
    assert response.status_code == 200
    codes = codes_on(response.content.decode())
    assert len(codes) == 10 and len(set(codes)) == 10
    assert all(re.fullmatch(r"[a-z2-7]{5}-[a-z2-7]{5}", code) for code in codes)
    assert client.get("/").status_code == 200
    assert AuditEvent.objects.filter(actor=psychologist, action="second_factor.enrol").exists()


def test_a_password_alone_cannot_add_a_second_authenticator(manager):
    enrol_second_factor(manager)
    client = password_only(manager)
    response = client.get(reverse("second_factor_setup"))
    assert response.status_code == 302 and response["Location"] == reverse("second_factor_verify")
    assert TOTPDevice.objects.filter(user=manager).count() == 1


def test_recovery_code_works_once(protection_officer, client_for):
    enrol_second_factor(protection_officer)
    verified = client_for(protection_officer)
    code = codes_on(verified.post(reverse("second_factor_renew_codes")).content.decode())[3]
    first = password_only(protection_officer)
    assert first.post(reverse("second_factor_verify"), {"code": code.upper()})["Location"] == "/"
    second = password_only(protection_officer)
    assert second.post(reverse("second_factor_verify"), {"code": code}).status_code in (200, 429)
    assert second.get("/").status_code == 302
    assert AuditEvent.objects.filter(action="second_factor.recovery_code_used").count() == 1


def test_administrator_resets_a_lost_phone_and_it_is_audited(administrator, manager, client_for):
    enrol_second_factor(manager)
    admin_client = client_for(administrator)
    response = admin_client.post(
        "/admin/accounts/user/", {"action": "reset_second_factor", "_selected_action": [manager.pk]}
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=manager).exists()
    event = AuditEvent.objects.get(action="second_factor.reset")
    assert event.actor == administrator and event.object_id == str(manager.pk)
    # Next sign-in goes to enrolment.
    assert password_only(manager).get("/")["Location"].startswith(reverse("second_factor_setup"))


def test_admin_shows_no_authenticator_secrets(administrator, client_for):
    enrol_second_factor(administrator)
    assert client_for(administrator).get("/admin/otp_totp/totpdevice/").status_code == 404


def test_token_endpoint_asks_for_the_code(protection_officer):
    device = enrol_second_factor(protection_officer)
    response = token_request({"username": "protection", "password": PASSWORD})
    assert response.status_code == 401 and response.json()["errors"][0]["field"] == "otp_code"
    response = token_request({"username": "protection", "password": PASSWORD, "otp_code": totp_code(device)})
    assert response.status_code == 200 and response.json()["token"]


def test_token_endpoint_refuses_a_wrong_code_then_throttles(manager):
    device = enrol_second_factor(manager)
    right = totp_code(device)
    wrong = "000000" if right != "000000" else "111111"
    assert token_request({"username": "manager", "password": PASSWORD, "otp_code": wrong}).status_code == 401
    assert token_request({"username": "manager", "password": PASSWORD, "otp_code": right}).status_code == 429


def test_token_endpoint_refuses_a_role_not_enrolled_yet(manager):
    response = token_request({"username": "manager", "password": PASSWORD, "otp_code": "123456"})
    assert response.status_code == 403


def test_token_endpoint_documents_the_code(client):
    schema = client.get("/api/v1/openapi.json").json()
    credentials = schema["components"]["schemas"]["Credentials"]["properties"]
    assert "otp_code" in credentials and "protection" in credentials["otp_code"]["description"]


def test_clerk_gets_a_token_without_a_code(clerk):
    assert token_request({"username": "clerk", "password": PASSWORD}).status_code == 200


def test_change_of_phone(manager, client_for):
    enrol_second_factor(manager)
    client = client_for(manager)
    response = client.post(reverse("second_factor_replace"))
    assert response["Location"] == reverse("second_factor_setup")
    assert not TOTPDevice.objects.filter(user=manager, confirmed=True).exists()
    assert client.get(reverse("second_factor_setup")).status_code == 200


def test_manage_page_in_english(manager, client_for):
    client = client_for(manager)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("second_factor_manage")).content.decode()
    assert "Your authenticator app is active." in page and "You have 0 recovery codes left." in page


def test_demo_prints_each_secret(db, capsys):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("geo_load", verbosity=0)
    from retorno.accounts import demo

    demo.load(options={}, stdout=out)
    text = out.getvalue()
    for username in ["proteccion", "psicologia", "gerencia", "admin"]:
        assert f"second factor (TOTP) of {username}: " in text
    assert "of recepcion" not in text


def test_api_lockout_answers_json(clerk):
    from django.conf import settings

    for _ in range(settings.AXES_FAILURE_LIMIT):
        token_request({"username": "clerk", "password": "wrong"})
    response = token_request({"username": "clerk", "password": PASSWORD})
    assert response.status_code == 429 and response["Content-Type"] == "application/json"
    assert response.json()["detail"]
