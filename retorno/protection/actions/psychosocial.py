"""Psychosocial care: assessments, sessions, the follow-up plan."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from retorno.accounts.models import User
from retorno.protection.actions.common import case_audit, full_save, require_case_writer
from retorno.protection.audit_actions import AuditAction
from retorno.protection.models import FollowUpPlan, ProtectionCase, PsychosocialAssessment, PsychosocialSession


@transaction.atomic
def assessment_record(
    *,
    actor: User,
    case: ProtectionCase,
    distress: str,
    risk_to_self: str,
    needs: list[str],
    observations: str = "",
    request=None,
) -> PsychosocialAssessment:
    require_case_writer(actor, case)
    unknown = set(needs) - set(PsychosocialAssessment.Need.values)
    if unknown:
        raise ValidationError({"needs": _("Unknown need: %(need)s") % {"need": ", ".join(sorted(unknown))}})
    row = full_save(
        PsychosocialAssessment(
            case=case,
            by=actor,
            distress=distress,
            risk_to_self=risk_to_self,
            needs=list(needs),
            observations=observations.strip(),
        )
    )
    case_audit(actor=actor, action=AuditAction.ASSESSMENT_RECORD, obj=row, case=case, request=request)
    return row


@transaction.atomic
def session_record(
    *,
    actor: User,
    case: ProtectionCase,
    kind: str,
    duration_minutes: int,
    notes: str = "",
    at: datetime.datetime | None = None,
    request=None,
) -> PsychosocialSession:
    require_case_writer(actor, case)
    row = full_save(
        PsychosocialSession(
            case=case,
            by=actor,
            kind=kind,
            duration_minutes=duration_minutes,
            notes=notes.strip(),
            at=at or timezone.now(),
        )
    )
    case_audit(actor=actor, action=AuditAction.SESSION_RECORD, obj=row, case=case, request=request)
    return row


@transaction.atomic
def follow_up_plan_save(
    *, actor: User, case: ProtectionCase, goals: str, next_review_on: datetime.date, every_weeks: int = 4, request=None
) -> FollowUpPlan:
    require_case_writer(actor, case)
    plan = FollowUpPlan.objects.filter(case=case).first() or FollowUpPlan(case=case)
    plan.goals, plan.next_review_on, plan.every_weeks = goals.strip(), next_review_on, every_weeks
    plan.updated_at, plan.updated_by = timezone.now(), actor
    full_save(plan)
    case_audit(actor=actor, action=AuditAction.FOLLOW_UP_PLAN_SAVE, obj=plan, case=case, request=request)
    return plan
