"""Business grants, tranches, budget lines and payments."""

from django.http import HttpRequest
from ninja import Status

from retorno.accounts.access import require
from retorno.funding.queries import budget_lines_to_pay_from
from retorno.reintegration import actions, queries
from retorno.reintegration.api.common import EDIT, _case, _obj, router
from retorno.reintegration.api.schemas import (
    GrantIn,
    GrantOut,
    GrantStatusIn,
    PaymentIn,
    PaymentOut,
    TrancheIn,
    TrancheOut,
    TrancheStatusIn,
)
from retorno.reintegration.api.schemas_ledger import BudgetLineOut
from retorno.reintegration.models import BusinessGrant, GrantTranche


@router.get("/cases/{case_id}/grants", response=list[GrantOut])
def grant_list(request: HttpRequest, case_id: int):
    return list(_case(request, case_id).grants.select_related("drafted_by", "reviewed_by"))


@router.post("/cases/{case_id}/grants", response={201: GrantOut})
def grant_draft(request: HttpRequest, case_id: int, payload: GrantIn):
    require(request.user, EDIT)
    return Status(
        201, actions.grant_draft(actor=request.user, case=_case(request, case_id), request=request, **payload.dict())
    )


@router.post("/grants/{grant_id}/status", response=GrantOut)
def grant_status(request: HttpRequest, grant_id: int, payload: GrantStatusIn):
    """Submit, approve (a manager who did not draft it), reject, cancel."""
    require(request.user, EDIT)
    return actions.grant_set_status(
        actor=request.user, grant=_obj(request, BusinessGrant, grant_id), request=request, **payload.dict()
    )


@router.get("/grants/{grant_id}/tranches", response=list[TrancheOut])
def tranche_list(request: HttpRequest, grant_id: int):
    return list(_obj(request, BusinessGrant, grant_id).tranches.all())


@router.post("/grants/{grant_id}/tranches", response={201: TrancheOut})
def tranche_add(request: HttpRequest, grant_id: int, payload: TrancheIn):
    require(request.user, EDIT)
    return Status(
        201,
        actions.tranche_plan(
            actor=request.user, grant=_obj(request, BusinessGrant, grant_id), request=request, **payload.dict()
        ),
    )


@router.post("/tranches/{tranche_id}/status", response=TrancheOut)
def tranche_status(request: HttpRequest, tranche_id: int, payload: TrancheStatusIn):
    """Pay a tranche (a ledger payment against a budget line) or cancel it."""
    require(request.user, EDIT)
    tranche = _obj(request, GrantTranche, tranche_id, case_path="grant__case")
    data = payload.dict()
    line_id = data.pop("budget_line_id")
    line = queries.budget_line_to_pay_from(user=request.user, line_id=line_id) if line_id else None
    return actions.tranche_set_status(actor=request.user, tranche=tranche, budget_line=line, request=request, **data)


@router.get("/budget-lines", response=list[BudgetLineOut])
def budget_line_list(request: HttpRequest):
    """The programme ledger's open budget lines with what is spent and left, in each donor's currency
    (officers choose one to pay from)."""
    require(request.user, EDIT)
    return list(budget_lines_to_pay_from())


@router.get("/cases/{case_id}/payments", response=list[PaymentOut])
def payment_list(request: HttpRequest, case_id: int):
    return list(_case(request, case_id).payments.select_related("budget_line"))


@router.post("/cases/{case_id}/payments", response={201: PaymentOut})
def payment_add(request: HttpRequest, case_id: int, payload: PaymentIn):
    """Enter a payment; 422 when it would take the line below zero, unless a manager overrides with a reason."""
    require(request.user, EDIT)
    case = _case(request, case_id)
    data = payload.dict()
    line = queries.budget_line_to_pay_from(user=request.user, line_id=data.pop("budget_line_id"))
    document_id, enrolment_id = data.pop("document_id"), data.pop("enrolment_id")
    document = queries.case_document(case, document_id) if document_id else None
    enrolment = queries.case_enrolment(case, enrolment_id) if enrolment_id else None
    payment = actions.payment_record(
        actor=request.user, budget_line=line, case=case, document=document, enrolment=enrolment, request=request, **data
    )
    return Status(201, payment)
