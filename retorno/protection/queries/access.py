"""Reading the sealed compartment: who may read which case, and how.

A case is read in full only by the staff assigned to it, their supervisors (``user.supervisor``)
when the supervisor's own role may hold that kind of case, and someone holding a live
break-the-glass access. A programme manager oversees (metadata, status, who has seen a case)
but reads sealed content only when assigned or through break-the-glass. A partner
organisation reads only the sections a shelter referral shares with it while the person's
consent to share is in force. Programme staff who work with the person see at most that the
protection team is involved; everyone else sees nothing.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from retorno.accounts.access import can, require
from retorno.accounts.models import User
from retorno.audit.models import AuditEvent
from retorno.people.models import Consent
from retorno.people.queries import has_consent
from retorno.protection.models import (
    BreakGlassAccess,
    CaseKind,
    Notification,
    ProtectionCase,
)

# Which permission lets a role be assigned to (and work on) each kind of case.
WORK_PERMISSION = {
    CaseKind.PSYCHOSOCIAL: "protection.work_psychosocial",
    CaseKind.TRAFFICKING: "protection.work_protection",
    CaseKind.MINOR: "protection.work_protection",
}

# The sections of a case, as named in the audit log.
SECTIONS = {
    CaseKind.PSYCHOSOCIAL: ("overview", "psychosocial"),
    CaseKind.TRAFFICKING: ("overview", "identification", "victim", "legal"),
    CaseKind.MINOR: ("overview", "minor", "psychosocial"),
}


@dataclass
class CaseAccess:
    """How a user may read a case: ``full`` (basis: assigned, supervisor, break_glass), ``shared``
    (partner: only ``sections``), ``involved`` (only the flag) or ``none``."""

    level: str
    basis: str = ""
    sections: list[str] = field(default_factory=list)
    break_glass: BreakGlassAccess | None = None

    @property
    def full(self) -> bool:
        return self.level == "full"


def _live_assignments() -> Q:
    return Q(assignments__ended_at__isnull=True)


def break_glass_hours() -> float:
    from django.conf import settings

    return float(getattr(settings, "PROTECTION_BREAK_GLASS_HOURS", 3))


def live_break_glass(*, user: User, case: ProtectionCase, now: datetime | None = None) -> BreakGlassAccess | None:
    now = now or timezone.now()
    return BreakGlassAccess.objects.filter(case=case, user=user, granted_at__lte=now, expires_at__gt=now).first()


def may_hold(user: User, kind: str) -> bool:
    """Whether ``user``'s role may be assigned to (and so supervise) a case of this kind."""
    return can(user, WORK_PERMISSION[kind])


def kinds_held_by(user: User) -> list[str]:
    return [kind for kind in WORK_PERMISSION if may_hold(user, kind)]


def supervises(user: User, case: ProtectionCase) -> bool:
    """True when ``user`` supervises someone assigned to ``case`` and may hold such a case.

    A supervisor whose own role cannot hold the case (a manager, M&E, the administrator) gains
    nothing from supervising: the seal checks the role here, not only in a form.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active or not may_hold(user, case.kind):
        return False
    return case.assignments.filter(ended_at__isnull=True, user__supervisor=user).exists()


def may_assign(user: User, case: ProtectionCase) -> bool:
    """Assigning is a manager's or the case's supervisor's act; emergency access never grants it."""
    return can(user, "protection.assign") or supervises(user, case)


