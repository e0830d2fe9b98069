"""The sealed compartment behind the REST API: /api/v1/protection/.

Same rules as the pages: a case id the caller may not read answers 404; every read of a
section is audited; managers' oversight answers omit every sealed field. One router; each
module of this package adds its endpoints to it.
"""

from retorno.protection.api import (  # noqa: F401
    cases,
    legal,
    minors,
    psychosocial,
    referrals,
    seal,
    tracing,
    trafficking,
)
from retorno.protection.api.common import router

__all__ = ["router"]
