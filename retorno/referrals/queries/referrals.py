"""Reading partners, referrals and shelters, always through what the user may see."""

import datetime

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.http import Http404, HttpRequest
from django.utils import timezone

from retorno.accounts.access import can, has_role
from retorno.accounts.models import User
from retorno.audit.actions import audit_view
from retorno.geo.models import Department
from retorno.people.models import Consent, Person
from retorno.referrals.models import (
    REFERRAL_CONSENT,
    Partner,
    Referral,
    Service,
    SharedField,
)

OPEN_STATUSES = (Referral.Status.PENDING, Referral.Status.ACCEPTED)


def _is_partner(user: User) -> bool:
    return has_role(user, User.Role.PARTNER)


def with_consent_in_force(referrals: QuerySet[Referral]) -> QuerySet[Referral]:
    """Annotate ``sharing_allowed``: the person's consent still covers this referral.

    Allowed when the latest decision for the consent a referral needs (``REFERRAL_CONSENT``,
    whatever purpose was once stored on the row) is 'given', or when a manager overrode consent
    and the person has not refused since the referral was made. Only consents recorded outside
    protection count: a sealed consent never opens tier-1 data to a partner.
    """
    consents = Consent.objects.filter(person=OuterRef("person_id"), purpose=REFERRAL_CONSENT, sealed=False)
    latest = consents.order_by("-at", "-id")
    refused_since = consents.filter(given=False, at__gt=OuterRef("created_at"))
    return referrals.annotate(consent_now=Subquery(latest.values("given")[:1]), refused_since=Exists(refused_since))


def sharing_allowed_q() -> Q:
    consent = Q(consent_now=True) | (~Q(consent_override_reason="") & Q(refused_since=False))
    return (consent | Q(sealed=True, shared_fields=[])) & ~Q(status=Referral.Status.REVOKED)


def sharing_allowed(referral: Referral) -> bool:
    """Whether the partner may still see this referral's purpose, note and shared data.

    Never once the programme revoked the referral, nor once the person's consent no longer covers
    it: the partner then sees only the referral's number, status and dates. Uses the annotations of
    ``with_consent_in_force`` when the referral carries them (no query).
    """
    if referral.status == Referral.Status.REVOKED:
        return False
    if referral.sealed and not referral.shared_fields:
        return True  # nothing of the person to share: the purpose and the dates only
    if hasattr(referral, "consent_now") and hasattr(referral, "refused_since"):
        return referral.consent_now is True or (bool(referral.consent_override_reason) and not referral.refused_since)
    return with_consent_in_force(Referral.objects.filter(pk=referral.pk)).filter(sharing_allowed_q()).exists()


def person_ids_shared_with(organisation_id: int) -> QuerySet:
    """Ids of the persons whose whole tier-1 record a referral shares with a partner organisation.

    The registry profile shows everything tier 1 (identity, other documents, addresses, consent
    decisions), so a person counts only when an open (pending or accepted) referral to that
    organisation shares ``full_record`` and the person's consent still covers it. Referrals that
    share less keep the person out of the registry for that partner; its staff see exactly the
    shared fields on their own referral pages instead.
    """
    referrals = with_consent_in_force(
        Referral.objects.filter(partner__organisation_id=organisation_id, status__in=OPEN_STATUSES)
    ).filter(sharing_allowed_q())
    # JSON containment is not portable to SQLite; a partner has few open referrals, so filter here.
    ids = [
        r.person_id for r in referrals.only("person_id", "shared_fields") if SharedField.FULL_RECORD in r.shared_fields
    ]
    return Person.objects.filter(id__in=ids).values("id")


# --- partners -----------------------------------------------------------------------------


def partners_visible_to(user: User) -> QuerySet[Partner]:
    """The directory: programme staff see every partner; a partner sees itself."""
    partners = Partner.objects.select_related("organisation", "department", "municipality").prefetch_related("offers")
    if can(user, "partner.view"):
        return partners
    if _is_partner(user):
        return partners.filter(organisation_id=user.organisation_id)
    return partners.none()


