"""Every audit action name the referrals app writes (values are the names stored in the audit log)."""

import enum


class AuditAction(enum.StrEnum):
    ORGANISATION_CREATE = "organisation.create"
    PARTNER_CREATE = "partner.create"
    PARTNER_UPDATE = "partner.update"
    REFERRAL_CREATE = "referral.create"
    REFERRAL_CREATE_WITHOUT_CONSENT = "referral.create_without_consent"
    REFERRAL_ACCEPTED = "referral.accepted"
    REFERRAL_REJECTED = "referral.rejected"
    REFERRAL_COMPLETED = "referral.completed"
    REFERRAL_REVOKED = "referral.revoked"
    REFERRAL_NO_SHOW = "referral.no_show"
    LINK_CREATE = "referral.link.create"
    LINK_OPEN = "referral.link.open"
    LINK_REFUSED = "referral.link.refused"
    LINK_REVOKE = "referral.link.revoke"
    LINK_SEND = "referral.link.send"
    LINK_USE = "referral.link.use"
    SHELTER_CREATE = "shelter.create"
    SHELTER_UPDATE = "shelter.update"
    STAY_CHECK_IN = "stay.check_in"
    STAY_CHECK_OUT = "stay.check_out"


# The audit action of each move of a referral, by the status it moves to.
REFERRAL_STATUS_ACTIONS = {
    "accepted": AuditAction.REFERRAL_ACCEPTED,
    "rejected": AuditAction.REFERRAL_REJECTED,
    "completed": AuditAction.REFERRAL_COMPLETED,
    "revoked": AuditAction.REFERRAL_REVOKED,
    "no_show": AuditAction.REFERRAL_NO_SHOW,
}
