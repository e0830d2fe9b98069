"""Protection pages, split by subject. Case pages answer 404 to anyone who may not read the case."""

from retorno.protection.views.cases import (
    case_accesses_view,
    case_assign,
    case_detail,
    case_open,
    identification_review,
    index,
    psychosocial_index,
)
from retorno.protection.views.referrals import referral_take
from retorno.protection.views.seal import (
    break_glass,
    break_glass_queue_view,
    break_glass_review,
    htcds_export,
    notifications,
    shared_detail,
    shared_list,
)
from retorno.protection.views.writes import case_write

__all__ = [
    "break_glass",
    "break_glass_queue_view",
    "break_glass_review",
    "case_accesses_view",
    "case_assign",
    "case_detail",
    "case_open",
    "case_write",
    "htcds_export",
    "identification_review",
    "index",
    "notifications",
    "psychosocial_index",
    "referral_take",
    "shared_detail",
    "shared_list",
]
