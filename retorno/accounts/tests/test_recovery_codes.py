"""Recovery codes are kept only as salted hashes: a copy of the database gives no working code."""

from importlib import import_module
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from conftest import PASSWORD, enrol_second_factor, totp_code
from retorno.accounts.second_factor.actions import recovery_codes_renew, second_factor_verify
from retorno.accounts.second_factor.models import RecoveryCode, RecoveryCodeDevice
from retorno.accounts.tests.test_second_factor import codes_on, password_only, token_request

pytestmark = pytest.mark.django_db

migration = import_module("retorno.accounts.migrations.0006_recovery_codes_from_static_tokens")


def database_text() -> str:
    """Every row of every table, as a dump would carry it."""
    out = StringIO()
    call_command("dumpdata", stdout=out)
    text = out.getvalue()
    with connection.cursor() as cursor:
        for table in ("otp_static_statictoken", "accounts_recoverycode"):
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 (fixed table names)
            text += repr(cursor.fetchall())
    return text


def test_a_database_dump_holds_no_working_code(manager, client_for):
    enrol_second_factor(manager)
    page = client_for(manager).post(reverse("second_factor_renew_codes")).content.decode()
    codes = codes_on(page)
    assert len(codes) == 10
    dump = database_text()
    for code in codes:
        assert code not in dump and code.replace("-", "") not in dump
    stored = list(RecoveryCode.objects.filter(device__user=manager).values_list("code_hash", flat=True))
    assert len(stored) == 10 and all(value.startswith("scrypt$") for value in stored)
    # What the database holds, typed as a code, opens nothing.
    assert not any(second_factor_verify(actor=manager, code=value)[0] for value in stored[:1])
    assert not StaticToken.objects.exists()


def test_each_code_works_once_in_the_page_and_the_api(protection_officer):
    enrol_second_factor(protection_officer)
    codes = recovery_codes_renew(actor=protection_officer)
    assert (
        password_only(protection_officer).post(reverse("second_factor_verify"), {"code": codes[0].upper()})["Location"]
        == "/"
    )
    RecoveryCodeDevice.objects.update(throttling_failure_count=0)
    again = password_only(protection_officer).post(reverse("second_factor_verify"), {"code": codes[0]})
    assert again.status_code == 200
    RecoveryCodeDevice.objects.update(throttling_failure_count=0)
    body = {"username": "protection", "password": PASSWORD, "otp_code": codes[1]}
    assert token_request(body).status_code == 200
    RecoveryCodeDevice.objects.update(throttling_failure_count=0)
    assert token_request(body).status_code == 401
    assert RecoveryCode.objects.filter(device__user=protection_officer).count() == 8


def test_django_otp_matches_the_device_like_any_other(psychologist):
    enrol_second_factor(psychologist)
    code = recovery_codes_renew(actor=psychologist)[2].replace("-", "")
    device = match_token(psychologist, code)
    assert isinstance(device, RecoveryCodeDevice)
    assert match_token(psychologist, code) is None


def test_a_code_used_by_two_requests_at_once_works_for_one_only(psychologist, monkeypatch):
    """Both requests found the code's row; the one that deletes it second is refused."""
    enrol_second_factor(psychologist)
    code = recovery_codes_renew(actor=psychologist)[0].replace("-", "")
    device = RecoveryCodeDevice.objects.get(user=psychologist)
    found = device._matching_code(code)
    monkeypatch.setattr(RecoveryCodeDevice, "_matching_code", lambda self, token: found)
    assert device.verify_token(code) is True
    assert device.verify_token(code) is False  # the same row, already gone


def test_new_codes_end_the_old_ones(manager):
    device = enrol_second_factor(manager)
    old = recovery_codes_renew(actor=manager)
    recovery_codes_renew(actor=manager)
    assert second_factor_verify(actor=manager, code=old[0]) == (False, False)
    assert second_factor_verify(actor=manager, code=totp_code(device))[0]


def test_plain_tokens_left_by_otp_static_are_moved_into_hashes(manager, psychologist):
    old = StaticDevice.objects.create(user=manager, name="recovery", confirmed=True, throttling_failure_count=2)
    StaticToken.objects.create(device=old, token="abcd2345")
    StaticToken.objects.create(device=old, token="wxyz6789")
    StaticDevice.objects.create(user=psychologist, name="recovery", confirmed=True)
    migration.forwards(apps, None)
    assert not StaticToken.objects.exists() and not StaticDevice.objects.exists()
    assert "abcd2345" not in database_text()
    moved = RecoveryCodeDevice.objects.get(user=manager)
    assert moved.throttling_failure_count == 2 and moved.code_set.count() == 2
    RecoveryCodeDevice.objects.update(throttling_failure_count=0)
    enrol_second_factor(manager)
    assert second_factor_verify(actor=manager, code="ABCD 2345") == (True, False)
    assert second_factor_verify(actor=manager, code="abcd2345") == (False, False)
    assert RecoveryCodeDevice.objects.get(user=psychologist).code_set.count() == 0