def case_access(user: User, case: ProtectionCase, *, now: datetime | None = None) -> CaseAccess:
    """The level at which ``user`` may read ``case`` right now."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return CaseAccess("none")
    live = case.assignments.filter(ended_at__isnull=True).select_related("user")
    if any(a.user_id == user.pk for a in live):
        return CaseAccess("full", "assigned")
    if may_hold(user, case.kind) and any(a.user.supervisor_id == user.pk for a in live):
        return CaseAccess("full", "supervisor")
    if access := live_break_glass(user=user, case=case, now=now):
        return CaseAccess("full", "break_glass", break_glass=access)
    if can(user, "protection.partner_shared"):
        sections = shared_sections(case=case, organisation_id=user.organisation_id)
        return CaseAccess("shared", "shared_referral", sections=sections) if sections else CaseAccess("none")
    if can(user, "protection.see_involvement"):
        return CaseAccess("involved")
    return CaseAccess("none")


def shared_sections(*, case: ProtectionCase, organisation_id: int) -> list[str]:
    """Sections a shelter referral shares with an organisation, while consent to share is in force."""
    if not has_consent(person=case.person, purpose=Consent.Purpose.SHARE_WITH_PARTNERS, sealed=True):
        return []
    sections: list[str] = []
    for referral in case.shelter_referrals.filter(organisation_id=organisation_id, revoked_at__isnull=True):
        sections.extend(s for s in referral.shared_sections if s not in sections)
    return sections


def cases_readable_by(user: User, *, now: datetime | None = None) -> QuerySet[ProtectionCase]:
    """Cases ``user`` reads in full: assigned, supervising an assignee (of a kind the supervisor's
    role may hold), or break-the-glass."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return ProtectionCase.objects.none()
    now = now or timezone.now()
    assigned = Q(assignments__user=user) & _live_assignments()
    supervised = Q(assignments__user__supervisor=user, kind__in=kinds_held_by(user)) & _live_assignments()
    emergency = Q(break_glass__user=user, break_glass__granted_at__lte=now, break_glass__expires_at__gt=now)
    ids = ProtectionCase.objects.filter(assigned | supervised | emergency).values("id")
    return ProtectionCase.objects.filter(id__in=ids).select_related("person")


# Reads that are not a section of their own, and the section the case must have for them.
READ_WITHIN = {"identification_review": "identification"}


