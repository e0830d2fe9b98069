"""Shelters: facilities, expected arrivals from reception, check-in and check-out."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from retorno.accounts.access import require
from retorno.accounts.models import User
from retorno.audit.actions import audit_write, changes, snapshot
from retorno.people.models import Person
from retorno.referrals.actions.referrals import referral_create, referral_set_status
from retorno.referrals.audit_actions import AuditAction
from retorno.referrals.models import DEFAULT_SHELTER_FIELDS, BedType, Referral, Service, Shelter, Stay
from retorno.referrals.queries import free_beds, shelters_visible_to, stay_handover, stay_is_minor, suggested_bed_type

SHELTER_FIELDS = (
    "partner",
    "name",
    "municipality",
    "address",
    "capacity_adults",
    "capacity_women",
    "capacity_minors",
    "capacity_trafficking",
    "stay_limit_hours",
    "warning_hours",
    "is_active",
)


@transaction.atomic
def shelter_create(*, actor: User, request: HttpRequest | None = None, **fields) -> Shelter:
    """Add a shelter facility run by a partner that offers shelter."""
    require(actor, "shelter.manage")
    unknown = set(fields) - set(SHELTER_FIELDS)
    if unknown:
        raise TypeError(f"Unknown shelter fields: {sorted(unknown)}")
    shelter = Shelter(**fields)
    shelter.full_clean()
    if not shelter.partner.offers.filter(service=Service.SHELTER).exists():
        raise ValidationError({"partner": _("This partner does not offer shelter.")})
    shelter.save()
    audit_write(actor=actor, action=AuditAction.SHELTER_CREATE, obj=shelter, new=snapshot(shelter), request=request)
    return shelter


@transaction.atomic
def shelter_update(*, actor: User, shelter: Shelter, request: HttpRequest | None = None, **fields) -> Shelter:
    """Change a shelter's beds, stay limit or details."""
    require(actor, "shelter.manage")
    unknown = set(fields) - set(SHELTER_FIELDS) | ({"partner"} & set(fields))
    if unknown:
        raise TypeError(f"Shelter fields that cannot be changed: {sorted(unknown)}")
    shelter = Shelter.objects.select_for_update().get(pk=shelter.pk)
    before = snapshot(shelter)
    for name, value in fields.items():
        setattr(shelter, name, value)
    shelter.full_clean()
    shelter.save()
    old, new = changes(before, snapshot(shelter))
    if new:
        audit_write(actor=actor, action=AuditAction.SHELTER_UPDATE, obj=shelter, old=old, new=new, request=request)
    return shelter


def _default_shelter(bed_type: str) -> Shelter | None:
    """The active shelter with the most free beds of that type."""
    candidates = [s for s in Shelter.objects.filter(is_active=True, partner__is_active=True) if s.capacity(bed_type)]
    candidates.sort(key=lambda s: (-free_beds(s, bed_type), s.name))
    return candidates[0] if candidates else None


def shelter_referral_from_reception(
    *,
    actor: User,
    person: Person,
    arrival=None,
    shelter: Shelter | None = None,
    request: HttpRequest | None = None,
) -> Referral:
    """Refer a person whose triage found a shelter need; they land as an expected arrival.

    Without ``shelter``, picks the active shelter with the most free beds of the person's type
    (minors, women, adults). Shares name, sex, age and languages under the person's consent to
    share data with partners: raises ValidationError when that consent is missing (record it
    first) or when no shelter has beds of that type.
    """
    bed_type = suggested_bed_type(person)
    shelter = shelter or _default_shelter(bed_type)
    if shelter is None:
        raise ValidationError({"shelter": _("No active shelter takes this person.")})
    expected = getattr(arrival, "arrived_at", None) or timezone.now()
    return referral_create(
        actor=actor,
        person=person,
        partner=shelter.partner,
        service=Service.SHELTER,
        # The English message is stored and translated when shown: each reader sees their language.
        purpose=gettext_noop("Temporary shelter after arrival"),
        shared_fields=list(DEFAULT_SHELTER_FIELDS),
        shelter=shelter,
        expected_at=max(expected, timezone.now()),
        arrival_id=getattr(arrival, "pk", None),
        request=request,
    )


