"""Writes about the second factor: enrol, verify, recovery codes, reset. Each is audited."""

import django_otp
from django.db import transaction
from django.http import HttpRequest
from django_otp.plugins.otp_totp.models import TOTPDevice

from retorno.accounts.audit_actions import AuditAction
from retorno.accounts.models import User
from retorno.accounts.second_factor.models import RecoveryCodeDevice
from retorno.audit.actions import audit_event
from retorno.audit.models import AuditEvent

RECOVERY_CODES = 10


def _security(actor: User, action: AuditAction, *, obj=None, request=None, reason: str = "") -> None:
    audit_event(actor=actor, kind=AuditEvent.Kind.SECURITY, action=action, obj=obj, request=request, reason=reason)


@transaction.atomic
def authenticator_pending(*, actor: User) -> TOTPDevice:
    """The unconfirmed authenticator offered for enrolment (one per user, reused until confirmed)."""
    device = TOTPDevice.objects.filter(user=actor, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice(user=actor, name="authenticator", confirmed=False)
        device.full_clean()
        device.save()
    return device


def _new_recovery_codes(user: User) -> list[str]:
    """Ten fresh codes in clear (``abcde-fghij``), to be shown once: only their salted hashes are stored."""
    RecoveryCodeDevice.objects.filter(user=user).delete()
    device = RecoveryCodeDevice.objects.create(user=user, name="recovery", confirmed=True)
    return [f"{code[:5]}-{code[5:]}" for code in device.codes_replace(RECOVERY_CODES)]


@transaction.atomic
def second_factor_enrol(*, actor: User, code: str, request: HttpRequest | None = None) -> list[str] | None:
    """Confirm the pending authenticator with a code from it; returns fresh recovery codes (shown once).

    Returns None when the code is wrong. On success the session (if any) counts as verified.
    """
    device = TOTPDevice.objects.select_for_update().filter(user=actor, confirmed=False).order_by("pk").first()
    if device is None or not device.verify_token(normalise(code)):
        _security(actor, AuditAction.SECOND_FACTOR_ENROL_FAILED, request=request)
        return None
    TOTPDevice.objects.filter(user=actor).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = _new_recovery_codes(actor)
    _security(actor, AuditAction.SECOND_FACTOR_ENROL, obj=device, request=request)
    if request is not None:
        django_otp.login(request, device)
    return codes


def normalise(code: str) -> str:
    """The code as stored: no spaces or hyphens (recovery codes are shown as ``abcde-fghij``), lower case."""
    return "".join((code or "").replace("-", " ").split()).lower()


@transaction.atomic
def second_factor_verify(*, actor: User, code: str, request: HttpRequest | None = None) -> tuple[bool, bool]:
    """Check a code from the authenticator, or a single-use recovery code.

    Returns ``(verified, throttled)``. Wrong codes slow further attempts down (django-otp doubles
    the wait after each failure) and are audited; a used recovery code is gone.
    """
    code = normalise(code)
    totp = TOTPDevice.objects.select_for_update().filter(user=actor, confirmed=True).first()
    if totp is None:
        return False, False
    recovery = RecoveryCodeDevice.objects.select_for_update().filter(user=actor, confirmed=True).first()
    device = totp if code.isdigit() else recovery
    if device is None:
        device = totp
    if not device.verify_is_allowed()[0]:
        _security(actor, AuditAction.SECOND_FACTOR_THROTTLED, request=request)
        return False, True
    if not device.verify_token(code):
        _security(actor, AuditAction.SECOND_FACTOR_FAILED, request=request)
        return False, False
    if device is recovery:
        _security(actor, AuditAction.SECOND_FACTOR_RECOVERY_CODE_USED, obj=recovery, request=request)
    if request is not None:
        django_otp.login(request, device)
    return True, False


@transaction.atomic
def recovery_codes_renew(*, actor: User, request: HttpRequest | None = None) -> list[str]:
    """Replace every recovery code with ten new ones (the old ones stop working)."""
    codes = _new_recovery_codes(actor)
    _security(actor, AuditAction.SECOND_FACTOR_RECOVERY_CODES_RENEW, request=request)
    return codes


@transaction.atomic
def second_factor_reset(*, actor: User, user: User, request: HttpRequest | None = None) -> None:
    """Remove ``user``'s authenticator and recovery codes: they enrol again at next sign-in.

    The administrator does this for a lost phone; a verified user may do it to change phone.
    """
    TOTPDevice.objects.filter(user=user).delete()
    RecoveryCodeDevice.objects.filter(user=user).delete()
    _security(actor, AuditAction.SECOND_FACTOR_RESET, obj=user, request=request)
