"""Documents requested for a case."""

from django.http import HttpRequest
from ninja import Status

from retorno.accounts.access import require
from retorno.accounts.directory import directory_entry
from retorno.reintegration import actions
from retorno.reintegration.api.common import EDIT, _case, _obj, router
from retorno.reintegration.api.schemas import DocumentIn, DocumentOut, StatusIn
from retorno.reintegration.models import DocumentRequest


@router.get("/cases/{case_id}/documents", response=list[DocumentOut])
def document_list(request: HttpRequest, case_id: int):
    return list(_case(request, case_id).documents.all())


@router.post("/cases/{case_id}/documents", response={201: DocumentOut})
def document_add(request: HttpRequest, case_id: int, payload: DocumentIn):
    require(request.user, EDIT)
    data = payload.dict()
    data["issuer"] = directory_entry(data.pop("issuer_id"), kinds=DocumentRequest.ISSUER_KINDS, field="issuer_id")
    case = _case(request, case_id)
    return Status(201, actions.document_request(actor=request.user, case=case, request=request, **data))


@router.get("/documents/{document_id}", response=DocumentOut)
def document_detail(request: HttpRequest, document_id: int):
    """One document request, with or without a case (a DPI draft from reception's triage)."""
    return _obj(request, DocumentRequest, document_id)


@router.post("/documents/{document_id}/status", response=DocumentOut)
def document_status(request: HttpRequest, document_id: int, payload: StatusIn):
    require(request.user, EDIT)
    document = _obj(request, DocumentRequest, document_id)
    return actions.document_set_status(actor=request.user, document=document, request=request, **payload.dict())
