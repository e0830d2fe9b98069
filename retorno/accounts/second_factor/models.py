"""Recovery codes kept as salted hashes: a django-otp device plugin of our own.

django-otp's ``otp_static`` stores each recovery code as typed, so a copy of the database would
hand out working codes. Here only a salted scrypt hash of each code is stored (a random 50-bit
code, its own salt, memory-hard): the codes are shown once, when made, and cannot be read back.
The device is an ordinary django-otp ``Device``, so ``django_otp.match_token``, ``verify_token``,
the throttling and ``django_otp.login`` work with it as with any other.
"""

import secrets

from django.conf import settings
from django.contrib.auth.hashers import ScryptPasswordHasher
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device, ThrottlingMixin, TimestampMixin

CODE_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567"  # Base32: no 0/1/8/9 to mistake for letters
CODE_LENGTH = 10  # 50 bits


class _RecoveryCodeHasher(ScryptPasswordHasher):
    # One lane instead of Django's five: a wrong code is checked against every code left, so each
    # check must stay well under a second; 2^14 x 8 still costs an attacker 16 MB per guess.
    parallelism = 1


def recovery_code_hash(code: str) -> str:
    hasher = _RecoveryCodeHasher()
    return hasher.encode(code, hasher.salt())


def recovery_code_new() -> str:
    """A fresh random code with at least one letter (an all-digit code would be read as a TOTP code)."""
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if not code.isdigit():
            return code


class RecoveryCodeDevice(TimestampMixin, ThrottlingMixin, Device):
    """A user's single-use recovery codes; each code is gone once used."""

    class Meta:
        verbose_name = _("recovery codes")
        verbose_name_plural = _("recovery codes")

    def __str__(self) -> str:
        return f"recovery codes of {self.user}"

    def get_throttle_factor(self) -> int:
        return getattr(settings, "OTP_STATIC_THROTTLE_FACTOR", 1)

    def codes_replace(self, count: int) -> list[str]:
        """Drop every code and make ``count`` new ones; returns them in clear (to be shown once)."""
        codes = [recovery_code_new() for _ in range(count)]
        self.code_set.all().delete()
        RecoveryCode.objects.bulk_create([RecoveryCode(device=self, code_hash=recovery_code_hash(c)) for c in codes])
        return codes

    def _matching_code(self, token: str) -> "RecoveryCode | None":
        hasher = _RecoveryCodeHasher()
        return next((row for row in self.code_set.all() if hasher.verify(token, row.code_hash)), None)

    def verify_token(self, token) -> bool:
        if not isinstance(token, str) or not self.verify_is_allowed()[0]:
            return False
        match = self._matching_code(token)
        if match is None:
            self.throttle_increment()
            return False
        # Single use even when two requests race with the same code: only one deletes the row.
        if not RecoveryCode.objects.filter(pk=match.pk).delete()[0]:
            return False
        self.throttle_reset(commit=False)
        self.set_last_used_timestamp(commit=False)
        self.save()
        return True


class RecoveryCode(models.Model):
    """One recovery code, as its salted hash (``scrypt$…``); never the code itself."""

    device = models.ForeignKey(RecoveryCodeDevice, on_delete=models.CASCADE, related_name="code_set")
    code_hash = models.CharField(max_length=255)

    class Meta:
        verbose_name = _("recovery code")
        verbose_name_plural = _("recovery codes")

    def __str__(self) -> str:
        return f"recovery code {self.pk}"
