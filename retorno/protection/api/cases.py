"""Protection API: cases, their status, assignment and notes."""

from django.http import Http404, HttpRequest
from ninja import Status

from retorno.accounts.access import require
from retorno.protection import actions
from retorno.protection.api.common import case_read, case_writable, router
from retorno.protection.api.inputs import AssignIn, CaseStatusIn, NoteIn
from retorno.protection.api.schemas import CaseSummaryOut, NoteOut, ProtectionCaseOut
from retorno.protection.queries import (
    active_user_get,
    case_get_for,
    case_get_for_oversight,
    case_notes,
    cases_for_oversight,
    my_cases,
)


@router.get("/cases", response=list[CaseSummaryOut])
def case_list(request: HttpRequest):
    """Cases the caller reads in full (assigned, supervised, emergency access)."""
    return list(my_cases(request.user))


@router.get("/oversight/cases", response=list[CaseSummaryOut])
def oversight_list(request: HttpRequest):
    """Every case's metadata, without sealed content (managers)."""
    require(request.user, "protection.oversight")
    return list(cases_for_oversight()[:1000])


@router.get("/cases/{case_id}", response=ProtectionCaseOut)
def case_detail(request: HttpRequest, case_id: int):
    return case_read(request, case_id, "overview")


@router.post("/cases/{case_id}/status", response=ProtectionCaseOut)
def case_status(request: HttpRequest, case_id: int, payload: CaseStatusIn):
    case = case_writable(request, case_id, "overview")
    return actions.case_set_status(
        actor=request.user, case=case, status=payload.status, reason=payload.reason, request=request
    )


@router.post("/cases/{case_id}/assignments", response={201: CaseSummaryOut})
def case_assign(request: HttpRequest, case_id: int, payload: AssignIn):
    """Assign a colleague: managers and the case's supervisor (403 for anyone else who reads the case,
    emergency access included)."""
    try:
        case, _access = case_get_for(user=request.user, case_id=case_id)
    except Http404:
        case = case_get_for_oversight(user=request.user, case_id=case_id)
    user = active_user_get(user_id=payload.user_id)
    actions.case_assign(actor=request.user, case=case, user=user, request=request)
    return Status(201, case)


@router.get("/cases/{case_id}/notes", response=list[NoteOut])
def note_list(request: HttpRequest, case_id: int):
    case = case_read(request, case_id, "overview")
    return case_notes(case)


@router.post("/cases/{case_id}/notes", response={201: NoteOut})
def note_add(request: HttpRequest, case_id: int, payload: NoteIn):
    case = case_writable(request, case_id, "overview")
    return Status(201, actions.note_add(actor=request.user, case=case, text=payload.text, request=request))
