"""What every protection write shares: the sealed audit snapshot, validated save, the audit row."""

from django.core.exceptions import PermissionDenied
from django.db import models

from retorno.accounts.models import User
from retorno.audit.actions import audit_write, snapshot
from retorno.lib.crypto import EncryptedTextField
from retorno.protection.models import ProtectionCase
from retorno.protection.queries import case_access


def sealed_snapshot(obj: models.Model) -> dict:
    """Field values for the audit log, with every encrypted field shown as '[sealed]'."""
    sealed = tuple(f.name for f in obj._meta.concrete_fields if isinstance(f, EncryptedTextField))
    return snapshot(obj, redact=sealed)


def full_save(obj: models.Model) -> models.Model:
    """Validate (full_clean) and save."""
    obj.full_clean()
    obj.save()
    return obj


def case_audit(
    *, actor: User, action: str, obj: models.Model, case: ProtectionCase, request=None, old=None, new=None
) -> None:
    audit_write(
        actor=actor,
        action=action,
        obj=obj,
        person_id=case.person_id,
        old=old,
        new=new if new is not None else sealed_snapshot(obj),
        request=request,
    )


def require_case_writer(actor: User, case: ProtectionCase) -> None:
    """Only who reads the case in full (assigned, supervising, emergency access) writes to it."""
    if not case_access(actor, case).full:
        raise PermissionDenied