def _own_shelter(actor: User, shelter: Shelter) -> None:
    require(actor, "stay.manage")
    if not shelters_visible_to(actor).filter(pk=shelter.pk).exists():
        raise PermissionDenied


@transaction.atomic
def stay_check_in(
    *,
    actor: User,
    referral: Referral,
    bed_type: str | None = None,
    at: datetime.datetime | None = None,
    request: HttpRequest | None = None,
) -> Stay:
    """Check in a person expected at a shelter. A pending referral is accepted on the way.

    Refused when the shelter has no free bed of that type.
    """
    referral = Referral.objects.select_related("shelter", "person", "partner").get(pk=referral.pk)
    if referral.shelter is None:
        raise ValidationError({"referral": _("This referral is not to a shelter.")})
    shelter = Shelter.objects.select_for_update().get(pk=referral.shelter_id)
    _own_shelter(actor, shelter)
    if Stay.objects.filter(referral=referral).exists():
        raise ValidationError({"referral": _("This person has already checked in for this referral.")})
    bed_type = bed_type or suggested_bed_type(referral.person)
    if bed_type not in BedType.values:
        raise ValidationError({"bed_type": _("Unknown bed type.")})
    if free_beds(shelter, bed_type) <= 0:
        raise ValidationError({"bed_type": _("No free bed of this type: the shelter is full.")})
    if referral.status == Referral.Status.PENDING:
        referral = referral_set_status(
            actor=actor, referral=referral, status=Referral.Status.ACCEPTED, note="check-in", request=request
        )
    if referral.status != Referral.Status.ACCEPTED:
        raise ValidationError({"referral": _("Only an accepted referral can be checked in.")})
    at = at or timezone.now()
    stay = Stay(
        shelter=shelter,
        person=referral.person,
        referral=referral,
        bed_type=bed_type,
        checked_in_at=at,
        checked_in_by=actor,
        limit_at=at + datetime.timedelta(hours=shelter.stay_limit_hours),
    )
    stay.full_clean()
    stay.save()
    audit_write(
        actor=actor,
        action=AuditAction.STAY_CHECK_IN,
        obj=stay,
        person_id=stay.person_id,
        new=snapshot(stay),
        request=request,
    )
    return stay


@transaction.atomic
def stay_check_out(
    *,
    actor: User,
    stay: Stay,
    note: str = "",
    at: datetime.datetime | None = None,
    request: HttpRequest | None = None,
) -> Stay:
    """Check a person out; completes the shelter referral."""
    stay = Stay.objects.select_for_update().select_related("shelter", "referral", "person").get(pk=stay.pk)
    _own_shelter(actor, stay.shelter)
    if stay.checked_out_at:
        raise ValidationError(_("This person has already left the shelter."))
    handover = stay_handover(stay)
    if stay_is_minor(stay) and handover is None:
        raise ValidationError(
            {
                "stay": _(
                    "A minor leaves the shelter only through a handover recorded in the minor's chain of custody "
                    "(protection case): to the PGN, or to a verified parent or guardian on a family assessment "
                    "that recommends reunifying the minor with them. Ask the protection officer to record it."
                )
            }
        )
    stay.checked_out_at = at or timezone.now()
    stay.checked_out_by = actor
    stay.checkout_note = note.strip()
    stay.full_clean()
    stay.save()
    if stay.referral.status == Referral.Status.ACCEPTED:
        referral_set_status(
            actor=actor, referral=stay.referral, status=Referral.Status.COMPLETED, note="check-out", request=request
        )
    audit_write(
        actor=actor,
        action=AuditAction.STAY_CHECK_OUT,
        obj=stay,
        person_id=stay.person_id,
        new={
            "checked_out_at": stay.checked_out_at,
            "over_limit": stay.checked_out_at > stay.limit_at,
            **({"handover": str(handover)} if handover else {}),
        },
        request=request,
    )
    return stay
