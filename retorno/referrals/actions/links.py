"""Single-use, expiring signed links for partners without an account.

The link carries ``TimestampSigner().sign(nonce)``: a random nonce, never personal data. The
database keeps only the nonce's SHA-256, so the link cannot be rebuilt from a database copy;
the row makes each link single-use and revocable.
"""

import datetime
import hashlib
import secrets

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from retorno.accounts.access import require
from retorno.accounts.models import User
from retorno.audit.actions import audit_event, audit_write
from retorno.audit.models import AuditEvent
from retorno.referrals.actions.referrals import link_actor, referral_set_status
from retorno.referrals.audit_actions import AuditAction
from retorno.referrals.models import Referral, ReferralLink, ReferralStatusChange

SALT = "retorno.referrals.link"
MAX_DAYS_VALID = 30


class LinkRefused(Exception):
    """The link cannot be used; ``reason`` is one of invalid, expired, used, revoked, closed."""

    def __init__(self, reason: str, link: "ReferralLink | None" = None):
        super().__init__(reason)
        self.reason = reason
        self.link = link


def _digest(nonce: str) -> str:
    return hashlib.sha256(nonce.encode()).hexdigest()


@transaction.atomic
def signed_link_create(
    *, actor: User, referral: Referral, days_valid: int = 7, request: HttpRequest | None = None
) -> str:
    """Issue a link that lets the partner answer ``referral`` once; returns its URL path.

    The path is shown to the officer once (to send to the partner) and never stored.
    """
    require(actor, "referral.link")
    referral = Referral.objects.get(pk=referral.pk)  # the caller's copy may be stale
    if not 1 <= days_valid <= MAX_DAYS_VALID:
        raise ValidationError({"days_valid": _("Between 1 and %(max)s days.") % {"max": MAX_DAYS_VALID}})
    if not referral.partner_answers():
        raise ValidationError({"status": _("This referral is closed: there is nothing left to answer.")})
    nonce = secrets.token_urlsafe(24)
    now = timezone.now()
    link = ReferralLink(
        referral=referral,
        nonce_digest=_digest(nonce),
        created_by=actor,
        created_at=now,
        expires_at=now + datetime.timedelta(days=days_valid),
    )
    link.full_clean()
    link.save()
    audit_write(
        actor=actor,
        action=AuditAction.LINK_CREATE,
        obj=link,
        person_id=referral.person_id,
        new={"referral": referral.pk, "expires_at": link.expires_at},
        request=request,
    )
    token = signing.TimestampSigner(salt=SALT).sign(nonce)
    return reverse("referrals:link", kwargs={"token": token})


def _audit_refusal(refused: LinkRefused, *, request) -> None:
    link = refused.link
    audit_event(
        actor=link_actor(link) if link else None,
        kind=AuditEvent.Kind.SECURITY,
        action=AuditAction.LINK_REFUSED,
        obj=link,
        person_id=link.referral.person_id if link else None,
        reason=refused.reason,
        request=request,
    )


def _resolve(token: str, *, for_update: bool = False) -> ReferralLink:
    try:
        nonce = signing.TimestampSigner(salt=SALT).unsign(token, max_age=datetime.timedelta(days=MAX_DAYS_VALID))
    except signing.SignatureExpired:
        raise LinkRefused("expired")
    except signing.BadSignature:
        raise LinkRefused("invalid")
    links = ReferralLink.objects.select_related("referral__person", "referral__partner__organisation")
    if for_update:
        links = links.select_for_update()
    link = links.filter(nonce_digest=_digest(nonce)).first()
    if link is None:
        raise LinkRefused("invalid")
    if link.state != "live":
        raise LinkRefused(link.state, link)
    if not link.referral.partner_answers():
        raise LinkRefused("closed", link)
    return link


def link_open(*, token: str, request: HttpRequest | None = None) -> ReferralLink:
    """The live link behind ``token``; the opening is audited. Raises LinkRefused otherwise."""
    try:
        link = _resolve(token)
    except LinkRefused as refused:
        _audit_refusal(refused, request=request)
        raise
    audit_event(
        actor=link_actor(link),
        kind=AuditEvent.Kind.VIEW,
        action=AuditAction.LINK_OPEN,
        obj=link.referral,
        person_id=link.referral.person_id,
        section="referral_shared_data",
        request=request,
    )
    return link


def link_answers(link: ReferralLink) -> list[str]:
    """The answers the partner may give through this link, in the referral's current status."""
    return link.referral.partner_answers()


def link_answer(
    *, token: str, status: str, reason: str = "", note: str = "", request: HttpRequest | None = None
) -> Referral:
    """Record the partner's answer given through the link, and spend the link.

    A refused link raises LinkRefused (and the refusal is audited outside the answer's transaction).
    """
    try:
        with transaction.atomic():
            referral = _answer(token=token, status=status, reason=reason, note=note, request=request)
    except LinkRefused as refused:
        _audit_refusal(refused, request=request)
        raise
    return referral


def _answer(*, token: str, status: str, reason: str, note: str, request) -> Referral:
    link = _resolve(token, for_update=True)
    # Spend the link first: a final answer revokes the referral's other unused links.
    link.used_at = timezone.now()
    link.save(update_fields=["used_at"])
    referral = referral_set_status(
        actor=link_actor(link),
        referral=link.referral,
        status=status,
        reason=reason,
        note=note,
        via=ReferralStatusChange.Via.SIGNED_LINK,
        request=request,
    )
    audit_write(
        actor=link_actor(link),
        action=AuditAction.LINK_USE,
        obj=link,
        person_id=referral.person_id,
        new={"status": status},
        request=request,
    )
    return referral


@transaction.atomic
def link_revoke(*, actor: User, link: ReferralLink, request: HttpRequest | None = None) -> ReferralLink:
    """Withdraw a link before it is used."""
    require(actor, "referral.link")
    link = ReferralLink.objects.select_for_update().get(pk=link.pk)
    if link.revoked_at or link.used_at:
        raise ValidationError(_("This link was already used or revoked."))
    link.revoked_at = timezone.now()
    link.revoked_by = actor
    link.save(update_fields=["revoked_at", "revoked_by"])
    audit_write(
        actor=actor, action=AuditAction.LINK_REVOKE, obj=link, person_id=link.referral.person_id, request=request
    )
    return link
