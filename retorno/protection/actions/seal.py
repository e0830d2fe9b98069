"""The seal: break-the-glass access and its review, notifications, the HTCDS export."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from retorno.accounts.access import can, require
from retorno.accounts.models import User
from retorno.audit.actions import audit_event, audit_write
from retorno.audit.models import AuditEvent
from retorno.protection.actions.common import full_save
from retorno.protection.audit_actions import AuditAction
from retorno.protection.models import BreakGlassAccess, Notification, ProtectionCase
from retorno.protection.queries import break_glass_hours, may_hold


def _notify(*, user: User, message: str, url: str, about: User | None = None) -> None:
    """The in-app notice is the record; the email is queued and leaves after commit, by the worker
    (a slow or failing mail server never holds up or undoes the access trail)."""
    from django.conf import settings

    from retorno.messaging.actions import MessageSpec, message_queue

    Notification.objects.create(user=user, message=message, url=url)
    if user.email:
        actor_name = (about.get_full_name() or about.username) if about is not None else ""
        message_queue(
            actor=about,
            spec=MessageSpec(
                channel="email",
                template="security.break_glass",
                recipient=user.email,
                params={"user": actor_name, "link": settings.SITE_URL + url},
                language="es",
            ),
        )


@transaction.atomic
def break_glass_open(
    *, actor: User, case: ProtectionCase, reason: str, now: datetime.datetime | None = None, request=None
) -> BreakGlassAccess:
    """Open an unassigned case in an emergency, for PROTECTION_BREAK_GLASS_HOURS; notifies the supervisor."""
    if not can(actor, "protection.break_glass") or not (
        may_hold(actor, case.kind) or can(actor, "protection.oversight")
    ):
        raise PermissionDenied
    reason = reason.strip()
    if len(reason) < 10:
        raise ValidationError({"reason": _("State the reason for the emergency access (at least 10 characters).")})
    now = now or timezone.now()
    access = full_save(
        BreakGlassAccess(
            case=case,
            user=actor,
            reason=reason,
            granted_at=now,
            expires_at=now + datetime.timedelta(hours=break_glass_hours()),
        )
    )
    audit_event(
        actor=actor,
        kind=AuditEvent.Kind.BREAK_GLASS,
        action=AuditAction.BREAK_GLASS,
        obj=case,
        person_id=case.person_id,
        section="break_glass",
        reason=reason,
        request=request,
        detail={"access_id": access.pk, "expires_at": access.expires_at},
    )
    recipients = (
        [actor.supervisor]
        if actor.supervisor_id and actor.supervisor.is_active
        else [
            u
            for u in User.objects.filter(is_active=True)
            if can(u, "protection.review_break_glass") and u.pk != actor.pk
        ]
    )
    message = _("%(user)s used emergency access to protection case #%(case)s.") % {
        "user": actor.username,
        "case": case.pk,
    }
    url = reverse("protection:break_glass_queue")
    for recipient in recipients:
        _notify(user=recipient, message=message, url=url, about=actor)
    return access


@transaction.atomic
def break_glass_review(
    *, actor: User, access: BreakGlassAccess, outcome: str, note: str = "", request=None
) -> BreakGlassAccess:
    """Review an emergency access; "not justified" also ends it at once if it is still live."""
    require(actor, "protection.review_break_glass")
    if access.user_id == actor.pk:
        raise ValidationError(_("Nobody reviews their own emergency access."))
    if access.reviewed_at:
        raise ValidationError(_("This access has already been reviewed."))
    now = timezone.now()
    access.outcome, access.review_note = outcome, note.strip()
    access.reviewed_by, access.reviewed_at = actor, now
    ended = outcome == BreakGlassAccess.Outcome.NOT_JUSTIFIED and access.expires_at > now
    if ended:
        access.expires_at = now  # an unjustified emergency access ends with its review, not at its expiry
    full_save(access)
    audit_write(
        actor=actor,
        action=AuditAction.BREAK_GLASS_REVIEW,
        obj=access,
        person_id=access.case.person_id,
        new={"outcome": outcome, "ended_early": ended},
        request=request,
    )
    return access


def notification_mark_read(*, actor: User, notification: Notification) -> None:
    if notification.user_id == actor.pk and notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])


def htcds_export(*, actor: User, fmt: str, request=None) -> tuple[list[dict], str | None]:
    """Victim cases the actor reads in full, as HTCDS 2.0 rows; the export itself is audited.

    Returns (rows, csv_text or None for JSON).
    """
    from retorno.protection import htcds
    from retorno.protection.queries import cases_readable_by

    if not can(actor, "protection.export_htcds"):
        raise PermissionDenied
    if fmt not in ("csv", "json"):
        raise ValidationError({"format": _("Choose csv or json.")})
    cases = htcds.victim_cases(cases_readable_by(actor))
    rows = [htcds.case_row(case) for case in cases]
    audit_event(
        actor=actor,
        kind=AuditEvent.Kind.EXPORT,
        action=AuditAction.HTCDS_EXPORT,
        section="protection.htcds",
        request=request,
        detail={"format": fmt, "count": len(rows), "case_ids": [c.pk for c in cases]},
    )
    for case in cases:
        audit_event(
            actor=actor,
            kind=AuditEvent.Kind.EXPORT,
            action=AuditAction.HTCDS_EXPORT,
            obj=case,
            person_id=case.person_id,
            section="protection.htcds",
            request=request,
        )
    return rows, (htcds.as_csv(rows) if fmt == "csv" else None)
