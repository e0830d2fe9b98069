"""Cases, their plan and goals."""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Status
from ninja.errors import HttpError

from retorno.accounts.access import require
from retorno.people.queries import person_get_for
from retorno.reintegration import actions, queries
from retorno.reintegration.api.common import EDIT, VIEW, _case, _obj, router
from retorno.reintegration.api.schemas import CaseIn, CaseOut, GoalIn, GoalOut, PlanIn, StatusIn
from retorno.reintegration.models import PlanGoal


@router.get("/cases", response=list[CaseOut])
def case_list(request: HttpRequest, status: str | None = None, mine: bool = False):
    """Cases, newest first; filter by status or to the caller's own."""
    require(request.user, VIEW)
    return list(queries.cases_listed(request.user, status=status or "", mine=mine)[:500])


@router.post("/cases", response={201: CaseOut})
def case_open(request: HttpRequest, payload: CaseIn):
    """Open a case for a person who consented to reintegration support (422 otherwise)."""
    require(request.user, EDIT)
    person = person_get_for(user=request.user, person_id=payload.person_id)
    officer = None
    if payload.officer:
        officer = queries.active_user_named(payload.officer)
        if officer is None:
            raise HttpError(422, _("Unknown officer."))
    case = actions.case_open(
        actor=request.user,
        person=person,
        returned_on=payload.returned_on,
        officer=officer,
        goals=payload.goals,
        request=request,
    )
    return Status(201, case)


@router.get("/cases/{case_id}", response=CaseOut)
def case_detail(request: HttpRequest, case_id: int):
    case = _case(request, case_id, section="reintegration")
    return case


@router.post("/cases/{case_id}/status", response=CaseOut)
def case_status(request: HttpRequest, case_id: int, payload: StatusIn):
    require(request.user, EDIT)
    case = _case(request, case_id)
    return actions.case_set_status(
        actor=request.user, case=case, status=payload.status, reason=payload.reason, on=payload.on, request=request
    )


@router.post("/cases/{case_id}/plan", response=CaseOut)
def case_plan(request: HttpRequest, case_id: int, payload: PlanIn):
    """Record the plan as agreed; the answer's plan_late says whether it was late."""
    require(request.user, EDIT)
    case, _late = actions.case_agree_plan(
        actor=request.user, case=_case(request, case_id), agreed_on=payload.agreed_on, request=request
    )
    return case


@router.get("/cases/{case_id}/goals", response=list[GoalOut])
def goal_list(request: HttpRequest, case_id: int):
    return list(_case(request, case_id).goals_set.all())


@router.post("/cases/{case_id}/goals", response={201: GoalOut})
def goal_add(request: HttpRequest, case_id: int, payload: GoalIn):
    require(request.user, EDIT)
    return Status(
        201, actions.goal_add(actor=request.user, case=_case(request, case_id), request=request, **payload.dict())
    )


@router.post("/goals/{goal_id}/status", response=GoalOut)
def goal_status(request: HttpRequest, goal_id: int, payload: StatusIn):
    require(request.user, EDIT)
    return actions.goal_set_status(
        actor=request.user, goal=_obj(request, PlanGoal, goal_id), status=payload.status, request=request
    )
