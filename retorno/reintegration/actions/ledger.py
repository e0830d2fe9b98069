"""Donors, budget lines and the payments ledger. No line goes below zero without a manager's override."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from retorno.accounts.access import can, require
from retorno.accounts.models import User
from retorno.audit.actions import audit_write, snapshot
from retorno.reintegration.actions.common import EDIT
from retorno.reintegration.audit_actions import AuditAction
from retorno.reintegration.models import BudgetLine, Donor, Payment


def line_balance(line: BudgetLine) -> Decimal:
    spent = Payment.objects.filter(budget_line=line).aggregate(total=Sum("amount"))["total"] or Decimal("0")
    return line.amount - spent


@transaction.atomic
def donor_create(*, actor: User, name: str, code: str, request=None) -> Donor:
    require(actor, "reintegration.budget_manage")
    donor = Donor(name=name.strip(), code=code.strip())
    donor.full_clean()
    donor.save()
    audit_write(actor=actor, action=AuditAction.DONOR_CREATE, obj=donor, new=snapshot(donor), request=request)
    return donor


@transaction.atomic
def budget_line_create(
    *, actor: User, code: str, name: str, donor: Donor, category: str, amount: Decimal, request=None
) -> BudgetLine:
    """Open a budget line (managers)."""
    require(actor, "reintegration.budget_manage")
    line = BudgetLine(code=code.strip(), name=name.strip(), donor=donor, category=category, amount=amount)
    line.full_clean()
    line.save()
    audit_write(actor=actor, action=AuditAction.BUDGET_LINE_CREATE, obj=line, new=snapshot(line), request=request)
    return line


@transaction.atomic
def budget_line_set_amount(*, actor: User, line: BudgetLine, amount: Decimal, reason: str, request=None) -> BudgetLine:
    """Change what a line holds (a donor's amendment, a reallocation); the reason is audited."""
    require(actor, "reintegration.budget_manage")
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Say why the budget changes.")})
    line = BudgetLine.objects.select_for_update().get(pk=line.pk)
    old = line.amount
    line.amount = amount
    line.full_clean()
    line.save(update_fields=["amount"])
    audit_write(
        actor=actor,
        action=AuditAction.BUDGET_LINE_AMOUNT,
        obj=line,
        old={"amount": old},
        new={"amount": amount},
        reason=reason.strip(),
        request=request,
    )
    return line


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
    """Enter a payment in the ledger against ``budget_line``.

    The line is locked while its balance is checked. A payment larger than the balance is
    refused unless a programme manager overrides it with a reason; the override is audited.
    """
    require(actor, EDIT)
    line = BudgetLine.objects.select_for_update().get(pk=budget_line.pk)
    if not line.is_active:
        raise ValidationError({"budget_line": _("This budget line is closed.")})
    if case is None:
        case = next((o.case for o in (document, enrolment) if o is not None), None) or (
            tranche.grant.case if tranche else None
        )
    payment = Payment(
        budget_line=line,
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
    balance = line_balance(line)
    override_reason = (override_reason or "").strip()
    if amount > balance:
        if not override_reason:
            raise ValidationError(
                {
                    "amount": _("Budget line %(code)s has Q%(balance)s left; this payment would take it below zero.")
                    % {"code": line.code, "balance": f"{balance:,.2f}"}
                }
            )
        if not can(actor, "reintegration.budget_override"):
            raise PermissionDenied(_("Only a programme manager can take a budget line below zero."))
        payment.override_by, payment.override_reason = actor, override_reason
    payment.save()
    audit_write(
        actor=actor,
        action=AuditAction.PAYMENT_RECORD,
        obj=payment,
        person_id=case.person_id if case else None,
        new=snapshot(payment, ["budget_line", "amount", "purpose", "paid_on", "case", "override_by"]),
        reason=override_reason,
        request=request,
    )
    if payment.override_by_id:
        audit_write(
            actor=actor,
            action=AuditAction.BUDGET_LINE_OVERRIDE,
            obj=line,
            old={"balance": balance},
            new={"balance": balance - amount, "payment": payment.pk},
            reason=override_reason,
            request=request,
        )
    return payment
