"""Shelters and stays behind the REST API: beds, occupancy, check-in and check-out."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Status

from retorno.accounts.access import require
from retorno.referrals import actions
from retorno.referrals.api.common import places_from_codes, router
from retorno.referrals.models import Partner
from retorno.referrals.queries import (
    current_stays,
    expected_arrivals,
    occupancy_by_day,
    occupancy_today,
    referrals_visible_to,
    shelter_get_for,
    shelters_visible_to,
    stay_get_for,
)
from retorno.referrals.schemas import (
    CheckOutIn,
    DayOut,
    ShelterDetailOut,
    ShelterIn,
    ShelterOut,
    ShelterPatch,
    StayCheckInIn,
    StayOut,
)


@router.get("/shelters", response=list[ShelterOut])
def shelter_list(request: HttpRequest):
    require(request.user, "shelter.view")
    return list(shelters_visible_to(request.user))


@router.post("/shelters", response={201: ShelterOut})
def shelter_create(request: HttpRequest, payload: ShelterIn):
    require(request.user, "shelter.manage")
    data = places_from_codes(payload.dict())
    data["partner"] = get_object_or_404(Partner, pk=data.pop("partner_id"))
    return Status(201, actions.shelter_create(actor=request.user, request=request, **data))


@router.get("/shelters/{int:shelter_id}", response=ShelterDetailOut)
def shelter_detail(request: HttpRequest, shelter_id: int):
    """A shelter with today's occupancy by bed type, who is present and who is expected."""
    require(request.user, "shelter.view")
    shelter = shelter_get_for(user=request.user, shelter_id=shelter_id)
    shelter.occupancy = occupancy_today(shelter)
    shelter.present = list(current_stays(shelter, user=request.user))
    shelter.expected_referral_ids = list(expected_arrivals(shelter, user=request.user).values_list("id", flat=True))
    return shelter


@router.patch("/shelters/{int:shelter_id}", response=ShelterOut)
def shelter_update(request: HttpRequest, shelter_id: int, payload: ShelterPatch):
    require(request.user, "shelter.manage")
    shelter = shelter_get_for(user=request.user, shelter_id=shelter_id)
    return actions.shelter_update(
        actor=request.user, shelter=shelter, request=request, **places_from_codes(payload.dict(exclude_unset=True))
    )


@router.get("/shelters/{int:shelter_id}/occupancy", response=list[DayOut])
def shelter_occupancy(request: HttpRequest, shelter_id: int, days: int = 14):
    """People present on each of the last ``days`` days (at most 366)."""
    require(request.user, "shelter.view")
    shelter = shelter_get_for(user=request.user, shelter_id=shelter_id)
    return occupancy_by_day(shelter, days=max(1, min(days, 366)))


@router.post("/shelters/{int:shelter_id}/stays", response={201: StayOut})
def stay_check_in(request: HttpRequest, shelter_id: int, payload: StayCheckInIn):
    """Check in a person expected at the shelter (accepts a pending referral)."""
    require(request.user, "stay.manage")
    shelter = shelter_get_for(user=request.user, shelter_id=shelter_id)
    referral = get_object_or_404(referrals_visible_to(request.user), pk=payload.referral_id, shelter=shelter)
    bed_type = payload.bed_type.value if payload.bed_type else None
    return Status(201, actions.stay_check_in(actor=request.user, referral=referral, bed_type=bed_type, request=request))


@router.post("/stays/{int:stay_id}/check-out", response=StayOut)
def stay_check_out(request: HttpRequest, stay_id: int, payload: CheckOutIn):
    require(request.user, "stay.manage")
    stay = stay_get_for(user=request.user, stay_id=stay_id)
    return actions.stay_check_out(actor=request.user, stay=stay, note=payload.note, request=request)
