"""The demo trainings' costs in the programme ledger.

The trainings of officials happened in 2011–2012, long before the demo's current budget lines, so
"enter recorded costs" left them out for want of a line. The demo gives them the line that paid
for them then (EU, capacity building 2011–2012) and that period's euro rate, then enters them.
"""

import datetime
from decimal import Decimal

from retorno.accounts.models import User
from retorno.funding import actions as funding
from retorno.funding.models import BudgetLine, CostKind, Donor
from retorno.funding.sources import ledger_sync
from retorno.outreach.indicators import TRAINING_COSTS

LINE_CODE = "UE-CAP-2011"


def training_costs_load(stdout) -> None:
    manager = User.objects.filter(username="gerencia").first()
    donor = Donor.objects.filter(code="ue").first()
    if manager is None or donor is None:
        return
    if not BudgetLine.objects.filter(code=LINE_CODE).exists():
        funding.budget_line_create(
            actor=manager,
            donor=donor,
            code=LINE_CODE,
            name="Fortalecimiento institucional: capacitación de funcionarios 2011–2012",
            kind=CostKind.TRAINING,
            amount=Decimal("25000"),
            starts_on=datetime.date(2011, 1, 1),
            ends_on=datetime.date(2012, 12, 31),
            is_default=True,
        )
        funding.exchange_rate_set(
            actor=manager,
            base="EUR",
            quote="GTQ",
            day=datetime.date(2011, 1, 1),
            rate=Decimal("10.85"),
            source="demo (aproximado, 2011)",
        )
    result = ledger_sync(actor=manager, source_types=[TRAINING_COSTS])
    stdout.write(f"outreach: {result.created} training costs entered in the ledger")
