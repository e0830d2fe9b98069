"""Reintegration and follow-up models, split by subject."""

from retorno.reintegration.models.cases import PLAN_DEADLINE_DAYS, PlanGoal, ReintegrationCase, Remigration
from retorno.reintegration.models.followup import (
    FieldSubmission,
    FollowUp,
    FollowUpAttempt,
    FollowUpInvitation,
    FollowUpOutcome,
)
from retorno.reintegration.models.ledger import Payment
from retorno.reintegration.models.reference import (
    DEFAULT_FOLLOW_UP_MONTHS,
    Course,
    FollowUpSchedule,
    FollowUpTrigger,
    Sector,
    Vacancy,
)
from retorno.reintegration.models.services import (
    BusinessGrant,
    DocumentRequest,
    Enrolment,
    EquipmentPurchase,
    GrantTranche,
    GroupSession,
    JobReferral,
    SelfHelpGroup,
)

__all__ = [
    "DEFAULT_FOLLOW_UP_MONTHS",
    "PLAN_DEADLINE_DAYS",
    "BusinessGrant",
    "Course",
    "DocumentRequest",
    "Enrolment",
    "EquipmentPurchase",
    "FollowUp",
    "FollowUpAttempt",
    "FieldSubmission",
    "FollowUpInvitation",
    "FollowUpOutcome",
    "FollowUpSchedule",
    "FollowUpTrigger",
    "GrantTranche",
    "GroupSession",
    "JobReferral",
    "Payment",
    "PlanGoal",
    "ReintegrationCase",
    "Remigration",
    "SelfHelpGroup",
    "Sector",
    "Vacancy",
]
