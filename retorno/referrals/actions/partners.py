"""The partner directory, kept by programme managers."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.text import slugify
from django.utils.translation import gettext as _

from retorno.accounts.access import require
from retorno.accounts.models import Organisation, User
from retorno.audit.actions import audit_write, changes, snapshot
from retorno.referrals.audit_actions import AuditAction
from retorno.referrals.models import Partner, PartnerOffer, Service

PARTNER_FIELDS = (
    "description",
    "target_groups",
    "department",
    "municipality",
    "address",
    "contact_name",
    "contact_phone",
    "contact_email",
    "answer_days",
    "is_active",
)


def _state(partner: Partner) -> dict:
    return {**snapshot(partner, list(PARTNER_FIELDS)), "services": sorted(partner.services)}


def _set_offers(partner: Partner, services: dict[str, str]) -> None:
    """Make the partner's offers exactly ``services`` (service -> what it covers)."""
    unknown = set(services) - set(Service.values)
    if unknown:
        raise ValidationError({"services": _("Unknown service: %(s)s") % {"s": ", ".join(sorted(unknown))}})
    partner.offers.exclude(service__in=list(services)).delete()
    for service, detail in services.items():
        offer = PartnerOffer.objects.get_or_create(partner=partner, service=service)[0]
        if offer.detail != (detail or ""):
            offer.detail = detail or ""
            offer.full_clean()
            offer.save()


def _as_offers(services) -> dict[str, str]:
    if isinstance(services, dict):
        return {str(k): v for k, v in services.items()}
    return {str(s): "" for s in services}


@transaction.atomic
def partner_create(
    *,
    actor: User,
    services,
    organisation: Organisation | None = None,
    name: str = "",
    kind: str = "",
    request: HttpRequest | None = None,
    **fields,
) -> Partner:
    """Add a partner to the directory: an existing organisation, or a new one by ``name`` and ``kind``.

    ``services`` is a list of Service values, or a dict service -> what exactly it covers.
    """
    require(actor, "partner.manage")
    unknown = set(fields) - set(PARTNER_FIELDS)
    if unknown:
        raise TypeError(f"Unknown partner fields: {sorted(unknown)}")
    if organisation is None:
        organisation = Organisation(name=name.strip(), kind=kind, slug=slugify(name)[:60])
        organisation.full_clean()
        organisation.save()
        audit_write(
            actor=actor,
            action=AuditAction.ORGANISATION_CREATE,
            obj=organisation,
            new=snapshot(organisation),
            request=request,
        )
    partner = Partner(organisation=organisation, **fields)
    partner.full_clean()
    partner.save()
    _set_offers(partner, _as_offers(services))
    audit_write(actor=actor, action=AuditAction.PARTNER_CREATE, obj=partner, new=_state(partner), request=request)
    return partner


@transaction.atomic
def partner_update(
    *, actor: User, partner: Partner, services=None, request: HttpRequest | None = None, **fields
) -> Partner:
    """Change what a partner offers, where, for whom and how to reach it."""
    require(actor, "partner.manage")
    unknown = set(fields) - set(PARTNER_FIELDS)
    if unknown:
        raise TypeError(f"Unknown partner fields: {sorted(unknown)}")
    partner = Partner.objects.select_for_update().get(pk=partner.pk)
    before = _state(partner)
    for name, value in fields.items():
        setattr(partner, name, value)
    partner.full_clean()
    partner.save()
    if services is not None:
        _set_offers(partner, _as_offers(services))
    old, new = changes(before, _state(partner))
    if new:
        audit_write(actor=actor, action=AuditAction.PARTNER_UPDATE, obj=partner, old=old, new=new, request=request)
    return partner


@transaction.atomic
def partner_for_referral(
    *, actor: User, organisation: Organisation, service: str, request: HttpRequest | None = None
) -> Partner:
    """The organisation's partner profile offering ``service``, added (or extended) when it lacks one.

    For referrals whose addressee is chosen inside a protection case (a specialised shelter, a
    health facility): every referral goes to a partner, so the organisation enters the directory
    with that one service, audited under the acting user. A manager completes the profile later.
    """
    partner = Partner.objects.select_for_update().filter(organisation=organisation).first()
    if partner is None:
        partner = Partner(organisation=organisation)
        partner.full_clean()
        partner.save()
        _set_offers(partner, {service: ""})
        audit_write(actor=actor, action=AuditAction.PARTNER_CREATE, obj=partner, new=_state(partner), request=request)
    elif not partner.offers.filter(service=service).exists():
        before = _state(partner)
        PartnerOffer.objects.create(partner=partner, service=service)
        old, new = changes(before, _state(partner))
        audit_write(actor=actor, action=AuditAction.PARTNER_UPDATE, obj=partner, old=old, new=new, request=request)
    return partner
