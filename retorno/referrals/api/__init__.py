"""Partners, referrals, signed links and shelters behind the REST API: /api/v1/referrals/."""

# Imported in this order so the endpoints keep their order (and the OpenAPI document its shape).
from retorno.referrals.api import partners, referrals, inbox, shelters  # noqa: F401, I001  (they add their endpoints)
from retorno.referrals.api.common import router

__all__ = ["router"]
