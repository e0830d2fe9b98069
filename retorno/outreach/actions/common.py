"""Small pieces every outreach action uses."""

from django.db import models
from django.db.models.fields.files import FieldFile

from retorno.accounts.access import require
from retorno.audit.actions import audit_write, snapshot


def save_new(obj: models.Model, *, actor, action: str, request=None, m2m: dict | None = None) -> models.Model:
    """Validate, save and audit a new row (and set its many-to-many fields)."""
    obj.full_clean()
    obj.save()
    for name, values in (m2m or {}).items():
        getattr(obj, name).set(values)
    new = {k: v.name if isinstance(v, FieldFile) else v for k, v in snapshot(obj).items()}
    audit_write(actor=actor, action=str(action), obj=obj, new=new, request=request)
    return obj


__all__ = ["require", "save_new"]
