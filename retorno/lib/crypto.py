"""Encryption at rest for tier-2 columns (narrative notes and identifiers).

Values are encrypted with ``cryptography``'s MultiFernet over ``settings.ENCRYPTION_KEYS``:
the first key encrypts, every key decrypts, so keys rotate without downtime — put the new
key first, keep the old ones until ``manage.py protection_rotate_keys`` has re-encrypted
every column, then drop them. Encrypted columns cannot be searched or filtered by value.
"""

from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core import validators
from django.db import models


class DecryptionError(Exception):
    """No configured key decrypts a stored value (a key was dropped before rotation)."""


@lru_cache(maxsize=8)
def _multifernet(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise DecryptionError("settings.ENCRYPTION_KEYS is empty.")
    return MultiFernet([Fernet(key.encode() if isinstance(key, str) else key) for key in keys])


def current_fernet() -> MultiFernet:
    """The MultiFernet for the keys configured right now (re-read, so tests may override settings)."""
    return _multifernet(tuple(settings.ENCRYPTION_KEYS))


def encrypt(plaintext: str) -> str:
    return current_fernet().encrypt(plaintext.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    try:
        return current_fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except InvalidToken:
        raise DecryptionError("No configured encryption key decrypts this value.") from None


def rotate(token: str) -> str:
    """Re-encrypt a stored token with the first key (decrypting with any key)."""
    try:
        return current_fernet().rotate(token.encode("ascii")).decode("ascii")
    except InvalidToken:
        raise DecryptionError("No configured encryption key decrypts this value.") from None


class EncryptedTextField(models.TextField):
    """A TextField stored encrypted. The empty string stays empty (nothing to hide)."""

    description = "Text encrypted at rest"

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt(str(value))

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return decrypt(value)

    def get_db_prep_value(self, value, connection, prepared=False):
        if not prepared:
            value = self.get_prep_value(value)
        return value

    def get_lookup(self, lookup_name):
        # Ciphertext is randomised: only "is empty"/"is null" questions make sense.
        if lookup_name not in ("isnull", "exact", "in"):
            raise TypeError(f"Encrypted fields cannot be filtered with {lookup_name!r}.")
        return super().get_lookup(lookup_name)


class EncryptedCharField(EncryptedTextField):
    """A short encrypted value (a complaint number, a document number, a name).

    ``max_length`` bounds the plaintext; the column itself is text because the ciphertext
    is several times longer.
    """

    def __init__(self, *args, max_length: int = 200, **kwargs):
        self.plaintext_max_length = max_length
        super().__init__(*args, **kwargs)
        self.validators.append(validators.MaxLengthValidator(max_length))

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["max_length"] = self.plaintext_max_length
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        from django import forms

        defaults = {"form_class": forms.CharField, "max_length": self.plaintext_max_length, "widget": forms.TextInput}
        defaults.update(kwargs)
        return models.Field.formfield(self, **defaults)


def encrypted_fields() -> list[tuple[type[models.Model], list[str]]]:
    """Every model with encrypted columns, and the names of those columns."""
    from django.apps import apps

    found = []
    for model in apps.get_models():
        names = [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
        if names:
            found.append((model, names))
    return found