def partner_get_for(*, user: User, partner_id: int) -> Partner:
    try:
        return partners_visible_to(user).get(pk=partner_id)
    except (Partner.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def partner_directory(*, user: User, service: str = "", department_id: int | None = None) -> QuerySet[Partner]:
    partners = partners_visible_to(user).filter(is_active=True)
    if service:
        partners = partners.filter(offers__service=service)
    if department_id:
        partners = partners.filter(department_id=department_id)
    return partners.distinct()


# --- referrals ----------------------------------------------------------------------------


def referrals_visible_to(user: User) -> QuerySet[Referral]:
    """Programme staff see every referral; a partner only those addressed to its organisation.

    Sealed referrals (from a protection case) only for the staff who may know that the protection
    team is involved; the partner sees its own, with only the data they share.
    """
    referrals = Referral.objects.select_related("partner__organisation", "person", "referred_by", "shelter")
    if can(user, "referral.list"):
        return referrals if can(user, "referral.list_sealed") else referrals.filter(sealed=False)
    if _is_partner(user):
        return referrals.filter(partner__organisation_id=user.organisation_id)
    return referrals.none()


def referral_get_for(
    *, user: User, referral_id: int, section: str = "", request: HttpRequest | None = None
) -> Referral:
    """The referral, if ``user`` may see it; 404 otherwise. With ``section`` ("referral" for
    programme staff, "referral_shared_data" for the partner) the read is audited here."""
    try:
        referral = referrals_visible_to(user).get(pk=referral_id)
    except (Referral.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if section:
        audit_view(actor=user, obj=referral, person_id=referral.person_id, section=section, request=request)
    return referral


def referrals_filtered(*, user: User, status: str = "", service: str = "") -> QuerySet[Referral]:
    """The referrals ``user`` may see, newest first, by status and service (blank or unknown: any)."""
    referrals = referrals_visible_to(user)
    if status in Referral.Status.values:
        referrals = referrals.filter(status=status)
    if service in Service.values:
        referrals = referrals.filter(service=service)
    return referrals


def person_referrals(*, user: User, person: Person) -> QuerySet[Referral]:
    """The person's referrals that ``user`` may see, newest first."""
    return referrals_visible_to(user).filter(person=person)


def referral_links(referral: Referral) -> QuerySet:
    return referral.links.select_related("created_by")


def partner_referral_counts(partner: Partner) -> list[tuple[str, int]]:
    """How many of the partner's referrals are in each status, as (label, count), in status order."""
    counts = partner.referrals.aggregate(**{s: Count("id", filter=Q(status=s)) for s in Referral.Status.values})
    labels = dict(Referral.Status.choices)
    return [(labels[s], n) for s, n in counts.items()]


def directory_departments() -> QuerySet[Department]:
    """The departments to filter the partner directory by."""
    return Department.objects.all()


def partner_inbox(*, user: User, status: str = "") -> QuerySet[Referral]:
    """Referrals addressed to the partner user's organisation, newest first."""
    if not _is_partner(user):
        return Referral.objects.none()
    referrals = with_consent_in_force(referrals_visible_to(user))
    if status:
        referrals = referrals.filter(status=status)
    return referrals


def overdue_referrals(*, user: User, now: datetime.datetime | None = None) -> QuerySet[Referral]:
    """Pending referrals past their answer date, sent by ``user`` (the officer's worklist)."""
    now = now or timezone.now()
    return (
        referrals_visible_to(user)
        .filter(referred_by=user, status=Referral.Status.PENDING, answer_due_at__lt=now)
        .order_by("answer_due_at")
    )


def waiting_referrals(*, user: User, now: datetime.datetime | None = None) -> QuerySet[Referral]:
    """Pending referrals by ``user`` still within their answer time."""
    now = now or timezone.now()
    return (
        referrals_visible_to(user)
        .filter(referred_by=user, status=Referral.Status.PENDING, answer_due_at__gte=now)
        .order_by("answer_due_at")
    )


def consent_withdrawn_referrals(*, user: User) -> list[Referral]:
    """Open referrals by ``user`` whose consent no longer covers sharing: revoke or re-ask."""
    referrals = with_consent_in_force(
        referrals_visible_to(user).filter(referred_by=user, status__in=OPEN_STATUSES)
    ).exclude(sharing_allowed_q())
    return list(referrals)


def referral_history(referral: Referral):
    return referral.changes.select_related("actor")


def shared_data(referral: Referral) -> list[tuple[str, str]]:
    """The person's data this referral shares, as (label, value) pairs; empty without consent."""
    if not sharing_allowed(referral):
        return []
    person = referral.person
    labels = dict(SharedField.choices)
    return [(str(labels[field]), _shared_value(person, field)) for field in _fields_shown(referral)]


def _fields_shown(referral: Referral) -> list[str]:
    """The fields to show, in a fixed order; the whole record implies every single field."""
    if SharedField.FULL_RECORD in referral.shared_fields:
        return [f for f in SharedField.values if f != SharedField.FULL_RECORD]
    return [f for f in SharedField.values if f in referral.shared_fields]


def _shared_value(person: Person, field: str) -> str:
    if field == SharedField.NAME:
        return person.full_name
    if field == SharedField.SEX:
        return str(person.get_sex_display())
    if field == SharedField.AGE:
        return str(person.age) if person.age is not None else "—"
    if field == SharedField.BIRTH_DATE:
        return person.birth_date.strftime("%d/%m/%Y") if person.birth_date else "—"
    if field == SharedField.CUI:
        return person.cui or "—"
    if field == SharedField.ORIGIN:
        return str(person.origin_municipality) if person.origin_municipality_id else "—"
    if field == SharedField.LANGUAGES:
        return ", ".join(person.get_languages_display()) or "—"
    if field == SharedField.EDUCATION:
        return str(person.get_education_display())
    if field == SharedField.PHONE:
        phones = person.contacts.filter(kind__in=["phone", "whatsapp"], where="gt")
        return ", ".join(c.value for c in phones) or "—"
    if field == SharedField.EMAIL:
        return ", ".join(c.value for c in person.contacts.filter(kind="email")) or "—"
    return "—"


def shared_data_dict(referral: Referral) -> dict[str, str]:
    """The same as ``shared_data`` keyed by field code (for the API)."""
    if not sharing_allowed(referral):
        return {}
    return {f: _shared_value(referral.person, f) for f in _fields_shown(referral)}


# --- shelters -----------------------------------------------------------------------------


def partner_send_channels(referral) -> list[tuple[str, str]]:
    """The channels the partner can be reached by, labelled with the (masked) address on file."""
    from retorno.messaging.models import Channel
    from retorno.referrals.actions.sending import partner_address

    choices = []
    for channel, label in Channel.choices:
        address = partner_address(referral, channel)
        if address:
            shown = address if channel == Channel.EMAIL else f"…{address[-4:]}"
            choices.append((channel, f"{label} ({shown})"))
    return choices
