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
    BedType,
    Partner,
    Referral,
    Service,
    SharedField,
    Shelter,
    Stay,
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


def shelters_visible_to(user: User) -> QuerySet[Shelter]:
    shelters = Shelter.objects.select_related("partner__organisation", "municipality__department")
    if can(user, "shelter.view_all"):
        return shelters
    if _is_partner(user):
        return shelters.filter(partner__organisation_id=user.organisation_id)
    return shelters.none()


def shelter_get_for(*, user: User, shelter_id: int) -> Shelter:
    try:
        return shelters_visible_to(user).get(pk=shelter_id)
    except (Shelter.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def stay_get_for(*, user: User, stay_id: int) -> Stay:
    try:
        return Stay.objects.select_related("shelter", "person", "referral").get(
            pk=stay_id, shelter__in=shelters_visible_to(user)
        )
    except (Stay.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def _hides_sealed(user: User | None) -> bool:
    """Staff who may not know that the protection team is involved do not see sealed referrals' rows."""
    return user is not None and can(user, "referral.list") and not can(user, "referral.list_sealed")


def current_stays(shelter: Shelter, *, user: User | None = None) -> QuerySet[Stay]:
    """Who is in the shelter now; with ``user``, the rows that user may see (the beds count them all)."""
    stays = shelter.stays.filter(checked_out_at__isnull=True)
    if _hides_sealed(user):
        stays = stays.filter(referral__sealed=False)
    return stays.select_related("person", "shelter", "referral").order_by("limit_at")


def expected_arrivals(shelter: Shelter, *, user: User | None = None) -> QuerySet[Referral]:
    """Open shelter referrals to this shelter where the person has not checked in yet (with ``user``,
    those that user may see)."""
    referrals = shelter.referrals.filter(status__in=OPEN_STATUSES, stay__isnull=True)
    if _hides_sealed(user):
        referrals = referrals.filter(sealed=False)
    return with_consent_in_force(
        referrals.select_related("person", "partner__organisation").order_by("expected_at", "created_at")
    )


def occupancy_today(shelter: Shelter) -> list[dict]:
    """Per bed type: capacity, people present now, free beds."""
    present = dict.fromkeys(BedType.values, 0)
    for bed_type in current_stays(shelter).values_list("bed_type", flat=True):
        present[bed_type] += 1
    labels = dict(BedType.choices)
    return [
        {
            "bed_type": t,
            "label": labels[t],
            "capacity": shelter.capacity(t),
            "present": present[t],
            "free": max(0, shelter.capacity(t) - present[t]),
        }
        for t in BedType.values
        if shelter.capacity(t) or present[t]
    ]


def occupancy_by_day(shelter: Shelter, *, days: int = 14, today: datetime.date | None = None) -> list[dict]:
    """People who spent any part of each day in the shelter, per day, oldest first.

    One query for the period's stays, then counted in Python: a shelter holds dozens, not millions.
    """
    today = today or timezone.localdate()
    tz = timezone.get_current_timezone()
    first = today - datetime.timedelta(days=days - 1)
    start = datetime.datetime.combine(first, datetime.time.min, tzinfo=tz)
    end = datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz)
    stays = list(
        shelter.stays.filter(checked_in_at__lt=end)
        .filter(Q(checked_out_at__isnull=True) | Q(checked_out_at__gte=start))
        .values_list("checked_in_at", "checked_out_at", "bed_type")
    )
    capacity = shelter.total_capacity
    rows = []
    for offset in range(days):
        day = first + datetime.timedelta(days=offset)
        day_start = datetime.datetime.combine(day, datetime.time.min, tzinfo=tz)
        day_end = day_start + datetime.timedelta(days=1)
        by_type = dict.fromkeys(BedType.values, 0)
        for checked_in, checked_out, bed_type in stays:
            if checked_in < day_end and (checked_out is None or checked_out >= day_start):
                by_type[bed_type] += 1
        total = sum(by_type.values())
        rows.append(
            {
                "day": day,
                "total": total,
                "by_type": by_type,
                "percent": min(100, round(100 * total / capacity)) if capacity else 0,
                "over": total > capacity,
            }
        )
    return rows


def stay_warnings(*, user: User, now: datetime.datetime | None = None) -> list[Stay]:
    """Present stays in the user's shelters that are near or past their limit."""
    now = now or timezone.now()
    stays = Stay.objects.filter(shelter__in=shelters_visible_to(user), checked_out_at__isnull=True).select_related(
        "shelter", "person"
    )
    if _hides_sealed(user):
        stays = stays.filter(referral__sealed=False)
    return [s for s in stays.order_by("limit_at") if s.warning_level(now)]


def suggested_bed_type(person: Person) -> str:
    age = person.age
    if age is not None and age < 18:
        return BedType.MINORS
    if person.sex == "F":
        return BedType.WOMEN
    return BedType.ADULTS


def free_beds(shelter: Shelter, bed_type: str) -> int:
    present = shelter.stays.filter(checked_out_at__isnull=True, bed_type=bed_type).count()
    return shelter.capacity(bed_type) - present


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
