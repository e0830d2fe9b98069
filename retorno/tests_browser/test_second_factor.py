"""A protection officer enrols an authenticator at first sign-in, then signs in with its code."""

import base64

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def code_for(secret: str) -> str:
    from django_otp.oath import totp

    return str(totp(base64.b32decode(secret))).zfill(6)


def test_protection_officer_enrols_and_signs_in_with_the_second_factor(page, protection_officer):
    from conftest import PASSWORD

    base = page.base_url
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", protection_officer.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit].primary")

    # First sign-in: no page opens before the authenticator is set up.
    page.wait_for_selector("h1:has-text('Configurar el segundo factor')")
    page.goto(f"{base}/protection/")
    page.wait_for_selector("h1:has-text('Configurar el segundo factor')")
    secret = page.inner_text("#otp-secret")
    assert page.locator("figure.qr svg").count() == 1
    page.fill("#id_code", code_for(secret))
    page.click("button[type=submit].primary")
    page.wait_for_selector("text=El segundo factor está activo.")
    assert page.locator("#recovery-codes li").count() == 10
    page.click("text=Ya los guardé: continuar")
    page.wait_for_url(lambda url: "/second-factor/setup" not in url)  # on to the page the officer asked for

    # Next sign-in: the password alone opens nothing; the code from the app does.
    page.click("button:has-text('Cerrar sesión')")
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", protection_officer.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit].primary")
    page.wait_for_selector("h1:has-text('Segundo factor')")
    page.goto(f"{base}/")
    assert "/accounts/second-factor/" in page.url

    from django_otp.plugins.otp_totp.models import TOTPDevice

    from conftest import totp_code

    page.fill("#id_code", totp_code(TOTPDevice.objects.get(user=protection_officer)))
    page.click("button[type=submit].primary")
    page.wait_for_url(f"{base}/")
    assert page.locator("main a:has-text('Segundo factor')").count() == 1
