"""Outreach: the institutions side of the programme (trainings, networks, campaigns, dialogue, partners)."""

from retorno.outreach.models.campaigns import Campaign, CampaignActivity, CampaignMaterial
from retorno.outreach.models.common import AuditAction, Sex
from retorno.outreach.models.dialogue import (
    DialogueEvent,
    DialogueFollowUp,
    DialogueFollowUpChange,
    DialogueParticipant,
)
from retorno.outreach.models.networks import (
    Meeting,
    Network,
    NetworkAgreement,
    NetworkAgreementChange,
    NetworkMember,
)
from retorno.outreach.models.partners import (
    AgreementChange,
    AgreementReport,
    AgreementTarget,
    AgreementTranche,
    AssessmentScore,
    CapacityAssessment,
    CapacityChecklist,
    CapacityCriterion,
    PartnerAgreement,
    StrengtheningAction,
    StrengtheningActionChange,
    StrengtheningPlan,
)
from retorno.outreach.models.trainings import (
    Enrolment,
    Participant,
    SessionAttendance,
    Training,
    TrainingChange,
    TrainingSession,
)

__all__ = [
    "AgreementChange",
    "AgreementReport",
    "AgreementTarget",
    "AgreementTranche",
    "AssessmentScore",
    "AuditAction",
    "Campaign",
    "CampaignActivity",
    "CampaignMaterial",
    "CapacityAssessment",
    "CapacityChecklist",
    "CapacityCriterion",
    "DialogueEvent",
    "DialogueFollowUp",
    "DialogueFollowUpChange",
    "DialogueParticipant",
    "Enrolment",
    "Meeting",
    "Network",
    "NetworkAgreement",
    "NetworkAgreementChange",
    "NetworkMember",
    "PartnerAgreement",
    "Participant",
    "SessionAttendance",
    "Sex",
    "StrengtheningAction",
    "StrengtheningActionChange",
    "StrengtheningPlan",
    "Training",
    "TrainingChange",
    "TrainingSession",
]
