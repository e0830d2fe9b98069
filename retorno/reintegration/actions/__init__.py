"""Every write of the reintegration app: atomic, validated with full_clean(), audited.

Split by subject; import from here (``from retorno.reintegration.actions import case_open``).
"""

from retorno.reintegration.actions.cases import (
    case_agree_plan,
    case_assign,
    case_open,
    case_set_status,
    goal_add,
    goal_set_status,
)
from retorno.reintegration.actions.documents import (
    document_draft_from_triage,
    document_request,
    document_set_status,
    document_taken_from_triage,
)
from retorno.reintegration.actions.followup import (
    followup_assign,
    followup_attempt,
    followup_record_outcome,
    followup_set_status,
    followups_on_arrival,
    followups_schedule,
    schedule_months,
)
from retorno.reintegration.actions.grants import (
    equipment_record,
    grant_draft,
    grant_set_status,
    tranche_plan,
    tranche_set_status,
)
from retorno.reintegration.actions.groups import group_create, group_session_record
from retorno.reintegration.actions.invitations import (
    InvitationRefused,
    followup_invitation_reminders,
    followup_invite,
    followup_self_report,
    invitation_open,
)
from retorno.reintegration.actions.jobs import (
    employer_partner,
    job_referral_create,
    job_referral_follow,
    job_referral_link_create,
    job_referral_link_send,
    job_referral_set_status,
    vacancy_create,
    vacancy_set_open,
)
from retorno.reintegration.actions.ledger import payment_record
from retorno.reintegration.actions.scoring import Rescored, outcome_rescore, outcomes_rescore
from retorno.reintegration.actions.training import (
    course_create,
    enrolment_create,
    enrolment_record_attendance,
    enrolment_set_status,
)

__all__ = [
    "InvitationRefused",
    "followup_invitation_reminders",
    "followup_invite",
    "followup_self_report",
    "invitation_open",
    "case_agree_plan",
    "case_assign",
    "case_open",
    "case_set_status",
    "course_create",
    "document_draft_from_triage",
    "document_request",
    "document_taken_from_triage",
    "document_set_status",
    "enrolment_create",
    "enrolment_record_attendance",
    "employer_partner",
    "enrolment_set_status",
    "equipment_record",
    "followup_assign",
    "followup_attempt",
    "followup_record_outcome",
    "followup_set_status",
    "followups_on_arrival",
    "followups_schedule",
    "goal_add",
    "goal_set_status",
    "grant_draft",
    "grant_set_status",
    "group_create",
    "group_session_record",
    "job_referral_create",
    "job_referral_link_create",
    "job_referral_link_send",
    "job_referral_set_status",
    "job_referral_follow",
    "outcome_rescore",
    "outcomes_rescore",
    "Rescored",
    "payment_record",
    "schedule_months",
    "tranche_plan",
    "tranche_set_status",
    "vacancy_create",
    "vacancy_set_open",
]
