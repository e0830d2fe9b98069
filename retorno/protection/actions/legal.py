"""The criminal case with the Public Prosecutor's Office."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from retorno.accounts.directory import require_kind
from retorno.accounts.models import Organisation, User
from retorno.lib.workflow import illegal_transition, transition
from retorno.protection.actions.common import case_audit, full_save, require_case_writer
from retorno.protection.audit_actions import AuditAction
from retorno.protection.models import CaseKind, LegalCase, ProtectionCase


@transaction.atomic
def legal_case_open(
    *,
    actor: User,
    case: ProtectionCase,
    complaint_number: str,
    prosecutor_office: Organisation,
    filed_on: datetime.date,
    prosecutor: str = "",
    witness_protection: bool = False,
    witness_protection_note: str = "",
    request=None,
) -> LegalCase:
    """Record the complaint filed with the Public Prosecutor's Office (status: complaint filed).

    ``prosecutor_office`` is the directory's entry for the MP or one of its units (fiscalías).
    """
    require_case_writer(actor, case)
    require_kind(prosecutor_office, kinds=LegalCase.PROSECUTOR_KINDS, field="prosecutor_office")
    if case.kind != CaseKind.TRAFFICKING:
        raise ValidationError(_("Only a trafficking victim case goes to the prosecutor from here."))
    if LegalCase.objects.filter(case=case).exists():
        raise ValidationError(_("This case already has a legal case."))
    legal = full_save(
        LegalCase(
            case=case,
            complaint_number=complaint_number.strip(),
            prosecutor_office=prosecutor_office.name,
            prosecutor_office_org=prosecutor_office,
            prosecutor=prosecutor.strip(),
            filed_on=filed_on,
            witness_protection=witness_protection,
            witness_protection_note=witness_protection_note.strip(),
            created_by=actor,
        )
    )
    legal.changes.create(from_status="", to_status=legal.status, on=filed_on, actor=actor)
    case_audit(actor=actor, action=AuditAction.LEGAL_CASE_OPEN, obj=legal, case=case, request=request)
    return legal


@transaction.atomic
def legal_case_set_status(
    *, actor: User, legal_case: LegalCase, status: str, on: datetime.date, request=None
) -> LegalCase:
    """Move the legal case along ``LegalCase.TRANSITIONS``; refuses illegal moves, records each change with its date."""
    require_case_writer(actor, legal_case.case)
    legal = LegalCase.objects.select_for_update().get(pk=legal_case.pk)
    if not legal.can_move_to(status):
        raise illegal_transition(legal, status)
    last = legal.changes.order_by("-on").first()
    if last and on < last.on:
        raise ValidationError(
            {"on": _("The date is before the previous step (%(date)s).") % {"date": last.on.isoformat()}}
        )
    old = legal.status
    transition(
        legal,
        status,
        actor=actor,
        action=AuditAction.LEGAL_CASE_STATUS,
        request=request,
        person_id=legal.case.person_id,
    )
    # Each step carries the date it happened, so the action writes the history row itself.
    legal.changes.create(from_status=old, to_status=status, on=on, actor=actor)
    return legal


@transaction.atomic
def legal_case_update(
    *,
    actor: User,
    legal_case: LegalCase,
    prosecutor: str | None = None,
    witness_protection: bool | None = None,
    witness_protection_note: str | None = None,
    request=None,
) -> LegalCase:
    require_case_writer(actor, legal_case.case)
    if prosecutor is not None:
        legal_case.prosecutor = prosecutor.strip()
    if witness_protection is not None:
        legal_case.witness_protection = witness_protection
    if witness_protection_note is not None:
        legal_case.witness_protection_note = witness_protection_note.strip()
    full_save(legal_case)
    case_audit(actor=actor, action=AuditAction.LEGAL_CASE_UPDATE, obj=legal_case, case=legal_case.case, request=request)
    return legal_case
