"""Demo funding: three donors, a default budget line per kind of cost for this year, exchange rates,
the standard cost of a shelter night, a company's donated food, then every registered cost source
entered in the ledger. Idempotent: a second run creates nothing new (ledger_sync never duplicates)."""

import datetime
from decimal import Decimal

from django.utils import timezone

from retorno.accounts.models import User
from retorno.funding import actions
from retorno.funding.models import BudgetLine, CostKind, Donor, LedgerEntry
from retorno.funding.sources import ledger_sync

LINES = {
    CostKind.TRANSPORT_TICKET: ("usaid", "60000"),
    CostKind.BASIC_SERVICE: ("usaid", "40000"),
    CostKind.SHELTER_NIGHT: ("usaid", "30000"),
    CostKind.DOCUMENT_FEE: ("ue", "15000"),
    CostKind.TRAINING: ("ue", "25000"),
    CostKind.GRANT: ("ue", "80000"),
    CostKind.IN_KIND: ("usaid", "10000"),
    CostKind.SUB_GRANT: ("ue", "50000"),
    CostKind.OTHER: ("usaid", "5000"),
}


def reference(manager: User) -> dict[str, Donor]:
    """The demo donors, their default lines, rates and the shelter night's cost (once); the donors by code.

    Reintegration's demo calls this first, so its own lines join the same donors.
    """
    if not Donor.objects.filter(code="usaid").exists():
        _donors_and_lines(manager)
    return {d.code: d for d in Donor.objects.all()}


def _donors_and_lines(manager: User) -> None:
    year = timezone.localdate().year
    first, last = datetime.date(year - 1, 1, 1), datetime.date(year, 12, 31)
    usaid = actions.donor_create(actor=manager, code="usaid", name="USAID", currency="USD")
    ue = actions.donor_create(actor=manager, code="ue", name="Unión Europea", currency="EUR")
    actions.donor_create(actor=manager, code="oim", name="OIM", currency="USD")
    donors = {"usaid": usaid, "ue": ue}
    numbers = {"usaid": 0, "ue": 0}
    for kind, (donor, amount) in LINES.items():
        numbers[donor] += 1  # budget lines numbered per donor, as an agreement's budget has them
        actions.budget_line_create(
            actor=manager,
            donor=donors[donor],
            code=f"{donor.upper()}-{numbers[donor]:02d}",
            name=str(CostKind(kind).label),
            kind=kind,
            amount=Decimal(amount),
            starts_on=first,
            ends_on=last,
            is_default=True,
        )
    for base, quote, rate in (("USD", "GTQ", "7.75"), ("EUR", "GTQ", "8.40"), ("USD", "EUR", "0.92")):
        actions.exchange_rate_set(actor=manager, base=base, quote=quote, day=first, rate=Decimal(rate), source="demo")
    actions.standard_cost_set(
        actor=manager, kind=CostKind.SHELTER_NIGHT, amount=Decimal("75"), currency="GTQ", valid_from=first
    )


def load(*, options: dict, stdout) -> None:
    manager = User.objects.filter(username="gerencia").first()
    if manager is None:
        stdout.write("funding: demo users missing, nothing loaded")
        return
    reference(manager)
    if not LedgerEntry.objects.filter(kind=CostKind.IN_KIND).exists() and BudgetLine.objects.exists():
        actions.in_kind_donation_record(
            actor=manager,
            day=timezone.localdate(),
            value=Decimal("3100"),
            currency="GTQ",
            description="Refacciones para un vuelo de 135 personas (empresa donante)",
            quantity=135,
        )
    result = ledger_sync(actor=manager)
    stdout.write(f"funding: {result.created} ledger entries entered, {result.already} already there")
