"""Writing audit events. Every domain action calls ``audit_write``; every view of a
person's record calls ``audit_view``."""

import datetime
import decimal
import uuid
from typing import Any

from django.db import models
from django.http import HttpRequest

from retorno.audit.models import AuditEvent


def client_address(request: HttpRequest | None) -> str | None:
    """The caller's address as the server saw it (a proxy must set REMOTE_ADDR)."""
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def _label(obj: models.Model | None) -> tuple[str, str]:
    if obj is None:
        return "", ""
    return obj._meta.label_lower, str(obj.pk)


def jsonable(value: Any) -> Any:
    """Turn model field values into JSON-safe values for old/new snapshots."""
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [jsonable(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    return value


def snapshot(obj: models.Model, fields: list[str] | None = None, *, redact: tuple[str, ...] = ()) -> dict:
    """The concrete field values of ``obj``; ``redact`` names fields logged as '[sealed]'."""
    values = {}
    for field in obj._meta.concrete_fields:
        if fields is not None and field.name not in fields:
            continue
        values[field.name] = "[sealed]" if field.name in redact else jsonable(getattr(obj, field.attname))
    return values


def changes(old: dict, new: dict) -> tuple[dict, dict]:
    """Only the keys whose values differ, as (old, new)."""
    keys = [k for k in new if old.get(k) != new.get(k)]
    return {k: old.get(k) for k in keys}, {k: new[k] for k in keys}


def audit_write(
    *,
    actor,
    action: str,
    obj: models.Model | None = None,
    person_id: int | None = None,
    old: dict | None = None,
    new: dict | None = None,
    reason: str = "",
    request: HttpRequest | None = None,
) -> AuditEvent:
    """Record a change made by ``actor`` (call inside the action's transaction)."""
    object_type, object_id = _label(obj)
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        actor_username=getattr(actor, "username", "") or "",
        kind=AuditEvent.Kind.WRITE,
        action=action,
        object_type=object_type,
        object_id=object_id,
        person_id=person_id,
        old=jsonable(old) if old is not None else None,
        new=jsonable(new) if new is not None else None,
        reason=reason,
        ip_address=client_address(request),
    )


def audit_event(
    *,
    actor,
    kind: str,
    action: str,
    obj: models.Model | None = None,
    person_id: int | None = None,
    section: str = "",
    reason: str = "",
    request: HttpRequest | None = None,
    detail: dict | None = None,
) -> AuditEvent:
    """Record a read, an export or a security event."""
    object_type, object_id = _label(obj)
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        actor_username=getattr(actor, "username", "") or "",
        kind=kind,
        action=action,
        object_type=object_type,
        object_id=object_id,
        person_id=person_id,
        section=section,
        reason=reason,
        new=jsonable(detail) if detail else None,
        ip_address=client_address(request),
    )


def audit_view(*, actor, obj: models.Model, person_id: int | None, section: str = "", request=None, reason=""):
    """Record that ``actor`` looked at ``obj`` (who, when, what and from where)."""
    return audit_event(
        actor=actor,
        kind=AuditEvent.Kind.VIEW,
        action=f"{obj._meta.label_lower}.view",
        obj=obj,
        person_id=person_id,
        section=section,
        reason=reason,
        request=request,
    )
