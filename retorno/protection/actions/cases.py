"""Opening a case, who works on it, its status, notes and consents."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from retorno.accounts.access import can
from retorno.accounts.models import User
from retorno.people.actions import consent_record
from retorno.people.models import Consent, Person
from retorno.protection.actions.common import case_audit, full_save
from retorno.protection.actions.minors import custody_record
from retorno.protection.models import (
    CaseAssignment,
    CaseKind,
    CaseNote,
    CaseStatusChange,
    CustodyEvent,
    ProtectionCase,
    ProtectionReferral,
)
from retorno.protection.queries import WORK_PERMISSION, may_assign


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
    """Open a sealed case and assign it (to ``assignee`` or the actor)."""
    assignee = assignee or actor
    _check_assignable(assignee, kind)
    case = full_save(
        ProtectionCase(person=person, kind=kind, referral=referral, arrival_id=arrival_id, opened_by=actor)
    )
    CaseStatusChange.objects.create(case=case, old="", new=case.status, by=actor)
    case_audit(actor=actor, action="protection.case_open", obj=case, case=case, request=request)
    _assign(actor=actor, case=case, user=assignee, request=request)
    if kind == CaseKind.MINOR:
        at = referral.received_at if referral else timezone.now()
        custody_record(actor=actor, case=case, stage=CustodyEvent.Stage.RECEPTION, at=at, request=request)
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
        action="protection.case_assign",
        obj=case,
        case=case,
        new={"assigned": user.username},
        request=request,
    )
    return assignment


@transaction.atomic
def case_unassign(*, actor: User, case: ProtectionCase, user: User, request=None) -> None:
    live = case.assignments.filter(ended_at__isnull=True)
    if not live.filter(user=user).exists():
        raise ValidationError(_("This user is not assigned to the case."))
    if live.count() == 1:
        raise ValidationError(_("Assign someone else first: a case always has someone responsible."))
    live.filter(user=user).update(ended_at=timezone.now())
    case_audit(
        actor=actor,
        action="protection.case_unassign",
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
    case = ProtectionCase.objects.select_for_update().get(pk=case.pk)
    old = case.status
    if status not in case.TRANSITIONS.get(old, set()):
        raise ValidationError(
            {"status": _("A case cannot move from %(old)s to %(new)s.") % {"old": old, "new": status}}
        )
    closing = status in (ProtectionCase.Status.CLOSED, ProtectionCase.Status.CLOSED_REFERRED)
    if (
        closing
        and case.kind == CaseKind.MINOR
        and not case.custody_events.filter(stage__in=CustodyEvent.HANDOVERS).exists()
    ):
        raise ValidationError({"status": _("A minor's case cannot close without a recorded handover.")})
    case.status = status
    case.closed_at = timezone.now() if closing else None
    if closing:
        case.closure_reason = reason.strip()
    full_save(case)
    CaseStatusChange.objects.create(case=case, old=old, new=status, by=actor)
    case_audit(
        actor=actor,
        action="protection.case_status",
        obj=case,
        case=case,
        old={"status": old},
        new={"status": status, "closure_reason": "[sealed]" if closing and reason else ""},
        request=request,
    )
    return case


@transaction.atomic
def note_add(*, actor: User, case: ProtectionCase, text: str, request=None) -> CaseNote:
    note = full_save(CaseNote(case=case, text=text.strip(), author=actor))
    case_audit(actor=actor, action="protection.note_add", obj=note, case=case, request=request)
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
