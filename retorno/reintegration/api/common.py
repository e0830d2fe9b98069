"""What the reintegration endpoints share: the permissions and fetching a case or an object of one."""

from ninja import Router

from retorno.accounts.access import require
from retorno.reintegration import queries

VIEW, EDIT = "reintegration.view", "reintegration.edit"


def _case(request, case_id: int, section: str = ""):
    """The case, when the caller may see it; with ``section`` the read is audited."""
    require(request.user, VIEW)
    return queries.case_get_for(user=request.user, case_id=case_id, section=section, request=request)


def _obj(request, model, pk: int, case_path: str = "case"):
    require(request.user, VIEW)
    return queries.object_get_for(user=request.user, model=model, pk=pk, case_path=case_path)


# One router for every subject module (they register on it when imported), so the operations
# sit on the app's router as they always did.
router = Router(tags=["reintegration"])
