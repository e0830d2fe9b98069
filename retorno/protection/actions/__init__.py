"""Every write to the sealed compartment: atomic, validated, audited without tier-2 plaintext.

Split by subject; import from here: ``from retorno.protection.actions import case_open``.
Views and the API decide who may call these (through ``queries.case_get_for``); the
actions enforce the domain rules (status pipelines, the chain of custody, who may be
assigned, who may break the glass).
"""

from retorno.protection.actions.cases import (
    case_assign,
    case_consent_record,
    case_open,
    case_set_status,
    case_unassign,
    note_add,
)
from retorno.protection.actions.common import sealed_snapshot
from retorno.protection.actions.legal import legal_case_open, legal_case_set_status, legal_case_update
from retorno.protection.actions.minors import best_interest_record, custody_record, handover_assessment_link
from retorno.protection.actions.psychosocial import assessment_record, follow_up_plan_save, session_record
from retorno.protection.actions.referrals import (
    health_referral_create,
    health_referral_outcome,
    protection_referral_receive,
    referral_take,
    shelter_referral_create,
    shelter_referral_update,
)
from retorno.protection.actions.seal import break_glass_open, break_glass_review, htcds_export, notification_mark_read
from retorno.protection.actions.tracing import (
    family_assessment_record,
    tracing_request_open,
    tracing_request_set_status,
    tracing_request_update,
    tracing_step_add,
    visit_record,
    visit_schedule,
)
from retorno.protection.actions.trafficking import (
    identification_conclude,
    identification_save_answers,
    identification_start,
    risk_assessment_record,
    support_service_add,
)

__all__ = [
    "assessment_record",
    "best_interest_record",
    "break_glass_open",
    "break_glass_review",
    "case_assign",
    "case_consent_record",
    "case_open",
    "case_set_status",
    "case_unassign",
    "custody_record",
    "handover_assessment_link",
    "family_assessment_record",
    "follow_up_plan_save",
    "health_referral_create",
    "health_referral_outcome",
    "htcds_export",
    "identification_conclude",
    "identification_save_answers",
    "identification_start",
    "legal_case_open",
    "legal_case_set_status",
    "legal_case_update",
    "note_add",
    "notification_mark_read",
    "protection_referral_receive",
    "referral_take",
    "risk_assessment_record",
    "sealed_snapshot",
    "session_record",
    "shelter_referral_create",
    "shelter_referral_update",
    "support_service_add",
    "tracing_request_open",
    "tracing_request_set_status",
    "tracing_request_update",
    "tracing_step_add",
    "visit_record",
    "visit_schedule",
]
