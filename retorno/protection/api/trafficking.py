"""Protection API: the identification protocol and the victim case (risk, support)."""

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from retorno.accounts.access import require
from retorno.protection import actions, protocol
from retorno.protection.api.common import case_read, case_writable, router
from retorno.protection.api.inputs import AnswersIn, ConcludeIn, RiskIn, SupportIn
from retorno.protection.api.schemas import (
    IdentificationOut,
    IdentificationReviewOut,
    IndicatorOut,
    RiskOut,
    SupportOut,
    VictimOut,
)
from retorno.protection.queries import SECTIONS, case_get_for, case_read_audit


@router.get("/protocol/indicators", response=list[IndicatorOut])
def indicators(request: HttpRequest):
    """The identification protocol's questions and the HTCDS value each one points to."""
    require(request.user, "protection.work_protection")
    return [{**i.__dict__, "question": str(i.question)} for i in protocol.INDICATORS]


@router.get("/cases/{case_id}/identifications", response=list[IdentificationOut])
def identification_list(request: HttpRequest, case_id: int):
    case = case_read(request, case_id, "identification")
    return list(case.identifications.select_related("decided_by"))


@router.get("/cases/{case_id}/identifications/{identification_id}", response=IdentificationReviewOut)
def identification_review(request: HttpRequest, case_id: int, identification_id: int):
    """One interview read back in full (audited as a review of the identification section)."""
    case, access = case_get_for(user=request.user, case_id=case_id)
    if "identification" not in SECTIONS[case.kind]:
        raise Http404
    case_read_audit(user=request.user, case=case, access=access, section="identification_review", request=request)
    return get_object_or_404(case.identifications.select_related("started_by", "decided_by"), pk=identification_id)


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
    return {
        "risk_assessments": list(case.risk_assessments.all()),
        "support_services": list(case.support_services.all()),
        "shelter_referrals": list(case.shelter_referrals.all()),
    }


@router.post("/cases/{case_id}/victim/risk-assessments", response={201: RiskOut})
def risk_add(request: HttpRequest, case_id: int, payload: RiskIn):
    case = case_writable(request, case_id, "victim")
    return 201, actions.risk_assessment_record(actor=request.user, case=case, request=request, **payload.dict())


@router.post("/cases/{case_id}/victim/support-services", response={201: SupportOut})
def support_add(request: HttpRequest, case_id: int, payload: SupportIn):
    case = case_writable(request, case_id, "victim")
    return 201, actions.support_service_add(actor=request.user, case=case, request=request, **payload.dict())
