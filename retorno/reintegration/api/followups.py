"""Follow-ups, the RSS survey's questions and the programme figures."""

from datetime import date

from django.http import HttpRequest
from ninja import Status

from retorno.accounts.access import require
from retorno.geo.queries import municipality_by_code
from retorno.reintegration import actions, queries, rss
from retorno.reintegration.api.common import EDIT, VIEW, router
from retorno.reintegration.api.schemas import AttemptIn, AttemptOut, FollowUpOut, OutcomeIn, QuestionOut, StatusIn


@router.get("/followups", response=list[FollowUpOut])
def followup_worklist(request: HttpRequest, until: date | None = None):
    """The caller's follow-ups still due, oldest due date first."""
    require(request.user, VIEW)
    return queries.worklist(user=request.user, until=until)["mine"]


@router.get("/followups/{followup_id}", response=FollowUpOut)
def followup_detail(request: HttpRequest, followup_id: int):
    require(request.user, VIEW)
    followup = queries.followup_get_for(
        user=request.user, followup_id=followup_id, section="reintegration.followup", request=request
    )
    return followup


@router.post("/followups/{followup_id}/attempts", response={201: AttemptOut})
def followup_attempt(request: HttpRequest, followup_id: int, payload: AttemptIn):
    require(request.user, EDIT)
    followup = queries.followup_get_for(user=request.user, followup_id=followup_id)
    return Status(
        201, actions.followup_attempt(actor=request.user, followup=followup, request=request, **payload.dict())
    )


@router.post("/followups/{followup_id}/outcome", response={201: FollowUpOut})
def followup_outcome(request: HttpRequest, followup_id: int, payload: OutcomeIn):
    """Record the outcome with raw RSS answers; the scores come back computed."""
    require(request.user, EDIT)
    followup = queries.followup_get_for(user=request.user, followup_id=followup_id)
    data = payload.dict()
    data["living_in"] = municipality_by_code(data["living_in"], field="living_in")
    actions.followup_record_outcome(actor=request.user, followup=followup, request=request, **data)
    return Status(201, queries.followup_get_for(user=request.user, followup_id=followup_id))


@router.post("/followups/{followup_id}/status", response=FollowUpOut)
def followup_status(request: HttpRequest, followup_id: int, payload: StatusIn):
    require(request.user, EDIT)
    followup = queries.followup_get_for(user=request.user, followup_id=followup_id)
    return actions.followup_set_status(
        actor=request.user, followup=followup, status=payload.status, reason=payload.reason, request=request
    )


@router.get("/rss/questions", response=list[QuestionOut])
def rss_questions(request: HttpRequest):
    """The survey's questions and allowed answer codes, for the current scoring version."""
    require(request.user, VIEW)
    return [
        {"code": q.code, "dimension": q.dimension, "text": str(q.text), "options": list(q.options)}
        for q in rss.questions()
    ]


@router.get("/figures")
def figures(request: HttpRequest):
    """Programme figures, without names (M&E may read them)."""
    require(request.user, "reintegration.figures")
    return queries.programme_figures()
