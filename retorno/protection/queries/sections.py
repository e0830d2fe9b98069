"""What the sections of a case show, and the records a page or endpoint looks up inside a case.

Each ``*_data(case)`` is what both the case page and the API read for one section; the
caller has already fetched the case through ``case_get_for`` (which checks and audits the read).
"""

from django.shortcuts import get_object_or_404

from retorno.accounts.models import User
from retorno.people.queries import consents_in_force
from retorno.protection.models import (
    CustodyEvent,
    FollowUpPlan,
    Identification,
    LegalCase,
    ProtectionCase,
)
from retorno.protection.queries.tracing import tracing_data


def overview_data(case: ProtectionCase) -> dict:
    return {
        "notes": case.notes.select_related("author")[:200],
        "consents": consents_in_force(person=case.person, sealed=True).values(),
        "status_changes": case.status_changes.select_related("actor"),
    }


def case_notes(case: ProtectionCase) -> list:
    return list(case.notes.select_related("author"))


def live_assignments(case: ProtectionCase):
    return case.assignments.filter(ended_at__isnull=True).select_related("user")


def follow_up_plan_of(case: ProtectionCase) -> FollowUpPlan | None:
    return FollowUpPlan.objects.filter(case=case).first()


def psychosocial_data(case: ProtectionCase) -> dict:
    return {
        "assessments": case.assessments.select_related("by"),
        "sessions": case.sessions.select_related("by"),
        "health_referrals": case.health_referrals.select_related("organisation"),
        "plan": follow_up_plan_of(case),
    }


def identification_running(case: ProtectionCase) -> Identification | None:
    """The identification run not yet concluded, if any (the protocol is interruptible)."""
    return case.identifications.filter(result=Identification.Result.PENDING).first()


def identifications_of(case: ProtectionCase) -> list[Identification]:
    return list(case.identifications.select_related("decided_by"))


def identifications_concluded(case: ProtectionCase):
    return case.identifications.exclude(result=Identification.Result.PENDING).select_related("decided_by")


def identification_get(*, case: ProtectionCase, identification_id: int) -> Identification:
    return get_object_or_404(case.identifications.select_related("started_by", "decided_by"), pk=identification_id)


def victim_data(case: ProtectionCase) -> dict:
    return {
        "risks": case.risk_assessments.select_related("by"),
        "services": case.support_services.all(),
        "shelters": case.shelter_referrals.select_related("organisation", "consent"),
    }


def legal_case_of(case: ProtectionCase) -> LegalCase | None:
    return LegalCase.objects.filter(case=case).first()


def legal_case_get(*, case: ProtectionCase) -> LegalCase:
    return get_object_or_404(LegalCase, case=case)


def legal_changes(legal: LegalCase | None):
    return legal.changes.select_related("actor") if legal else []


def minor_data(case: ProtectionCase) -> dict:
    return {
        "custody": case.custody_events.select_related("organisation", "recorded_by"),
        "decisions": case.best_interest_decisions.select_related("recorded_by"),
        **tracing_data(case),
    }


def handover_recorded(custody) -> bool:
    return any(e.stage in CustodyEvent.HANDOVERS for e in custody)


def shared_data(*, case: ProtectionCase, sections: list[str], organisation_id: int | None) -> dict:
    """What a partner reads of a case: only the shared sections, and its own live shelter referrals."""
    return {
        "risk": case.risk_assessments.first() if "risk" in sections else None,
        "services": list(case.support_services.all()) if "support" in sections else None,
        "referrals": case.shelter_referrals.filter(organisation_id=organisation_id, revoked_at__isnull=True),
    }


def active_user_get(*, user_id: int) -> User:
    return get_object_or_404(User, pk=user_id, is_active=True)
