"""Family tracing and reunification: what the minor's section shows, one record of a case, visits due.

The section's reads are audited by ``case_get_for(section="minor")``; the worklist of visits due
shows dates and case numbers only, never sealed content.
"""

import datetime

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from retorno.accounts.models import User
from retorno.protection.models import (
    CaseKind,
    CustodyEvent,
    FamilyAssessment,
    ProtectionCase,
    ReunificationVisit,
    TracingRequest,
    TracingStatusChange,
    TracingStep,
)

# A visit shows on the officer's worklist this many days before it is due (and until it is done).
VISIT_DUE_WITHIN_DAYS = 7


def tracing_data(case: ProtectionCase) -> dict:
    """The tracing requests (with their steps and history), assessments and follow-up visits of a case."""
    requests = case.tracing_requests.select_related("department", "municipality", "opened_by").prefetch_related(
        Prefetch("steps", queryset=TracingStep.objects.select_related("by")),
        Prefetch("status_changes", queryset=TracingStatusChange.objects.select_related("actor")),
    )
    return {
        "tracing_requests": list(requests),
        "assessments": list(case.family_assessments.select_related("assessor", "tracing_request")),
        "visits": list(case.reunification_visits.select_related("visitor", "scheduled_by")),
    }


def tracing_request_get(*, case: ProtectionCase, request_id: int) -> TracingRequest:
    """A tracing request of this case, or 404."""
    return get_object_or_404(TracingRequest.objects.select_related("case"), pk=request_id, case=case)


def family_assessment_of(*, case: ProtectionCase, assessment_id: int | None) -> FamilyAssessment | None:
    """An assessment of this case by id (None for no id, or an id of another case: the action then refuses)."""
    if not assessment_id:
        return None
    return FamilyAssessment.objects.filter(pk=assessment_id, case=case).first()


def handover_get(*, case: ProtectionCase, handover_id: int) -> CustodyEvent:
    """A handover to a family member in this case's chain of custody, or 404."""
    return get_object_or_404(
        CustodyEvent.objects.select_related("case"),
        pk=handover_id,
        case=case,
        stage=CustodyEvent.Stage.HANDOVER_GUARDIAN,
    )


def visit_get(*, case: ProtectionCase, visit_id: int) -> ReunificationVisit:
    """A follow-up visit of this case, or 404."""
    return get_object_or_404(ReunificationVisit.objects.select_related("case"), pk=visit_id, case=case)


def visits_due(user: User, *, today: datetime.date | None = None) -> QuerySet[ReunificationVisit]:
    """Follow-up visits not yet made, due within a week or overdue, on minors' cases ``user`` is assigned to."""
    if not getattr(user, "is_authenticated", False):
        return ReunificationVisit.objects.none()
    today = today or timezone.localdate()
    return (
        ReunificationVisit.objects.filter(
            done_on__isnull=True,
            scheduled_on__lte=today + datetime.timedelta(days=VISIT_DUE_WITHIN_DAYS),
            case__kind=CaseKind.MINOR,
            case__assignments__user=user,
            case__assignments__ended_at__isnull=True,
        )
        .select_related("case__person")
        .order_by("scheduled_on", "id")
    )


def tracing_requests_to_complete(user: User) -> QuerySet[TracingRequest]:
    """Tracing requests with no name or no relationship (opened from the retired free-text log) on
    minors' cases ``user`` is assigned to, oldest first: their worklist shows case numbers only."""
    if not getattr(user, "is_authenticated", False):
        return TracingRequest.objects.none()
    return (
        TracingRequest.objects.filter(
            Q(sought_name="") | Q(relationship=""),
            case__kind=CaseKind.MINOR,
            case__assignments__user=user,
            case__assignments__ended_at__isnull=True,
        )
        .select_related("case__person")
        .order_by("opened_at", "id")
    )
