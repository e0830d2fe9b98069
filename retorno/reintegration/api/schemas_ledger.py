"""What officers see of the programme ledger's budget lines when they choose one to pay from."""

from datetime import date
from decimal import Decimal

from ninja import Field, Schema

from retorno.funding.models import CostKind
from retorno.lib.money import cents


class BudgetLineOut(Schema):
    id: int
    code: str
    name: str
    donor: str = Field(description="the donor's short name")
    kind: CostKind
    currency: str = Field(description="the donor's currency: budget, spent and balance are in it")
    amount: Decimal
    spent: Decimal
    balance: Decimal
    starts_on: date
    ends_on: date

    @staticmethod
    def resolve_donor(obj) -> str:
        return obj.donor.code

    @staticmethod
    def resolve_currency(obj) -> str:
        return obj.donor.currency

    @staticmethod
    def resolve_spent(obj) -> Decimal:
        return cents(obj.spent)

    @staticmethod
    def resolve_balance(obj) -> Decimal:
        return cents(obj.balance)
