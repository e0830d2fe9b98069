"""Protection API: family tracing, family assessment and follow-up visits of an unaccompanied minor."""

from django.http import HttpRequest
from ninja import Status

from retorno.accounts.access import require
from retorno.geo.queries import department_by_code, municipality_by_code
from retorno.protection import actions
from retorno.protection.api.common import case_read, case_writable, router
from retorno.protection.api.tracing_schemas import (
    FamilyAssessmentIn,
    FamilyAssessmentOut,
    ReunificationVisitOut,
    TracingRequestIn,
    TracingRequestOut,
    TracingStatusIn,
    TracingStepIn,
    TracingStepOut,
    TracingToCompleteOut,
    VisitDueOut,
    VisitRecordIn,
    VisitScheduleIn,
)
from retorno.protection.queries import tracing_request_get, tracing_requests_to_complete, visit_get, visits_due


@router.post("/cases/{case_id}/minor/tracing-requests", response={201: TracingRequestOut})
def tracing_request_open(request: HttpRequest, case_id: int, payload: TracingRequestIn):
    case = case_writable(request, case_id, "minor")
    data = payload.dict()
    data["department"] = department_by_code(data["department"])
    data["municipality"] = municipality_by_code(data["municipality"])
    return Status(201, actions.tracing_request_open(actor=request.user, case=case, request=request, **data))


@router.get("/cases/{case_id}/minor/tracing-requests/{request_id}", response=TracingRequestOut)
def tracing_request_detail(request: HttpRequest, case_id: int, request_id: int):
    """One tracing request with its steps and history (a read of the minor's section, audited)."""
    return tracing_request_get(case=case_read(request, case_id, "minor"), request_id=request_id)


@router.put("/cases/{case_id}/minor/tracing-requests/{request_id}", response=TracingRequestOut)
def tracing_request_update(request: HttpRequest, case_id: int, request_id: int, payload: TracingRequestIn):
    """Complete or correct who is sought and where (requests from the retired log have no name or relationship)."""
    found = tracing_request_get(case=case_writable(request, case_id, "minor"), request_id=request_id)
    data = payload.dict()
    data["department"] = department_by_code(data["department"])
    data["municipality"] = municipality_by_code(data["municipality"])
    return actions.tracing_request_update(actor=request.user, tracing_request=found, request=request, **data)


@router.post("/cases/{case_id}/minor/tracing-requests/{request_id}/status", response=TracingRequestOut)
def tracing_request_status(request: HttpRequest, case_id: int, request_id: int, payload: TracingStatusIn):
    found = tracing_request_get(case=case_writable(request, case_id, "minor"), request_id=request_id)
    return actions.tracing_request_set_status(
        actor=request.user, tracing_request=found, request=request, **payload.dict()
    )


@router.post("/cases/{case_id}/minor/tracing-requests/{request_id}/steps", response={201: TracingStepOut})
def tracing_step_add(request: HttpRequest, case_id: int, request_id: int, payload: TracingStepIn):
    found = tracing_request_get(case=case_writable(request, case_id, "minor"), request_id=request_id)
    return Status(
        201, actions.tracing_step_add(actor=request.user, tracing_request=found, request=request, **payload.dict())
    )


@router.post("/cases/{case_id}/minor/family-assessments", response={201: FamilyAssessmentOut})
def family_assessment_add(request: HttpRequest, case_id: int, payload: FamilyAssessmentIn):
    case = case_writable(request, case_id, "minor")
    data = payload.dict()
    request_id = data.pop("tracing_request_id")
    data["tracing_request"] = tracing_request_get(case=case, request_id=request_id) if request_id else None
    data["relationship"] = data["relationship"] or ""
    return Status(201, actions.family_assessment_record(actor=request.user, case=case, request=request, **data))


@router.post("/cases/{case_id}/minor/visits", response={201: ReunificationVisitOut})
def visit_schedule(request: HttpRequest, case_id: int, payload: VisitScheduleIn):
    case = case_writable(request, case_id, "minor")
    return Status(201, actions.visit_schedule(actor=request.user, case=case, request=request, **payload.dict()))


@router.post("/cases/{case_id}/minor/visits/{visit_id}/record", response=ReunificationVisitOut)
def visit_record(request: HttpRequest, case_id: int, visit_id: int, payload: VisitRecordIn):
    visit = visit_get(case=case_writable(request, case_id, "minor"), visit_id=visit_id)
    return actions.visit_record(actor=request.user, visit=visit, request=request, **payload.dict())


@router.get("/visits-due", response=list[VisitDueOut])
def visits_due_list(request: HttpRequest):
    """The caller's follow-up visits due within a week or overdue (their worklist)."""
    require(request.user, "protection.home")
    return list(visits_due(request.user))


@router.get("/tracing-requests/to-complete", response=list[TracingToCompleteOut])
def tracing_requests_to_complete_list(request: HttpRequest):
    """Tracing requests on the caller's minors' cases with no name or relationship recorded (from the
    retired free-text log), oldest first."""
    require(request.user, "protection.home")
    return list(tracing_requests_to_complete(request.user)[:200])
