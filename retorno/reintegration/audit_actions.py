"""The names of the reintegration app's audit rows.

The values are the strings stored in ``AuditLog.action`` since the app began, so old rows and the
reports that filter on them keep matching: never change a value, add a member instead.
"""

import enum


class AuditAction(enum.StrEnum):
    # Budgets and donors moved to the programme ledger (retorno.funding); these name older rows.
    BUDGET_LINE_AMOUNT = "budget_line.amount"
    BUDGET_LINE_CREATE = "budget_line.create"
    BUDGET_LINE_OVERRIDE = "budget_line.override"
    COURSE_CREATE = "course.create"
    DOCUMENT_REQUEST = "document.request"
    DOCUMENT_DRAFT = "document.draft"
    DOCUMENT_STATUS = "document.status"
    DONOR_CREATE = "donor.create"
    ENROLMENT_ATTENDANCE = "enrolment.attendance"
    ENROLMENT_CREATE = "enrolment.create"
    ENROLMENT_STATUS = "enrolment.status"
    EQUIPMENT_RECORD = "equipment.record"
    FOLLOWUP_ASSIGN = "followup.assign"
    FOLLOWUP_ATTEMPT = "followup.attempt"
    FOLLOWUP_FIELD_IMPORT = "followup.field_import"
    FOLLOWUP_INVITATION_REFUSED = "followup.invitation.refused"
    FOLLOWUP_INVITE = "followup.invite"
    FOLLOWUP_OUTCOME = "followup.outcome"
    FOLLOWUP_RESCORE = "followup.rescore"
    FOLLOWUP_SCHEDULE = "followup.schedule"
    FOLLOWUP_STATUS = "followup.status"
    GRANT_DRAFT = "grant.draft"
    GRANT_STATUS = "grant.status"
    GROUP_CREATE = "group.create"
    GROUP_SESSION = "group.session"
    JOB_REFERRAL_CREATE = "job_referral.create"
    JOB_REFERRAL_STATUS = "job_referral.status"
    PAYMENT_RECORD = "payment.record"
    PLAN_GOAL_ADD = "plan_goal.add"
    PLAN_GOAL_STATUS = "plan_goal.status"
    REINTEGRATION_CASE_ASSIGN = "reintegration_case.assign"
    REINTEGRATION_CASE_OPEN = "reintegration_case.open"
    REINTEGRATION_CASE_PLAN_AGREED = "reintegration_case.plan_agreed"
    REINTEGRATION_CASE_STATUS = "reintegration_case.status"
    REMIGRATION_RECORD = "remigration.record"
    TRANCHE_PLAN = "tranche.plan"
    TRANCHE_STATUS = "tranche.status"
    VACANCY_CLOSE = "vacancy.close"
    VACANCY_CREATE = "vacancy.create"
    VACANCY_OPEN = "vacancy.open"
