"""Referrals' models, split by subject; import from here: ``from retorno.referrals.models import Referral``."""

from retorno.referrals.models.referrals import (
    DEFAULT_ANSWER_DAYS,
    DEFAULT_HEALTH_FIELDS,
    DEFAULT_SHELTER_FIELDS,
    HEALTH_FACILITY_KINDS,
    NEEDS_REASON,
    PARTNER_ANSWERS,
    REFERRAL_CONSENT,
    Partner,
    PartnerOffer,
    Referral,
    ReferralLink,
    ReferralStatusChange,
    Service,
    SharedField,
    TargetGroup,
)
from retorno.referrals.models.shelters import (
    DEFAULT_STAY_LIMIT_HOURS,
    DEFAULT_STAY_WARNING_HOURS,
    BedType,
    Shelter,
    Stay,
)

__all__ = [
    "DEFAULT_ANSWER_DAYS",
    "DEFAULT_HEALTH_FIELDS",
    "DEFAULT_SHELTER_FIELDS",
    "HEALTH_FACILITY_KINDS",
    "DEFAULT_STAY_LIMIT_HOURS",
    "DEFAULT_STAY_WARNING_HOURS",
    "NEEDS_REASON",
    "PARTNER_ANSWERS",
    "REFERRAL_CONSENT",
    "BedType",
    "Partner",
    "PartnerOffer",
    "Referral",
    "ReferralLink",
    "ReferralStatusChange",
    "Service",
    "SharedField",
    "Shelter",
    "Stay",
    "TargetGroup",
]
