"""Follow-ups the returnee answers from their own phone, through a signed single-use link.

The officer (or the periodic job) sends the invitation by SMS, WhatsApp or email — only to a
person who agreed to be contacted for follow-up; the answers fill the same outcome and survey as
the officer's form, so figures do not depend on who asked.
"""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from retorno.accounts.access import require
from retorno.accounts.models import User
from retorno.audit.actions import audit_event, audit_write
from retorno.audit.models import AuditEvent
from retorno.messaging.actions import MessageSpec, message_queue
from retorno.messaging.models import Channel, OutboundMessage
from retorno.messaging.texts import programme_name
from retorno.people.models import Contact
from retorno.reintegration.actions.followup import followup_attempt, followup_record_outcome
from retorno.reintegration.audit_actions import AuditAction
from retorno.reintegration.models import FollowUp, FollowUpAttempt, FollowUpInvitation

SALT = "retorno.reintegration.followup-invitation"
DAYS_VALID = 21
REMIND_AFTER = datetime.timedelta(days=3)
CONTACT_KINDS = {
    Channel.SMS: (Contact.Kind.PHONE, Contact.Kind.WHATSAPP),
    Channel.WHATSAPP: (Contact.Kind.WHATSAPP, Contact.Kind.PHONE),
    Channel.EMAIL: (Contact.Kind.EMAIL,),
}


class InvitationRefused(Exception):
    """The link cannot be used; ``reason`` is one of invalid, expired, answered, closed."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _digest(nonce: str) -> str:
    return hashlib.sha256(nonce.encode()).hexdigest()


def person_address(followup: FollowUp, channel: str) -> str:
    """The person's own contact in Guatemala for ``channel`` ('' when none is on file)."""
    for kind in CONTACT_KINDS.get(channel, ()):
        contact = followup.person.contacts.filter(kind=kind, where=Contact.Where.GUATEMALA, label="").first()
        if contact is not None:
            return contact.value
    return ""


@transaction.atomic
def followup_invite(
    *,
    actor: User,
    followup: FollowUp,
    channel: str,
    language: str = "es",
    template: str = "followup.invite",
    request=None,
) -> OutboundMessage:
    """Send the person a link to answer ``followup`` themselves (needs their consent to be contacted)."""
    require(actor, "reintegration.edit")
    if followup.status != FollowUp.Status.DUE:
        raise ValidationError(_("This follow-up is no longer due."))
    address = person_address(followup, channel)
    if not address:
        raise ValidationError({"channel": _("The person has no contact of their own on file for this channel.")})
    nonce = secrets.token_urlsafe(24)
    now = timezone.now()
    invitation = FollowUpInvitation(
        followup=followup,
        nonce_digest=_digest(nonce),
        channel=channel,
        language=language,
        created_by=actor,
        created_at=now,
        expires_at=now + datetime.timedelta(days=DAYS_VALID),
    )
    invitation.full_clean()
    invitation.save()
    token = signing.TimestampSigner(salt=SALT).sign(nonce)
    link = settings.SITE_URL + reverse("reintegration:self_report", kwargs={"token": token})
    message = message_queue(
        actor=actor,
        spec=MessageSpec(
            channel=channel,
            template=template,
            recipient=address,
            params={"programme": programme_name(), "link": link},
            language=language,
            person=followup.person,
            about=followup,
        ),
        request=request,
    )
    audit_write(
        actor=actor,
        action=AuditAction.FOLLOWUP_INVITE,
        obj=invitation,
        person_id=followup.person_id,
        new={"channel": channel, "message": message.pk, "template": template},
        request=request,
    )
    return message


def invitation_open(*, token: str, request=None) -> FollowUpInvitation:
    """The live invitation behind ``token``. Raises InvitationRefused (audited) otherwise."""
    try:
        nonce = signing.TimestampSigner(salt=SALT).unsign(token, max_age=datetime.timedelta(days=DAYS_VALID))
    except signing.SignatureExpired:
        reason, invitation = "expired", None
    except signing.BadSignature:
        reason, invitation = "invalid", None
    else:
        invitation = (
            FollowUpInvitation.objects.select_related("followup__person").filter(nonce_digest=_digest(nonce)).first()
        )
        if invitation is None:
            reason = "invalid"
        elif invitation.answered_at or invitation.followup.status == FollowUp.Status.DONE:
            reason = "answered"
        elif invitation.expires_at <= timezone.now():
            reason = "expired"
        elif invitation.followup.status != FollowUp.Status.DUE:
            reason = "closed"
        else:
            return invitation
    audit_event(
        actor=None,
        kind=AuditEvent.Kind.SECURITY,
        action=AuditAction.FOLLOWUP_INVITATION_REFUSED,
        obj=invitation,
        person_id=invitation.followup.person_id if invitation else None,
        reason=reason,
        request=request,
    )
    raise InvitationRefused(reason)


@transaction.atomic
def followup_self_report(*, token: str, answers: dict, request=None) -> FollowUpInvitation:
    """Record the person's own answers: a reached contact by form, then the outcome; closes every
    invitation of the follow-up. Single use: a second submission is refused."""
    invitation = invitation_open(token=token, request=request)
    invitation = FollowUpInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.answered_at:
        raise InvitationRefused("answered")
    followup = invitation.followup
    officer = invitation.created_by
    try:
        followup_attempt(
            actor=officer, followup=followup, channel=FollowUpAttempt.Channel.SELF_REPORT, reached=True, request=request
        )
        followup_record_outcome(actor=officer, followup=followup, self_reported=True, request=request, **answers)
    except PermissionDenied:
        raise InvitationRefused("closed") from None
    now = timezone.now()
    followup.invitations.filter(answered_at__isnull=True).update(answered_at=now)
    invitation.answered_at = now
    return invitation


def followup_invitation_reminders() -> int:
    """Periodic job: one reminder, by the same channel, to people who have not answered in 3 days."""
    now = timezone.now()
    waiting = FollowUpInvitation.objects.filter(
        answered_at__isnull=True,
        reminded_at__isnull=True,
        expires_at__gt=now,
        created_at__lte=now - REMIND_AFTER,
        followup__status=FollowUp.Status.DUE,
    ).select_related("followup__person", "created_by")
    sent = 0
    for invitation in waiting:
        FollowUpInvitation.objects.filter(pk=invitation.pk).update(reminded_at=now)
        try:
            followup_invite(
                actor=invitation.created_by,
                followup=invitation.followup,
                channel=invitation.channel,
                language=invitation.language,
                template="followup.reminder",
            )
        except (ValidationError, PermissionDenied):
            continue  # consent withdrawn, contact removed or officer left: no reminder
        sent += 1
    return sent
