"""Reads about shelters: who sees which, beds, stays, who is expected."""

import datetime

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from retorno.accounts.access import can
from retorno.accounts.models import User
from retorno.people.models import Person
from retorno.referrals.hooks import Handover, minor_handover
from retorno.referrals.models import (
    BedType,
    Referral,
    Shelter,
    Stay,
)
from retorno.referrals.queries.referrals import OPEN_STATUSES, _is_partner, with_consent_in_force


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


def stay_is_minor(stay: Stay) -> bool:
    age = stay.person.age
    return stay.bed_type == BedType.MINORS or (age is not None and age < 18)


def stay_handover(stay: Stay) -> Handover | None:
    """A minor's handover since the check-in (the app that keeps the chain of custody registers the
    check, see ``hooks``); None for an adult, or for a minor not handed over."""
    if not stay_is_minor(stay):
        return None
    return minor_handover(person=stay.person, since=stay.checked_in_at)
