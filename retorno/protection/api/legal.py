"""Protection API: the legal case with the Public Prosecutor's Office."""

from django.http import HttpRequest
from ninja import Status

from retorno.accounts.directory import directory_entry
from retorno.protection import actions
from retorno.protection.api.common import case_read, case_writable, router
from retorno.protection.api.inputs import LegalIn, LegalStatusIn
from retorno.protection.api.schemas import LegalOut
from retorno.protection.models import LegalCase
from retorno.protection.queries import legal_case_get, legal_case_of


@router.get("/cases/{case_id}/legal", response={200: LegalOut, 204: None})
def legal(request: HttpRequest, case_id: int):
    case = case_read(request, case_id, "legal")
    legal_case = legal_case_of(case)
    return Status(200, legal_case) if legal_case else Status(204, None)


@router.post("/cases/{case_id}/legal", response={201: LegalOut})
def legal_open(request: HttpRequest, case_id: int, payload: LegalIn):
    """Refer the case to the Public Prosecutor's Office (complaint filed)."""
    case = case_writable(request, case_id, "legal")
    data = payload.dict()
    office_id = data.pop("prosecutor_office_id")
    data["prosecutor_office"] = directory_entry(
        office_id, kinds=LegalCase.PROSECUTOR_KINDS, field="prosecutor_office_id"
    )
    return Status(201, actions.legal_case_open(actor=request.user, case=case, request=request, **data))


@router.post("/cases/{case_id}/legal/status", response=LegalOut)
def legal_status(request: HttpRequest, case_id: int, payload: LegalStatusIn):
    case = case_writable(request, case_id, "legal")
    legal_case = legal_case_get(case=case)
    return actions.legal_case_set_status(
        actor=request.user, legal_case=legal_case, status=payload.status, on=payload.on, request=request
    )
