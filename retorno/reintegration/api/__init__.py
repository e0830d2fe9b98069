"""Reintegration and follow-up behind the REST API: /api/v1/reintegration/.

Split by subject; each module registers its endpoints on the one router in ``common``.
"""

from retorno.reintegration.api import cases, documents, followups, grants, history, jobs, scoring, training  # noqa: F401
from retorno.reintegration.api.common import router
from retorno.reintegration.api.groups import router as groups_router
from retorno.reintegration.api.invitations import router as invitation_router
from retorno.reintegration.fieldforms.api import router as fieldform_router

router.add_router("", invitation_router)
router.add_router("", fieldform_router)
router.add_router("/groups", groups_router)

__all__ = ["router"]
