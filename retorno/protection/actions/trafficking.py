"""Trafficking: the identification protocol, risk assessments, support services."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from retorno.accounts.models import User
from retorno.protection import protocol
from retorno.protection.actions.common import case_audit, full_save, require_case_writer
from retorno.protection.audit_actions import AuditAction
from retorno.protection.models import CaseKind, Identification, ProtectionCase, RiskAssessment, SupportService


@transaction.atomic
def identification_start(*, actor: User, case: ProtectionCase, request=None) -> Identification:
    """Start (or resume) the protocol: an unfinished run is resumed, never duplicated."""
    require_case_writer(actor, case)
    if case.kind != CaseKind.TRAFFICKING:
        raise ValidationError(_("The identification protocol belongs to a trafficking case."))
    running = case.identifications.filter(result=Identification.Result.PENDING).first()
    if running:
        return running
    row = full_save(Identification(case=case, started_by=actor))
    case_audit(actor=actor, action=AuditAction.IDENTIFICATION_START, obj=row, case=case, request=request)
    return row


@transaction.atomic
def identification_save_answers(
    *, actor: User, identification: Identification, answers: dict[str, str], request=None
) -> Identification:
    """Save the answers given so far (partial answers are kept: the interview may stop any time)."""
    require_case_writer(actor, identification.case)
    identification = Identification.objects.select_for_update().get(pk=identification.pk)
    if identification.result != Identification.Result.PENDING:
        raise ValidationError(_("This identification is concluded; start a new one to record more."))
    errors = {code: _("Unknown indicator.") for code in answers if code not in protocol.INDICATOR_BY_CODE}
    errors |= {
        code: _("Not an allowed answer.") for code, v in answers.items() if v and v not in protocol.ANSWER_VALUES
    }
    if errors:
        raise ValidationError(errors)
    merged = identification.answers
    merged.update({code: value for code, value in answers.items() if value})
    identification.answers = merged
    identification.updated_at = timezone.now()
    full_save(identification)
    case_audit(
        actor=actor,
        action=AuditAction.IDENTIFICATION_ANSWERS,
        obj=identification,
        case=identification.case,
        new={"answered": protocol.answered_count(merged)},
        request=request,
    )
    return identification


@transaction.atomic
def identification_conclude(
    *,
    actor: User,
    identification: Identification,
    result: str,
    authority: str = "",
    authority_name: str = "",
    request=None,
) -> Identification:
    """Record the result and who decided. 'Confirmed' needs the competent authority that confirmed it."""
    require_case_writer(actor, identification.case)
    identification = Identification.objects.select_for_update().get(pk=identification.pk)
    if identification.result != Identification.Result.PENDING:
        raise ValidationError(_("This identification is already concluded."))
    if result == Identification.Result.PENDING:
        raise ValidationError({"result": _("Choose a result.")})
    if result == Identification.Result.CONFIRMED and not (authority and authority_name.strip()):
        raise ValidationError({"authority": _("A confirmation names the competent authority that decided.")})
    identification.result = result
    identification.authority = authority
    identification.authority_name = authority_name.strip()
    identification.decided_by = actor
    identification.decided_at = timezone.now()
    full_save(identification)
    case_audit(
        actor=actor,
        action=AuditAction.IDENTIFICATION_CONCLUDE,
        obj=identification,
        case=identification.case,
        new={"result": result, "authority": authority},
        request=request,
    )
    return identification


@transaction.atomic
def risk_assessment_record(
    *, actor: User, case: ProtectionCase, level: str, risk_factors: str = "", safety_plan: str = "", request=None
) -> RiskAssessment:
    require_case_writer(actor, case)
    row = full_save(
        RiskAssessment(
            case=case, by=actor, level=level, risk_factors=risk_factors.strip(), safety_plan=safety_plan.strip()
        )
    )
    case_audit(actor=actor, action=AuditAction.RISK_ASSESSMENT_RECORD, obj=row, case=case, request=request)
    return row


@transaction.atomic
def support_service_add(
    *,
    actor: User,
    case: ProtectionCase,
    type: str,
    started_on: datetime.date,
    description: str = "",
    planned_end_on: datetime.date | None = None,
    request=None,
) -> SupportService:
    require_case_writer(actor, case)
    row = full_save(
        SupportService(
            case=case,
            by=actor,
            type=type,
            started_on=started_on,
            description=description.strip(),
            planned_end_on=planned_end_on,
        )
    )
    case_audit(actor=actor, action=AuditAction.SUPPORT_SERVICE_ADD, obj=row, case=case, request=request)
    return row
