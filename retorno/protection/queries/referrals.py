"""Referrals: the protection queue, and a health referral within a case."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from retorno.protection.models import (
    HealthReferral,
    ProtectionCase,
    ProtectionReferral,
)


def referral_queue() -> QuerySet[ProtectionReferral]:
    return ProtectionReferral.objects.filter(status=ProtectionReferral.Status.PENDING).select_related(
        "person", "received_from"
    )


def health_referral_get(*, case: ProtectionCase, referral_id: int) -> HealthReferral:
    return get_object_or_404(HealthReferral, pk=referral_id, case=case)


def referral_get_waiting(*, referral_id: int) -> ProtectionReferral:
    return get_object_or_404(ProtectionReferral, pk=referral_id, status=ProtectionReferral.Status.PENDING)
