"""Reintegration payments (document fees, training, grant tranches) in the programme ledger.

Registered in ``ReintegrationConfig.ready()``. Each payment is entered once, keyed by its id,
against the funding budget line with the same code as its reintegration budget line, or else
the default line for its kind. Reintegration's amounts are in quetzales.
"""

import datetime

from retorno.funding.models import CostKind
from retorno.funding.sources import CostRow, LedgerSource, register_ledger_source
from retorno.reintegration.models import Payment

KINDS = {
    Payment.Purpose.DOCUMENTS: CostKind.DOCUMENT_FEE,
    Payment.Purpose.TRAINING: CostKind.TRAINING,
    Payment.Purpose.GRANT: CostKind.GRANT,
    Payment.Purpose.TRANSPORT: CostKind.TRANSPORT_TICKET,
    Payment.Purpose.OTHER: CostKind.OTHER,
}


def _payments(purpose: str):
    def rows(since: datetime.date | None):
        payments = Payment.objects.filter(purpose=purpose)
        if since:
            payments = payments.filter(paid_on__gte=since)
        for row in payments.values("id", "paid_on", "amount", "budget_line__code").iterator():
            yield CostRow(
                source_id=row["id"],
                day=row["paid_on"],
                amount=row["amount"],
                currency="GTQ",
                description=purpose,
                budget_line_code=row["budget_line__code"],
            )

    return rows


def register() -> None:
    for purpose, kind in KINDS.items():
        register_ledger_source(LedgerSource(f"reintegration.payment.{purpose}", kind, _payments(purpose)))
