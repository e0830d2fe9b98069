"""The criminal case with the Public Prosecutor's Office."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from retorno.accounts.directory import organisation_for_name
from retorno.accounts.models import Organisation, User
from retorno.protection.actions.common import case_audit, full_save
from retorno.protection.models import CaseKind, LegalCase, LegalStatusChange, ProtectionCase


@transaction.atomic
def legal_case_open(
    *,
    actor: User,
    case: ProtectionCase,
    complaint_number: str,
    prosecutor_office: str,
    filed_on: datetime.date,
    prosecutor: str = "",
    witness_protection: bool = False,
    witness_protection_note: str = "",
    request=None,
) -> LegalCase:
    """Record the complaint filed with the Public Prosecutor's Office (status: complaint filed)."""
    if case.kind != CaseKind.TRAFFICKING:
        raise ValidationError(_("Only a trafficking victim case goes to the prosecutor from here."))
    if LegalCase.objects.filter(case=case).exists():
        raise ValidationError(_("This case already has a legal case."))
    legal = full_save(
        LegalCase(
            case=case,
            complaint_number=complaint_number.strip(),
            prosecutor_office=prosecutor_office.strip(),
            prosecutor_office_org=organisation_for_name(Organisation, prosecutor_office),
            prosecutor=prosecutor.strip(),
            filed_on=filed_on,
            witness_protection=witness_protection,
            witness_protection_note=witness_protection_note.strip(),
            created_by=actor,
        )
    )
    LegalStatusChange.objects.create(legal_case=legal, old="", new=legal.status, on=filed_on, by=actor)
    case_audit(actor=actor, action="protection.legal_case_open", obj=legal, case=case, request=request)
    return legal


@transaction.atomic
def legal_case_set_status(
    *, actor: User, legal_case: LegalCase, status: str, on: datetime.date, request=None
) -> LegalCase:
    """Move the legal case along ``LegalCase.TRANSITIONS``; refuses illegal moves, records each change with its date."""
    legal = LegalCase.objects.select_for_update().get(pk=legal_case.pk)
    old = legal.status
    if status not in legal.TRANSITIONS.get(old, set()):
        raise ValidationError(
            {"status": _("A legal case cannot move from %(old)s to %(new)s.") % {"old": old, "new": status}}
        )
    last = legal.changes.order_by("-on").first()
    if last and on < last.on:
        raise ValidationError(
            {"on": _("The date is before the previous step (%(date)s).") % {"date": last.on.isoformat()}}
        )
    legal.status = status
    full_save(legal)
    LegalStatusChange.objects.create(legal_case=legal, old=old, new=status, on=on, by=actor)
    case_audit(
        actor=actor,
        action="protection.legal_case_status",
        obj=legal,
        case=legal.case,
        old={"status": old},
        new={"status": status, "on": on},
        request=request,
    )
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
    if prosecutor is not None:
        legal_case.prosecutor = prosecutor.strip()
    if witness_protection is not None:
        legal_case.witness_protection = witness_protection
    if witness_protection_note is not None:
        legal_case.witness_protection_note = witness_protection_note.strip()
    full_save(legal_case)
    case_audit(
        actor=actor, action="protection.legal_case_update", obj=legal_case, case=legal_case.case, request=request
    )
    return legal_case