def case_get_for(
    *, user: User, case_id: int, now: datetime | None = None, section: str = "", request=None
) -> tuple[ProtectionCase, CaseAccess]:
    """A case ``user`` reads in full, or 404 (never revealing whether it exists).

    With ``section`` this is a read of that section: 404 when the case has no such section,
    otherwise the read is audited here (who, which section, on what basis), so no page or
    endpoint can forget it. Without ``section`` (a write) nothing is audited as read.
    """
    try:
        case = ProtectionCase.objects.select_related("person").get(pk=case_id)
    except (ProtectionCase.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    access = case_access(user, case, now=now)
    if not access.full:
        raise Http404
    if section:
        if READ_WITHIN.get(section, section) not in SECTIONS[case.kind]:
            raise Http404
        case_read_audit(user=user, case=case, access=access, section=section, request=request)
    return case, access


def case_writable(*, user: User, case_id: int, section: str) -> ProtectionCase:
    """A case ``user`` may write to (reads it in full) that has ``section``, or 404. Not audited as a read."""
    case, _access = case_get_for(user=user, case_id=case_id)
    if section not in SECTIONS[case.kind]:
        raise Http404
    return case


def reads_in_full(user: User, case: ProtectionCase) -> bool:
    return case_access(user, case).full


def case_get_for_oversight(*, user: User, case_id: int, now: datetime | None = None) -> ProtectionCase:
    """A case for oversight (assignment, who has seen it): managers, or whoever reads it in full."""
    try:
        case = ProtectionCase.objects.select_related("person").get(pk=case_id)
    except (ProtectionCase.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if can(user, "protection.oversight") or case_access(user, case, now=now).basis == "supervisor":
        return case
    raise Http404


def case_get_for_break_glass(*, user: User, case_id: int) -> ProtectionCase:
    """A case ``user``'s role may open in an emergency, or 404.

    An unknown id and a case of a kind the role may not open give the same answer, so the
    emergency door is no oracle of which cases exist.
    """
    require(user, "protection.break_glass")
    try:
        case = ProtectionCase.objects.select_related("person").get(pk=case_id)
    except (ProtectionCase.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if not (may_hold(user, case.kind) or can(user, "protection.oversight")):
        raise Http404
    return case


def case_get_shared(*, user: User, case_id: int, request=None) -> tuple[ProtectionCase, CaseAccess]:
    """A case a partner organisation may read in part, or 404; the read of the shared sections is audited."""
    try:
        case = ProtectionCase.objects.select_related("person").get(pk=case_id)
    except (ProtectionCase.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    access = case_access(user, case)
    if access.level != "shared":
        raise Http404
    case_read_audit(user=user, case=case, access=access, section="shared:" + ",".join(access.sections), request=request)
    return case, access


def cases_shared_with(user: User) -> list[tuple[ProtectionCase, list[str]]]:
    if not can(user, "protection.partner_shared"):
        return []
    cases = (
        ProtectionCase.objects.filter(
            shelter_referrals__organisation_id=user.organisation_id, shelter_referrals__revoked_at__isnull=True
        )
        .distinct()
        .select_related("person")
    )
    found = []
    for case in cases:
        sections = shared_sections(case=case, organisation_id=user.organisation_id)
        if sections:
            found.append((case, sections))
    return found


def cases_for_oversight(*, kinds: tuple[str, ...] | None = None) -> QuerySet[ProtectionCase]:
    """Every case (of these ``kinds``) with its metadata (no tier-2 content), for managers."""
    cases = ProtectionCase.objects.select_related("person").prefetch_related("assignments__user")
    if kinds is not None:
        cases = cases.filter(kind__in=kinds)
    return cases.order_by("-opened_at")


def my_cases(user: User, *, kinds: tuple[str, ...] | None = None) -> QuerySet[ProtectionCase]:
    """Cases ``user`` reads in full (of these ``kinds``), with who is assigned, for lists."""
    cases = cases_readable_by(user)
    if kinds is not None:
        cases = cases.filter(kind__in=kinds)
    return cases.prefetch_related("assignments__user")


def assignable_users(kind: str) -> list[User]:
    """Active staff whose role may work on a case of this kind."""
    return [u for u in User.objects.filter(is_active=True).order_by("username") if can(u, WORK_PERMISSION[kind])]


def case_accesses(*, case: ProtectionCase) -> QuerySet[AuditEvent]:
    """Who has seen this case: every audited read, export and emergency access of it."""
    return (
        AuditEvent.objects.filter(object_type=ProtectionCase._meta.label_lower, object_id=str(case.pk))
        .exclude(kind=AuditEvent.Kind.WRITE)
        .order_by("-at", "-id")
    )


def break_glass_queue(*, reviewed: bool | None = None) -> QuerySet[BreakGlassAccess]:
    rows = BreakGlassAccess.objects.select_related("user", "case", "reviewed_by")
    if reviewed is not None:
        rows = rows.filter(reviewed_at__isnull=not reviewed)
    return rows.order_by("reviewed_at", "-granted_at")


def unread_notifications(user: User) -> QuerySet[Notification]:
    return Notification.objects.filter(user=user, read_at__isnull=True)


def notifications_for(user: User) -> QuerySet[Notification]:
    return Notification.objects.filter(user=user)


def break_glass_unreviewed_count() -> int:
    return BreakGlassAccess.objects.filter(reviewed_at__isnull=True).count()


def break_glass_get(*, access_id: int) -> BreakGlassAccess:
    return get_object_or_404(BreakGlassAccess, pk=access_id)


def case_read_audit(*, user: User, case: ProtectionCase, access: CaseAccess, section: str, request=None) -> None:
    """Record a read of one section of a case: who, when, which case, which section and why (the basis)."""
    from retorno.audit.actions import audit_view

    why = access.basis
    if access.break_glass is not None:
        why = f"break_glass #{access.break_glass.pk}"
    audit_view(
        actor=user, obj=case, person_id=case.person_id, section=f"protection.{section}", request=request, reason=why
    )
