"""Reads about a user's second factor."""

import base64

from django.http import HttpRequest
from django_otp.plugins.otp_totp.models import TOTPDevice

from retorno.accounts.access import needs_second_factor
from retorno.accounts.models import User
from retorno.accounts.second_factor.models import RecoveryCodeDevice


def authenticator_of(user: User) -> TOTPDevice | None:
    """The user's confirmed authenticator app, if enrolled."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def is_enrolled(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def recovery_codes_left(user: User) -> int:
    device = RecoveryCodeDevice.objects.filter(user=user, confirmed=True).first()
    return device.code_set.count() if device else 0


def session_is_verified(request: HttpRequest) -> bool:
    """True when this session proved a second factor (set by django-otp's middleware)."""
    verified = getattr(request.user, "is_verified", None)
    return bool(verified and verified())


def second_factor_missing(request: HttpRequest) -> bool:
    """A signed-in user whose role requires a second factor that this session has not proved."""
    user = request.user
    return bool(user.is_authenticated and needs_second_factor(user) and not session_is_verified(request))


def secret_text(device: TOTPDevice) -> str:
    """The secret in Base32, as authenticator apps expect it typed."""
    return base64.b32encode(device.bin_key).decode()


def qr_svg(uri: str) -> str:
    """An inline SVG QR code of the otpauth URI, drawn locally (no external service)."""
    import segno

    return segno.make(uri, error="m").svg_inline(scale=4, dark="#000", light="#fff")
