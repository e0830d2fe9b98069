"""Protection API: the identification protocol and the victim case (risk, support)."""

from django.http import HttpRequest
from ninja import Status

from retorno.accounts.access import require
from retorno.protection import actions, protocol
from retorno.protection.api.common import case_read, case_writable, router
from retorno.protection.api.inputs import AnswersIn, ConcludeIn, RiskIn, SupportIn
from retorno.protection.api.schemas import (
    IdentificationOut,
    IdentificationReviewOut,
    RiskOut,
    SupportOut,
    TraffickingIndicatorOut,
    VictimOut,
)
from retorno.protection.queries import identification_get, identifications_of, victim_data


@router.get("/protocol/indicators", response=list[TraffickingIndicatorOut])
def indicators(request: HttpRequest):
    """The identification protocol's questions and the HTCDS value each one points to."""
    require(request.user, "protection.work_protection")
    return [{**i.__dict__, "question": str(i.question)} for i in protocol.INDICATORS]


@router.get("/cases/{case_id}/identifications", response=list[IdentificationOut])
def identification_list(request: HttpRequest, case_id: int):
    case = case_read(request, case_id, "identification")
    return identifications_of(case)


@router.get("/cases/{case_id}/identifications/{identification_id}", response=IdentificationReviewOut)
def identification_review(request: HttpRequest, case_id: int, identification_id: int):
    """One interview read back in full (audited as a review of the identification section)."""
    case = case_read(request, case_id, "identification_review")
    return identification_get(case=case, identification_id=identification_id)


@router.post("/cases/{case_id}/identifications/current/answers", response=IdentificationOut)
def identification_answers(request: HttpRequest, case_id: int, payload: AnswersIn):
    """Save answers so far (starts the protocol if none is running); partial answers are kept."""
    case = case_writable(request, case_id, "identification")
    running = actions.identification_start(actor=request.user, case=case, request=request)
    return actions.identification_save_answers(
        actor=request.user, identification=running, answers=payload.answers, request=request
    )


@router.post("/cases/{case_id}/identifications/current/conclude", response=IdentificationOut)
def identification_conclude(request: HttpRequest, case_id: int, payload: ConcludeIn):
    case = case_writable(request, case_id, "identification")
    running = actions.identification_start(actor=request.user, case=case, request=request)
    return actions.identification_conclude(
        actor=request.user,
        identification=running,
        result=payload.result,
        authority=payload.authority or "",
        authority_name=payload.authority_name,
        request=request,
    )


@router.get("/cases/{case_id}/victim", response=VictimOut)
def victim(request: HttpRequest, case_id: int):
    case = case_read(request, case_id, "victim")
    data = victim_data(case)
    return {
        "risk_assessments": list(data["risks"]),
        "support_services": list(data["services"]),
        "shelter_referrals": list(data["shelters"]),
    }


@router.post("/cases/{case_id}/victim/risk-assessments", response={201: RiskOut})
def risk_add(request: HttpRequest, case_id: int, payload: RiskIn):
    case = case_writable(request, case_id, "victim")
    return Status(201, actions.risk_assessment_record(actor=request.user, case=case, request=request, **payload.dict()))


@router.post("/cases/{case_id}/victim/support-services", response={201: SupportOut})
def support_add(request: HttpRequest, case_id: int, payload: SupportIn):
    case = case_writable(request, case_id, "victim")
    return Status(201, actions.support_service_add(actor=request.user, case=case, request=request, **payload.dict()))
