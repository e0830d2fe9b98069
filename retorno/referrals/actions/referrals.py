"""Referrals: creation under the consent rule, and the one function that moves their status."""

import datetime
from types import SimpleNamespace

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from retorno.accounts.access import can, has_role, require
from retorno.accounts.models import User
from retorno.audit.actions import audit_write, snapshot
from retorno.lib.workflow import transition
from retorno.people.models import Person
from retorno.people.queries import consents_in_force
from retorno.referrals.audit_actions import REFERRAL_STATUS_ACTIONS, AuditAction
from retorno.referrals.hooks import status_followers
from retorno.referrals.models import (
    NEEDS_REASON,
    PARTNER_ANSWERS,
    REFERRAL_CONSENT,
    Partner,
    Referral,
    ReferralStatusChange,
    Service,
    Shelter,
)

REFERRAL_FIELDS = [
    "person",
    "partner",
    "service",
    "purpose",
    "shared_fields",
    "consent_purpose",
    "consent",
    "consent_override_reason",
    "status",
    "shelter",
    "expected_at",
    "arrival_id",
    "sealed",
]
FINAL_TIMESTAMPED = {
    Referral.Status.COMPLETED,
    Referral.Status.REJECTED,
    Referral.Status.REVOKED,
    Referral.Status.NO_SHOW,
}
Via = ReferralStatusChange.Via


@transaction.atomic
def referral_create(
    *,
    actor: User,
    person: Person,
    partner: Partner,
    purpose: str,
    service: str,
    shared_fields: list[str],
    consent_override_reason: str = "",
    note: str = "",
    shelter: Shelter | None = None,
    expected_at: datetime.datetime | None = None,
    arrival_id: int | None = None,
    sealed: bool = False,
    request: HttpRequest | None = None,
) -> Referral:
    """Refer ``person`` to ``partner`` for ``service``, sharing only ``shared_fields``.

    The person's consent to share with partners (``REFERRAL_CONSENT``: the referral's purpose
    decides, never the caller) must be in force. Without it, only a role holding
    ``referral.consent_override`` may refer, and only with a reason (audited). A ``sealed``
    referral (made from a protection case) may share nothing at all: then it needs no consent,
    and the partner sees that a person is referred, for what and when, but not who.
    """
    require(actor, "referral.create")
    if not partner.is_active:
        raise ValidationError({"partner": _("This partner is no longer active.")})
    if not partner.offers.filter(service=service).exists():
        raise ValidationError({"service": _("This partner does not offer that service.")})
    if shelter is not None and service != Service.SHELTER:
        raise ValidationError({"shelter": _("Only a shelter referral names a shelter.")})
    consent = consents_in_force(person=person).get(REFERRAL_CONSENT)
    override = consent_override_reason.strip()
    if consent is not None and consent.given:
        override = ""  # consent covers it: nothing to override
    elif sealed and not shared_fields:
        consent, override = None, ""  # nothing of the person is shared
    elif not override:
        raise ValidationError(
            {
                "consent": _(
                    "The person has not consented to this: record their consent first, or a manager may refer with a reason."
                )
            }
        )
    elif not can(actor, "referral.consent_override"):
        raise PermissionDenied
    now = timezone.now()
    referral = Referral(
        person=person,
        partner=partner,
        service=service,
        purpose=purpose.strip(),
        note=note.strip(),
        shared_fields=list(dict.fromkeys(str(f) for f in shared_fields)),
        consent_purpose=REFERRAL_CONSENT,
        consent=consent if consent is not None and consent.given else None,
        consent_override_reason=override,
        referred_by=actor,
        created_at=now,
        answer_due_at=now + datetime.timedelta(days=partner.answer_days),
        shelter=shelter,
        expected_at=expected_at,
        arrival_id=arrival_id,
        sealed=sealed,
    )
    referral.full_clean()
    referral.save()
    ReferralStatusChange.objects.create(
        referral=referral, from_status="", to_status=referral.status, at=now, actor=actor, via=Via.PROGRAMME
    )
    audit_write(
        actor=actor,
        action=AuditAction.REFERRAL_CREATE_WITHOUT_CONSENT if override else AuditAction.REFERRAL_CREATE,
        obj=referral,
        person_id=person.pk,
        new=snapshot(referral, REFERRAL_FIELDS),
        reason=override,
        request=request,
    )
    return referral


def _check_authority(actor, referral: Referral, status: str, via: str) -> None:
    """Partners answer; the programme revokes (and may record a partner's answer given by phone)."""
    if via == Via.SIGNED_LINK:
        if status not in PARTNER_ANSWERS:
            raise PermissionDenied
        return
    if has_role(actor, User.Role.PARTNER):
        if actor.organisation_id != referral.partner.organisation_id or status not in PARTNER_ANSWERS:
            raise PermissionDenied
        require(actor, "referral.answer")
        return
    require(actor, "referral.revoke" if status == Referral.Status.REVOKED else "referral.answer")


@transaction.atomic
def referral_set_status(
    *,
    actor,
    referral: Referral,
    status: str,
    reason: str = "",
    note: str = "",
    via: str | None = None,
    request: HttpRequest | None = None,
) -> Referral:
    """Move a referral to ``status`` if its TRANSITIONS allow it; record the change and audit it.

    Rejections, revocations and no-shows need a reason. ``via`` defaults to the partner's
    account for partner users and to programme staff otherwise; signed links pass ``link``.
    The apps that follow a referral (see ``hooks``) follow the move in the same transaction.
    """
    referral = Referral.objects.select_for_update().select_related("partner").get(pk=referral.pk)
    if via is None:
        via = Via.PARTNER_ACCOUNT if has_role(actor, User.Role.PARTNER) else Via.PROGRAMME
    _check_authority(actor, referral, status, via)
    now = timezone.now()
    fields = {}
    if status in NEEDS_REASON:
        fields["reason"] = reason.strip()
    if referral.status == Referral.Status.PENDING and status in (Referral.Status.ACCEPTED, Referral.Status.REJECTED):
        fields["answered_at"] = now
    if status in FINAL_TIMESTAMPED:
        fields["closed_at"] = now
    transition(
        referral,
        status,
        actor=actor,
        action=REFERRAL_STATUS_ACTIONS.get(status, ""),  # every legal move has its action
        reason=reason,
        request=request,
        person_id=referral.person_id,
        require_reason=status in NEEDS_REASON,
        fields=fields,
        history_fields={"via": via, "note": note.strip()[:1000], "at": now},
        audit_extra={"via": via},
    )
    if status in FINAL_TIMESTAMPED:
        referral.links.filter(used_at__isnull=True, revoked_at__isnull=True).update(revoked_at=now)
    for follow in status_followers(referral.service):
        follow(actor=actor, referral=referral, request=request)
    return referral


def link_actor(link) -> SimpleNamespace:
    """Who answers through a signed link, as the audit log names them (no account behind it)."""
    return SimpleNamespace(pk=None, username=f"link:{link.pk}")
