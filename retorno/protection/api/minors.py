"""Protection API: unaccompanied minors (custody, best interest; family tracing in ``tracing``)."""

from django.http import HttpRequest
from ninja import Status

from retorno.protection import actions
from retorno.protection.api.common import case_read, case_writable, organisation_or_none, router
from retorno.protection.api.inputs import BestInterestIn, CustodyIn, HandoverAssessmentIn
from retorno.protection.api.schemas import BestInterestOut, CustodyOut, ProtectionMinorOut
from retorno.protection.models import CustodyEvent
from retorno.protection.queries import family_assessment_of, handover_get, handover_recorded, minor_data


@router.get("/cases/{case_id}/minor", response=ProtectionMinorOut)
def minor(request: HttpRequest, case_id: int):
    case = case_read(request, case_id, "minor")
    data = minor_data(case)
    custody = list(data["custody"])
    return {
        "custody": custody,
        "tracing_requests": data["tracing_requests"],
        "family_assessments": data["assessments"],
        "visits": data["visits"],
        "best_interest_decisions": list(data["decisions"]),
        "handover_recorded": handover_recorded(custody),
    }


@router.post("/cases/{case_id}/minor/custody", response={201: CustodyOut})
def custody_add(request: HttpRequest, case_id: int, payload: CustodyIn):
    case = case_writable(request, case_id, "minor")
    data = payload.dict()
    data["organisation"] = organisation_or_none(data.pop("organisation_id"), kinds=CustodyEvent.ORGANISATION_KINDS)
    data["relationship"] = data["relationship"] or ""
    data["assessment"] = family_assessment_of(case=case, assessment_id=data.pop("assessment_id"))
    return Status(201, actions.custody_record(actor=request.user, case=case, request=request, **data))


@router.post("/cases/{case_id}/minor/custody/{event_id}/assessment", response=CustodyOut)
def custody_assessment_link(request: HttpRequest, case_id: int, event_id: int, payload: HandoverAssessmentIn):
    """Name the family assessment a family handover recorded before the rule rests on (never replaces one)."""
    case = case_writable(request, case_id, "minor")
    handover = handover_get(case=case, handover_id=event_id)
    assessment = family_assessment_of(case=case, assessment_id=payload.assessment_id)
    return actions.handover_assessment_link(
        actor=request.user, handover=handover, assessment=assessment, request=request
    )


@router.post("/cases/{case_id}/minor/best-interest", response={201: BestInterestOut})
def best_interest_add(request: HttpRequest, case_id: int, payload: BestInterestIn):
    case = case_writable(request, case_id, "minor")
    return Status(201, actions.best_interest_record(actor=request.user, case=case, request=request, **payload.dict()))
