"""The sealed protection compartment (tier 2): psychosocial care, trafficking cases, minors.

Split by subject; import from here: ``from retorno.protection.models import ProtectionCase``.
Every narrative field and identifier is encrypted at rest (``retorno.lib.crypto``); who may
read what is decided in ``queries.case_access``; nothing here checks roles.
"""

from retorno.protection.models.base import USER, CaseKind, SealedModel
from retorno.protection.models.cases import CaseAssignment, CaseNote, CaseStatusChange, ProtectionCase
from retorno.protection.models.legal import LegalCase, LegalStatusChange
from retorno.protection.models.minors import BestInterestDecision, CustodyEvent
from retorno.protection.models.psychosocial import FollowUpPlan, PsychosocialAssessment, PsychosocialSession
from retorno.protection.models.referrals import HealthReferral, ProtectionReferral, ShelterReferral
from retorno.protection.models.seal import BreakGlassAccess, Notification
from retorno.protection.models.tracing import (
    FamilyAssessment,
    Relationship,
    ReunificationVisit,
    TracingRequest,
    TracingStatusChange,
    TracingStep,
)
from retorno.protection.models.trafficking import Identification, RiskAssessment, SupportService

__all__ = [
    "USER",
    "BestInterestDecision",
    "BreakGlassAccess",
    "CaseAssignment",
    "CaseKind",
    "CaseNote",
    "CaseStatusChange",
    "CustodyEvent",
    "FamilyAssessment",
    "FollowUpPlan",
    "HealthReferral",
    "Identification",
    "LegalCase",
    "LegalStatusChange",
    "Notification",
    "ProtectionCase",
    "ProtectionReferral",
    "Relationship",
    "ReunificationVisit",
    "PsychosocialAssessment",
    "PsychosocialSession",
    "RiskAssessment",
    "SealedModel",
    "ShelterReferral",
    "SupportService",
    "TracingRequest",
    "TracingStatusChange",
    "TracingStep",
]
