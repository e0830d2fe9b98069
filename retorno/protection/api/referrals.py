"""Protection API: the protection queue, health referrals, shelter referrals."""

from django.http import HttpRequest
from ninja import Status

from retorno.accounts.access import require
from retorno.protection import actions
from retorno.protection.api.common import case_writable, organisation_or_none, router
from retorno.protection.api.inputs import HealthOutcomeIn, HealthReferralIn, ShelterReferralIn, TakeIn
from retorno.protection.api.schemas import (
    HealthReferralOut,
    ProtectionCaseOut,
    ProtectionReferralOut,
    ShelterReferralOut,
)
from retorno.protection.models import HealthReferral, ShelterReferral
from retorno.protection.queries import active_user_get, health_referral_get, referral_get_waiting, referral_queue


@router.get("/queue", response=list[ProtectionReferralOut])
def queue(request: HttpRequest):
    """Referrals waiting for a protection officer (no reason: reception records none)."""
    require(request.user, "protection.queue")
    return list(referral_queue())


@router.post("/referrals/{referral_id}/take", response={201: ProtectionCaseOut})
def referral_take(request: HttpRequest, referral_id: int, payload: TakeIn):
    require(request.user, "protection.queue")
    referral = referral_get_waiting(referral_id=referral_id)
    assignee = active_user_get(user_id=payload.assignee_id) if payload.assignee_id else None
    return Status(
        201,
        actions.referral_take(
            actor=request.user, referral=referral, kind=payload.kind, assignee=assignee, request=request
        ),
    )


@router.post("/cases/{case_id}/psychosocial/referrals", response={201: HealthReferralOut})
def health_referral_add(request: HttpRequest, case_id: int, payload: HealthReferralIn):
    case = case_writable(request, case_id, "psychosocial")
    return Status(
        201,
        actions.health_referral_create(
            actor=request.user,
            case=case,
            destination=payload.destination,
            organisation=organisation_or_none(payload.organisation_id, kinds=HealthReferral.PARTNER_KINDS),
            reason=payload.reason,
            request=request,
        ),
    )


@router.post("/cases/{case_id}/psychosocial/referrals/{referral_id}/outcome", response=HealthReferralOut)
def health_referral_outcome(request: HttpRequest, case_id: int, referral_id: int, payload: HealthOutcomeIn):
    case = case_writable(request, case_id, "psychosocial")
    referral = health_referral_get(case=case, referral_id=referral_id)
    return actions.health_referral_outcome(actor=request.user, referral=referral, request=request, **payload.dict())


@router.post("/cases/{case_id}/victim/shelter-referrals", response={201: ShelterReferralOut})
def shelter_add(request: HttpRequest, case_id: int, payload: ShelterReferralIn):
    case = case_writable(request, case_id, "victim")
    return Status(
        201,
        actions.shelter_referral_create(
            actor=request.user,
            case=case,
            organisation=organisation_or_none(payload.organisation_id, kinds=ShelterReferral.ORGANISATION_KINDS),
            shared_sections=[str(getattr(s, "value", s)) for s in payload.shared_sections],
            consent_given=payload.consent_given,
            request=request,
        ),
    )
