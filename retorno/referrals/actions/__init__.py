"""Every write in referrals: atomic, validated with full_clean(), audited.

Split by subject; import from here: ``from retorno.referrals.actions import referral_create``.
"""

from retorno.referrals.actions.links import link_answer, link_open, link_revoke, signed_link_create
from retorno.referrals.actions.partners import partner_create, partner_for_referral, partner_update
from retorno.referrals.actions.referrals import referral_create, referral_set_status
from retorno.referrals.actions.sending import referral_link_send, referral_reminders_queue
from retorno.referrals.actions.shelters import (
    shelter_create,
    shelter_referral_from_reception,
    shelter_update,
    stay_check_in,
    stay_check_out,
)

__all__ = [
    "link_answer",
    "link_open",
    "link_revoke",
    "partner_create",
    "partner_for_referral",
    "partner_update",
    "referral_create",
    "referral_link_send",
    "referral_reminders_queue",
    "referral_set_status",
    "shelter_create",
    "shelter_referral_from_reception",
    "shelter_update",
    "signed_link_create",
    "stay_check_in",
    "stay_check_out",
]
