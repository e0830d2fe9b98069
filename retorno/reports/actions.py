"""Writes of the reports app: saved report definitions only (figures are never stored)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from retorno.accounts.access import require
from retorno.accounts.models import User
from retorno.audit.actions import audit_write, snapshot
from retorno.reports.audit_actions import AuditAction
from retorno.reports.models import ReportDefinition
from retorno.reports.query import ReportQuery


@transaction.atomic
def report_definition_save(*, actor: User, name: str, query: ReportQuery, request=None) -> ReportDefinition:
    """Save (or overwrite, by name) one of ``actor``'s report definitions."""
    require(actor, "reports.define")
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Give the report a name.")})
    obj = ReportDefinition.objects.filter(owner=actor, name=name).first()
    old = snapshot(obj) if obj else None
    obj = obj or ReportDefinition(owner=actor, name=name)
    obj.definition, obj.updated_at = query.as_json(), timezone.now()
    obj.full_clean()
    obj.save()
    audit_write(
        actor=actor, action=AuditAction.REPORT_DEFINITION_SAVE, obj=obj, old=old, new=snapshot(obj), request=request
    )
    return obj


@transaction.atomic
def report_definition_delete(*, actor: User, definition: ReportDefinition, request=None) -> None:
    """Delete a saved report; only its owner may."""
    if definition.owner_id != actor.pk:
        raise PermissionDenied
    audit_write(
        actor=actor,
        action=AuditAction.REPORT_DEFINITION_DELETE,
        obj=definition,
        old=snapshot(definition),
        request=request,
    )
    definition.delete()
