"""Opening a case, who works on it, its status, notes and consents."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from retorno.accounts.access import can
from retorno.accounts.models import User
from retorno.lib.workflow import illegal_transition, transition
from retorno.people.actions import consent_record
from retorno.people.models import Consent, Person
from retorno.protection.actions.common import case_audit, full_save, require_case_writer
from retorno.protection.actions.minors import custody_add
from retorno.protection.audit_actions import AuditAction
from retorno.protection.models import (
    CaseAssignment,
    CaseKind,
    CaseNote,
    CustodyEvent,
    ProtectionCase,
    ProtectionReferral,
)
from retorno.protection.queries import WORK_PERMISSION, may_assign, may_hold


def _check_assignable(user: User, kind: str) -> None:
    if not can(user, WORK_PERMISSION[kind]):
        raise ValidationError({"assignee": _("This user's role cannot work on this kind of case.")})


@transaction.atomic
def case_open(
    *,
    actor: User,
    person: Person,
    kind: str,
    assignee: User | None = None,
    referral: ProtectionReferral | None = None,
    arrival_id: int | None = None,
    request=None,
) -> ProtectionCase:
    """Open a sealed case and assign it (to ``assignee`` or the actor).

    Opening a case for oneself needs a role that works on that kind of case; a referral from
    the queue is taken by whoever holds the queue (``referral_take`` checks it).
    """
    if referral is None and not may_hold(actor, kind):
        raise PermissionDenied
    assignee = assignee or actor
    _check_assignable(assignee, kind)
    case = full_save(
        ProtectionCase(person=person, kind=kind, referral=referral, arrival_id=arrival_id, opened_by=actor)
    )
    case.status_changes.create(from_status="", to_status=case.status, actor=actor)
    case_audit(actor=actor, action=AuditAction.CASE_OPEN, obj=case, case=case, request=request)
    _assign(actor=actor, case=case, user=assignee, request=request)
    if kind == CaseKind.MINOR:
        at = referral.received_at if referral else timezone.now()
        custody_add(actor=actor, case=case, stage=CustodyEvent.Stage.RECEPTION, at=at, request=request)
    return case


@transaction.atomic
def case_assign(*, actor: User, case: ProtectionCase, user: User, request=None) -> CaseAssignment:
    """Assign ``user`` to ``case``: a manager's or the case's supervisor's act.

    Reading a case (assigned, or through break-the-glass) never grants the right to assign
    anyone, oneself included: emergency access must stay time-limited and reviewable.
    """
    _check_assignable(user, case.kind)
    if not may_assign(actor, case):
        raise PermissionDenied
    return _assign(actor=actor, case=case, user=user, request=request)


def _assign(*, actor: User, case: ProtectionCase, user: User, request=None) -> CaseAssignment:
    """The assignment itself; opening or taking a case assigns its first owner through here."""
    _check_assignable(user, case.kind)
    existing = case.assignments.filter(user=user, ended_at__isnull=True).first()
    if existing:
        return existing
    assignment = full_save(CaseAssignment(case=case, user=user, assigned_by=actor))
    case_audit(
        actor=actor,
        action=AuditAction.CASE_ASSIGN,
        obj=case,
        case=case,
        new={"assigned": user.username},
        request=request,
    )
    return assignment


@transaction.atomic
def case_unassign(*, actor: User, case: ProtectionCase, user: User, request=None) -> None:
    if not may_assign(actor, case):
        raise PermissionDenied
    live = case.assignments.filter(ended_at__isnull=True)
    if not live.filter(user=user).exists():
        raise ValidationError(_("This user is not assigned to the case."))
    if live.count() == 1:
        raise ValidationError(_("Assign someone else first: a case always has someone responsible."))
    live.filter(user=user).update(ended_at=timezone.now())
    case_audit(
        actor=actor,
        action=AuditAction.CASE_UNASSIGN,
        obj=case,
        case=case,
        old={"assigned": user.username},
        new={},
        request=request,
    )


@transaction.atomic
def case_set_status(
    *, actor: User, case: ProtectionCase, status: str, reason: str = "", request=None
) -> ProtectionCase:
    """Move a case along ``ProtectionCase.TRANSITIONS``; refuses illegal moves and records each change.

    A minor's case cannot close without a recorded handover.
    """
    require_case_writer(actor, case)
    case = ProtectionCase.objects.select_for_update().get(pk=case.pk)
    if not case.can_move_to(status):
        raise illegal_transition(case, status)
    closing = status in ProtectionCase.CLOSED_STATUSES
    if (
        closing
        and case.kind == CaseKind.MINOR
        and not case.custody_events.filter(stage__in=CustodyEvent.HANDOVERS).exists()
    ):
        raise ValidationError({"status": _("A minor's case cannot close without a recorded handover.")})
    # The reason is sealed (encrypted): it is saved with the case, never written to the audit or history.
    case.closure_reason = reason.strip() if closing else case.closure_reason
    transition(
        case,
        status,
        actor=actor,
        action=AuditAction.CASE_STATUS,
        request=request,
        person_id=case.person_id,
        fields={"closed_at": timezone.now() if closing else None},
    )
    return case


@transaction.atomic
def note_add(*, actor: User, case: ProtectionCase, text: str, request=None) -> CaseNote:
    require_case_writer(actor, case)
    note = full_save(CaseNote(case=case, text=text.strip(), author=actor))
    case_audit(actor=actor, action=AuditAction.NOTE_ADD, obj=note, case=case, request=request)
    return note


@transaction.atomic
def case_consent_record(
    *,
    actor: User,
    case: ProtectionCase,
    purpose: str,
    given: bool,
    given_by: str = Consent.GivenBy.SELF,
    guardian_name: str = "",
    request=None,
) -> Consent:
    """Record consent for one purpose of this case (protection, psychosocial care, sharing).

    It is sealed with the case: only the case's readers see it (never reception or partners).
    """
    require_case_writer(actor, case)
    if purpose not in (Consent.Purpose.PROTECTION, Consent.Purpose.PSYCHOSOCIAL, Consent.Purpose.SHARE_WITH_PARTNERS):
        raise ValidationError({"purpose": _("Not a purpose of a protection case.")})
    return consent_record(
        actor=actor,
        person=case.person,
        purpose=purpose,
        given=given,
        given_by=given_by,
        guardian_name=guardian_name,
        sealed=True,
        request=request,
    )
