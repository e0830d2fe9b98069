"""The protection router and what its endpoints share: the case a caller reads or writes, an organisation by id."""

from django.http import HttpRequest
from ninja import Router

from retorno.accounts.directory import directory_entry
from retorno.accounts.models import Organisation
from retorno.protection.models import ProtectionCase
from retorno.protection.queries import case_get_for
from retorno.protection.queries import case_writable as case_writable_for

router = Router(tags=["protection"])


def case_read(request: HttpRequest, case_id: int, section: str) -> ProtectionCase:
    """The case if the caller reads it in full and it has ``section``; ``case_get_for`` audits the read."""
    case, _access = case_get_for(user=request.user, case_id=case_id, section=section, request=request)
    return case


def case_writable(request: HttpRequest, case_id: int, section: str) -> ProtectionCase:
    return case_writable_for(user=request.user, case_id=case_id, section=section)


def organisation_or_none(org_id: int | None, *, kinds, field: str = "organisation_id") -> Organisation | None:
    """The directory entry named by id, of one of ``kinds``; an unknown id or another kind is a 422 on ``field``."""
    return directory_entry(org_id, kinds=kinds, field=field)
