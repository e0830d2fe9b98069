"""The programme ledger behind the REST API: /api/v1/funding/."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from retorno.accounts.access import require
from retorno.funding import actions
from retorno.funding.models import BudgetLine, CostKind
from retorno.funding.queries import (
    budget_lines_of,
    donors_all,
    exchange_rates,
    line_entries_between,
    standard_costs,
)
from retorno.funding.sources import ledger_sync
from retorno.lib.api import CURRENCY_CODE, StrictSchema
from retorno.lib.api import amount as decimal_text
from retorno.lib.money import cents

router = Router(tags=["funding"])

VIEW, MANAGE = "funding.view", "funding.manage"


class DonorOut(Schema):
    id: int
    code: str
    name: str
    currency: str = Field(description="ISO 4217 code of the donor's reporting currency")


class DonorIn(StrictSchema):
    code: str = Field(min_length=1, max_length=30, pattern=r"^[-a-zA-Z0-9_]+$", description="short name")
    name: str = Field(min_length=1, max_length=150)
    currency: str = Field("USD", pattern=CURRENCY_CODE, description="ISO 4217 code of the reporting currency")


class FundingBudgetLineOut(Schema):
    id: int
    donor_id: int
    code: str
    name: str
    kind: CostKind
    amount: Decimal = Field(description="budget, in the donor's currency")
    spent: Decimal = Field(description="every ledger entry charged to the line, in the donor's currency")
    balance: Decimal = Field(description="what is left, in the donor's currency (negative after an override)")
    starts_on: date
    ends_on: date
    is_default: bool
    is_active: bool = Field(description="open for payments")

    @staticmethod
    def resolve_spent(obj) -> Decimal:
        return cents(obj.spent)

    @staticmethod
    def resolve_balance(obj) -> Decimal:
        return cents(obj.balance)


class BudgetLineIn(StrictSchema):
    donor_id: int
    code: str = Field(min_length=1, max_length=30)
    name: str = Field(min_length=1, max_length=200)
    kind: CostKind
    amount: decimal_text(ge=0, max_digits=14, decimal_places=2) = Field(description="in the donor's currency")
    starts_on: date
    ends_on: date
    is_default: bool = False


class BudgetLineChangeIn(StrictSchema):
    reason: str = Field(min_length=1, max_length=300, description="a donor's amendment, a reallocation…")
    amount: decimal_text(ge=0, max_digits=14, decimal_places=2) | None = None
    ends_on: date | None = None
    is_active: bool | None = None


class ExchangeRateIO(StrictSchema):
    base: str = Field(pattern=CURRENCY_CODE, description="one unit of this currency…")
    quote: str = Field(pattern=CURRENCY_CODE, description="…is worth `rate` units of this one")
    day: date
    rate: decimal_text(gt=0, max_digits=18, decimal_places=8)
    source: str = Field("", max_length=120)


class StandardCostIO(StrictSchema):
    kind: CostKind
    amount: decimal_text(ge=0, max_digits=12, decimal_places=2)
    currency: str = Field(pattern=CURRENCY_CODE)
    valid_from: date


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
    override_reason: str = Field(description="set when a manager let this entry take its line below zero")


class InKindIn(StrictSchema):
    day: date
    value: decimal_text(gt=0, max_digits=14, decimal_places=2) = Field(description="market value of the goods")
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


@router.post("/donors", response={201: DonorOut}, summary="Add a donor")
def donor_add(request: HttpRequest, payload: DonorIn):
    require(request.user, MANAGE)
    return Status(201, actions.donor_create(actor=request.user, request=request, **payload.dict()))


@router.get("/budget-lines", response=list[FundingBudgetLineOut], summary="Budget lines")
def budget_lines(request: HttpRequest, donor_id: int | None = None):
    require(request.user, VIEW)
    return budget_lines_of(donor_id=donor_id)


@router.post("/budget-lines", response={201: FundingBudgetLineOut}, summary="Open a budget line")
def budget_line_add(request: HttpRequest, payload: BudgetLineIn):
    require(request.user, MANAGE)
    data = payload.dict()
    donor = _donor(data.pop("donor_id"))
    line = actions.budget_line_create(actor=request.user, request=request, donor=donor, **data)
    return Status(201, budget_lines_of().get(pk=line.pk))


@router.patch("/budget-lines/{line_id}", response=FundingBudgetLineOut, summary="Change a budget line")
def budget_line_change(request: HttpRequest, line_id: int, payload: BudgetLineChangeIn):
    """Change the budget, the end or whether the line is open; the reason is audited."""
    require(request.user, MANAGE)
    line = get_object_or_404(BudgetLine, pk=line_id)
    actions.budget_line_change(actor=request.user, request=request, line=line, **payload.dict())
    return budget_lines_of().get(pk=line.pk)


@router.get("/exchange-rates", response=list[ExchangeRateIO], summary="Exchange rates, latest first")
def rate_list(request: HttpRequest):
    require(request.user, VIEW)
    return exchange_rates()


@router.post("/exchange-rates", response=ExchangeRateIO, summary="Record (or correct) the rate of a day")
def rate_set(request: HttpRequest, payload: ExchangeRateIO):
    require(request.user, MANAGE)
    return actions.exchange_rate_set(actor=request.user, request=request, **payload.dict())


@router.get("/standard-costs", response=list[StandardCostIO], summary="Standard unit costs")
def cost_list(request: HttpRequest):
    require(request.user, VIEW)
    return standard_costs()


@router.post("/standard-costs", response=StandardCostIO, summary="Set the unit cost of a kind from a day on")
def cost_set(request: HttpRequest, payload: StandardCostIO):
    require(request.user, MANAGE)
    return actions.standard_cost_set(actor=request.user, request=request, **payload.dict())


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


def _donor(donor_id: int):
    donor = donors_all().filter(pk=donor_id).first()
    if donor is None:
        raise ValidationError({"donor_id": _("No such donor.")})
    return donor
