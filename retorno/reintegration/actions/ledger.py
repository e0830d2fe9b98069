"""Reintegration's payments, each entered in the programme ledger against a donor's budget line.

Donors and budget lines are the ledger's (``retorno.funding``): one ledger for every cost. A
payment is refused when its line is closed, does not cover the day, or would go below zero,
unless a programme manager overrides with a reason; the override is audited by the ledger.
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from retorno.accounts.access import require
from retorno.accounts.models import User
from retorno.audit.actions import audit_write, snapshot
from retorno.funding.actions import ledger_entry_record
from retorno.funding.models import BudgetLine, CostKind
from retorno.reintegration.actions.common import EDIT
from retorno.reintegration.audit_actions import AuditAction
from retorno.reintegration.models import Payment

# Reintegration pays in quetzales.
CURRENCY = "GTQ"
KIND_OF_PURPOSE = {
    Payment.Purpose.DOCUMENTS: CostKind.DOCUMENT_FEE,
    Payment.Purpose.TRAINING: CostKind.TRAINING,
    Payment.Purpose.GRANT: CostKind.GRANT,
    Payment.Purpose.TRANSPORT: CostKind.TRANSPORT_TICKET,
    Payment.Purpose.OTHER: CostKind.OTHER,
}


@transaction.atomic
def payment_record(
    *,
    actor: User,
    budget_line: BudgetLine,
    amount: Decimal,
    purpose: str,
    paid_on: datetime.date | None = None,
    payee: str = "",
    reference: str = "",
    case=None,
    document=None,
    enrolment=None,
    tranche=None,
    override_reason: str = "",
    request=None,
) -> Payment:
    """Pay ``amount`` quetzales from ``budget_line`` and enter it in the ledger in the same transaction.

    The ledger locks the line while it checks it: open, covering the day, and with enough left
    in the donor's currency at the day's rate, or overridden by a manager with a reason.
    """
    require(actor, EDIT)
    if case is None:
        case = next((o.case for o in (document, enrolment) if o is not None), None) or (
            tranche.grant.case if tranche else None
        )
    payment = Payment(
        budget_line=budget_line,
        amount=amount,
        purpose=purpose,
        paid_on=paid_on or timezone.localdate(),
        payee=payee.strip(),
        reference=reference.strip(),
        case=case,
        document=document,
        enrolment=enrolment,
        tranche=tranche,
        recorded_by=actor,
    )
    payment.full_clean()
    payment.save()
    entry = ledger_entry_record(
        actor=actor,
        kind=KIND_OF_PURPOSE[purpose],
        day=payment.paid_on,
        amount=payment.amount,
        currency=CURRENCY,
        budget_line=budget_line,
        description=purpose,
        source_type=f"reintegration.payment.{purpose}",
        source_id=payment.pk,
        check_balance=True,
        override_reason=override_reason,
        request=request,
    )
    if entry.override_by_id:
        payment.override_by_id, payment.override_reason = entry.override_by_id, entry.override_reason
        payment.save(update_fields=["override_by", "override_reason"])
    audit_write(
        actor=actor,
        action=AuditAction.PAYMENT_RECORD,
        obj=payment,
        person_id=case.person_id if case else None,
        new=snapshot(payment, ["budget_line", "amount", "purpose", "paid_on", "case", "override_by"]),
        reason=payment.override_reason,
        request=request,
    )
    return payment
