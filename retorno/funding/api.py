"""The programme ledger behind the REST API: /api/v1/funding/."""

from datetime import date
from decimal import Decimal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status

from retorno.accounts.access import require
from retorno.funding import actions
from retorno.funding.models import BudgetLine, CostKind
from retorno.funding.queries import budget_lines_of, donors_all, line_entries_between
from retorno.funding.sources import ledger_sync
from retorno.lib.api import CURRENCY_CODE, StrictSchema, amount

router = Router(tags=["funding"])
VIEW, MANAGE = "funding.view", "funding.manage"


class DonorOut(Schema):
    id: int
    code: str
    name: str
    currency: str = Field(description="ISO 4217 code of the donor's reporting currency")


class FundingBudgetLineOut(Schema):
    id: int
    donor_id: int
    code: str
    name: str
    kind: CostKind
    amount: Decimal = Field(description="budget, in the donor's currency")
    starts_on: date
    ends_on: date
    is_default: bool


class LedgerEntryOut(Schema):
    id: int
    budget_line_id: int
    kind: CostKind
    day: date
    quantity: int
    amount: Decimal
    currency: str
    rate: Decimal = Field(description="units of the donor's currency for one unit of `currency` on `day`")
    amount_donor: Decimal
    in_kind: bool
    source_type: str


class InKindIn(StrictSchema):
    day: date
    value: amount(gt=0, max_digits=14, decimal_places=2) = Field(description="market value of the goods")
    currency: str = Field(pattern=CURRENCY_CODE, description="ISO 4217, e.g. GTQ")
    description: str = Field(min_length=1, max_length=200, description="what was donated and by whom")
    quantity: int = Field(1, ge=1)
    budget_line_id: int | None = Field(None, description="default: the in-kind default line of the day")


class SyncOut(Schema):
    created: int
    already: int
    left_out: dict[str, int] = Field(
        description="rows not entered, by reason: no_budget_line, no_rate, no_standard_cost"
    )


@router.get("/donors", response=list[DonorOut], summary="Donors")
def donors(request: HttpRequest):
    require(request.user, VIEW)
    return donors_all()


@router.get("/budget-lines", response=list[FundingBudgetLineOut], summary="Budget lines")
def budget_lines(request: HttpRequest, donor_id: int | None = None):
    require(request.user, VIEW)
    return budget_lines_of(donor_id=donor_id)


@router.get("/budget-lines/{line_id}/entries", response=list[LedgerEntryOut], summary="Ledger entries of a line")
def line_entries(request: HttpRequest, line_id: int, start: date | None = None, end: date | None = None):
    require(request.user, VIEW)
    line = get_object_or_404(BudgetLine, pk=line_id)
    return line_entries_between(line=line, start=start, end=end)[:5000]


@router.post("/in-kind", response={201: LedgerEntryOut}, summary="Record an in-kind donation")
def in_kind(request: HttpRequest, payload: InKindIn):
    require(request.user, MANAGE)
    line = get_object_or_404(BudgetLine, pk=payload.budget_line_id) if payload.budget_line_id else None
    entry = actions.in_kind_donation_record(
        actor=request.user,
        day=payload.day,
        value=payload.value,
        currency=payload.currency,
        description=payload.description,
        quantity=payload.quantity,
        budget_line=line,
        request=request,
    )
    return Status(201, entry)


@router.post("/sync", response=SyncOut, summary="Enter the costs of every registered source not yet in the ledger")
def sync(request: HttpRequest):
    require(request.user, MANAGE)
    return ledger_sync(actor=request.user)
