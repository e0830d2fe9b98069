"""Protection API: psychosocial care."""

from django.http import HttpRequest
from ninja import Status

from retorno.protection import actions
from retorno.protection.api.common import case_read, case_writable, router
from retorno.protection.api.inputs import FollowUpPlanIn, PsychosocialAssessmentIn, PsychosocialSessionIn
from retorno.protection.api.schemas import PlanOut, PsychosocialAssessmentOut, PsychosocialOut, SessionOut
from retorno.protection.queries import psychosocial_data


@router.get("/cases/{case_id}/psychosocial", response=PsychosocialOut)
def psychosocial(request: HttpRequest, case_id: int):
    case = case_read(request, case_id, "psychosocial")
    data = psychosocial_data(case)
    return {
        "assessments": list(data["assessments"]),
        "sessions": list(data["sessions"]),
        "referrals": list(data["health_referrals"]),
        "plan": data["plan"],
    }


@router.post("/cases/{case_id}/psychosocial/assessments", response={201: PsychosocialAssessmentOut})
def assessment_add(request: HttpRequest, case_id: int, payload: PsychosocialAssessmentIn):
    case = case_writable(request, case_id, "psychosocial")
    data = payload.dict()
    data["needs"] = [str(getattr(n, "value", n)) for n in data["needs"]]
    return Status(201, actions.assessment_record(actor=request.user, case=case, request=request, **data))


@router.post("/cases/{case_id}/psychosocial/sessions", response={201: SessionOut})
def session_add(request: HttpRequest, case_id: int, payload: PsychosocialSessionIn):
    case = case_writable(request, case_id, "psychosocial")
    return Status(201, actions.session_record(actor=request.user, case=case, request=request, **payload.dict()))


@router.put("/cases/{case_id}/psychosocial/plan", response=PlanOut)
def plan_save(request: HttpRequest, case_id: int, payload: FollowUpPlanIn):
    case = case_writable(request, case_id, "psychosocial")
    return actions.follow_up_plan_save(actor=request.user, case=case, request=request, **payload.dict())
