"""Outreach behind the REST API: /api/v1/outreach/ (the same actions and queries as the pages)."""

from retorno.outreach.api import coordination, partners, trainings  # noqa: F401  (they add their endpoints)
from retorno.outreach.api.common import router

__all__ = ["router"]
