"""The protection router and what its endpoints share: the case a caller may read or write, an organisation by id."""

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router

from retorno.accounts.models import Organisation
from retorno.protection.models import ProtectionCase
from retorno.protection.queries import SECTIONS, case_get_for, case_read_audit

router = Router(tags=["protection"])


def case_read(request: HttpRequest, case_id: int, section: str) -> ProtectionCase:
    """The case if the caller reads it in full and it has ``section``; the read is audited."""
    case, access = case_get_for(user=request.user, case_id=case_id)
    if section not in SECTIONS[case.kind]:
        raise Http404
    case_read_audit(user=request.user, case=case, access=access, section=section, request=request)
    return case


def case_writable(request: HttpRequest, case_id: int, section: str) -> ProtectionCase:
    case, _access = case_get_for(user=request.user, case_id=case_id)
    if section not in SECTIONS[case.kind]:
        raise Http404
    return case


def organisation_or_none(org_id: int | None) -> Organisation | None:
    return get_object_or_404(Organisation, pk=org_id) if org_id else None
