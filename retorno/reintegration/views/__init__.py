"""Reintegration pages, split by subject; ``urls.py`` and the profile panel import from here."""

from retorno.reintegration.views.budgets import budgets, figures
from retorno.reintegration.views.cases import (
    case_assign,
    case_detail,
    case_list,
    case_open,
    case_plan,
    case_status,
    goal_add,
    goal_status,
    profile_panel,
    worklist,
)
from retorno.reintegration.views.documents import document_add, document_status
from retorno.reintegration.views.followups import (
    followup_attempt,
    followup_detail,
    followup_outcome,
    followup_status,
    followup_take,
)
from retorno.reintegration.views.grants import (
    equipment_add,
    grant_detail,
    grant_new,
    grant_queue,
    grant_status,
    payment_add,
    tranche_add,
    tranche_status,
)
from retorno.reintegration.views.groups import group_detail, group_list
from retorno.reintegration.views.history import case_migration_history
from retorno.reintegration.views.invitations import followup_invite, self_report
from retorno.reintegration.views.jobs import (
    job_referral_add,
    job_referral_detail,
    job_referral_link,
    job_referral_link_send,
    job_referral_status,
)
from retorno.reintegration.views.reference import course_list, vacancy_list, vacancy_open
from retorno.reintegration.views.scoring import survey_scoring
from retorno.reintegration.views.training import enrolment_add, enrolment_attendance, enrolment_status

__all__ = [
    "budgets",
    "case_assign",
    "case_migration_history",
    "case_detail",
    "case_list",
    "case_open",
    "case_plan",
    "case_status",
    "course_list",
    "document_add",
    "document_status",
    "enrolment_add",
    "enrolment_attendance",
    "enrolment_status",
    "equipment_add",
    "figures",
    "survey_scoring",
    "followup_attempt",
    "followup_detail",
    "followup_invite",
    "followup_outcome",
    "followup_status",
    "followup_take",
    "goal_add",
    "goal_status",
    "grant_detail",
    "grant_new",
    "grant_queue",
    "grant_status",
    "group_detail",
    "group_list",
    "job_referral_add",
    "job_referral_detail",
    "job_referral_link",
    "job_referral_link_send",
    "job_referral_status",
    "payment_add",
    "profile_panel",
    "self_report",
    "tranche_add",
    "tranche_status",
    "vacancy_list",
    "vacancy_open",
    "worklist",
]
