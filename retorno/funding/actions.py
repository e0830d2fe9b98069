"""Every write of the funding app: atomic, validated with full_clean(), audited.

Lower apps record their costs here (``ledger_entry_record``) or register a source that
``ledger_sync`` reads (see ``retorno.funding.sources``). This module's signatures are a stable
API used by reception, referrals, reintegration and outreach: extend with keyword arguments
that have defaults, never rename.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from retorno.accounts.access import can, require
from retorno.accounts.models import User
from retorno.audit.actions import audit_write, snapshot
from retorno.funding.audit_actions import AuditAction
from retorno.funding.models import BudgetLine, CostKind, Donor, ExchangeRate, LedgerEntry, StandardCost
from retorno.funding.queries import line_balance
from retorno.lib.money import format_money

CENT = Decimal("0.01")


@transaction.atomic
def donor_create(*, actor: User, code: str, name: str, currency: str = "USD", request=None) -> Donor:
    """Add a donor who is reported to in ``currency``."""
    require(actor, "funding.manage")
    donor = Donor(code=code.strip(), name=name.strip(), currency=currency.strip().upper())
    donor.full_clean()
    donor.save()
    audit_write(actor=actor, action=AuditAction.DONOR_CREATE, obj=donor, new=snapshot(donor), request=request)
    return donor


@transaction.atomic
def budget_line_create(
    *,
    actor: User,
    donor: Donor,
    code: str,
    name: str,
    kind: str,
    amount: Decimal,
    starts_on: datetime.date,
    ends_on: datetime.date,
    is_default: bool = False,
    request=None,
) -> BudgetLine:
    """Add a budget line; ``is_default`` makes it the line ``ledger_sync`` charges its kind to."""
    require(actor, "funding.manage")
    line = BudgetLine(
        donor=donor,
        code=code.strip(),
        name=name.strip(),
        kind=kind,
        amount=amount,
        starts_on=starts_on,
        ends_on=ends_on,
        is_default=is_default,
    )
    line.full_clean()
    if is_default and _overlapping_default(line).exists():
        raise ValidationError({"is_default": _("Another default line for this kind covers part of this period.")})
    line.save()
    audit_write(actor=actor, action=AuditAction.BUDGET_LINE_CREATE, obj=line, new=snapshot(line), request=request)
    return line


@transaction.atomic
def budget_line_change(
    *,
    actor: User,
    line: BudgetLine,
    reason: str,
    amount: Decimal | None = None,
    ends_on: datetime.date | None = None,
    is_active: bool | None = None,
    request=None,
) -> BudgetLine:
    """Change what a line holds, when it ends or whether it is open (a donor's amendment); the reason is audited."""
    require(actor, "funding.manage")
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Say why the budget line changes.")})
    line = BudgetLine.objects.select_for_update().get(pk=line.pk)
    old = snapshot(line, ["amount", "ends_on", "is_active"])
    for field, value in (("amount", amount), ("ends_on", ends_on), ("is_active", is_active)):
        if value is not None:
            setattr(line, field, value)
    line.full_clean()
    if line.is_default and _overlapping_default(line).exists():
        raise ValidationError({"ends_on": _("Another default line for this kind covers part of this period.")})
    line.save(update_fields=["amount", "ends_on", "is_active"])
    new = snapshot(line, ["amount", "ends_on", "is_active"])
    audit_write(
        actor=actor,
        action=AuditAction.BUDGET_LINE_CHANGE,
        obj=line,
        old=old,
        new=new,
        reason=reason.strip(),
        request=request,
    )
    return line


def _overlapping_default(line: BudgetLine):
    return BudgetLine.objects.filter(
        kind=line.kind, is_default=True, starts_on__lte=line.ends_on, ends_on__gte=line.starts_on
    ).exclude(pk=line.pk)


@transaction.atomic
def exchange_rate_set(
    *, actor: User, base: str, quote: str, day: datetime.date, rate: Decimal, source: str = "", request=None
) -> ExchangeRate:
    """Record (or correct) the rate of ``base`` in ``quote`` on ``day``."""
    require(actor, "funding.manage")
    base, quote = base.strip().upper(), quote.strip().upper()
    obj = ExchangeRate.objects.filter(base=base, quote=quote, day=day).first()
    old = snapshot(obj) if obj else None
    obj = obj or ExchangeRate(base=base, quote=quote, day=day)
    obj.rate, obj.source = rate, source.strip()
    obj.full_clean()
    obj.save()
    audit_write(actor=actor, action=AuditAction.EXCHANGE_RATE_SET, obj=obj, old=old, new=snapshot(obj), request=request)
    return obj


@transaction.atomic
def standard_cost_set(
    *, actor: User, kind: str, amount: Decimal, currency: str, valid_from: datetime.date, request=None
) -> StandardCost:
    """The unit cost used for ``kind`` from ``valid_from`` on (e.g. one shelter night)."""
    require(actor, "funding.manage")
    obj = StandardCost.objects.filter(kind=kind, valid_from=valid_from).first() or StandardCost(
        kind=kind, valid_from=valid_from
    )
    obj.amount, obj.currency = amount, currency.strip().upper()
    obj.full_clean()
    obj.save()
    audit_write(actor=actor, action=AuditAction.STANDARD_COST_SET, obj=obj, new=snapshot(obj), request=request)
    return obj


def rate_on(*, base: str, quote: str, day: datetime.date) -> Decimal | None:
    """Units of ``quote`` for one ``base`` on ``day``: the latest rate on or before it, either way round."""
    if base == quote:
        return Decimal(1)
    direct = ExchangeRate.objects.filter(base=base, quote=quote, day__lte=day).order_by("-day").first()
    inverse = ExchangeRate.objects.filter(base=quote, quote=base, day__lte=day).order_by("-day").first()
    if direct and (not inverse or direct.day >= inverse.day):
        return direct.rate
    if inverse:
        return (Decimal(1) / inverse.rate).quantize(Decimal("0.00000001"))
    return None


def default_budget_line(*, kind: str, day: datetime.date) -> BudgetLine | None:
    """The open default line that pays for ``kind`` on ``day``, if one is set."""
    return (
        BudgetLine.objects.select_related("donor")
        .filter(kind=kind, is_default=True, is_active=True, starts_on__lte=day, ends_on__gte=day)
        .first()
    )


@transaction.atomic
def ledger_entry_record(
    *,
    actor: User,
    kind: str,
    day: datetime.date,
    amount: Decimal,
    currency: str,
    budget_line: BudgetLine | None = None,
    quantity: int = 1,
    in_kind: bool = False,
    description: str = "",
    source_type: str = "",
    source_id: str | int = "",
    check_balance: bool = False,
    override_reason: str = "",
    request=None,
) -> LedgerEntry:
    """Enter one cost in the ledger, converted to the donor's currency at the day's rate.

    Without ``budget_line`` the default line for ``kind`` on ``day`` is used. With a
    ``source_type`` the call is idempotent: a second call for the same (source_type, source_id)
    returns the existing entry and writes nothing.

    With ``check_balance`` (a payment someone chooses to make) the line is locked, must be open
    and cover ``day``, and may not go below zero unless a manager overrides with a reason.
    """
    source_id = str(source_id)
    if source_type:
        existing = LedgerEntry.objects.filter(source_type=source_type, source_id=source_id).first()
        if existing:
            return existing
    if kind not in CostKind.values:
        raise ValidationError({"kind": _("Unknown kind of cost.")})
    line = budget_line or default_budget_line(kind=kind, day=day)
    if line is None:
        raise ValidationError({"budget_line": _("No budget line pays for this kind of cost on this day.")})
    if check_balance:
        line = BudgetLine.objects.select_for_update(of=("self",)).select_related("donor").get(pk=line.pk)
        _check_line_takes(line, day)
    currency = currency.strip().upper()
    rate = rate_on(base=currency, quote=line.donor.currency, day=day)
    if rate is None:
        raise ValidationError(
            {
                "currency": _("No exchange rate from %(from)s to %(to)s on or before %(day)s.")
                % {"from": currency, "to": line.donor.currency, "day": day.isoformat()}
            }
        )
    entry = LedgerEntry(
        budget_line=line,
        kind=kind,
        day=day,
        quantity=quantity,
        amount=Decimal(amount).quantize(CENT, ROUND_HALF_UP),
        currency=currency,
        rate=rate,
        amount_donor=(Decimal(amount) * rate).quantize(CENT, ROUND_HALF_UP),
        in_kind=in_kind,
        description=description.strip()[:200],
        source_type=source_type,
        source_id=source_id if source_type else "",
        recorded_by=actor,
    )
    entry.full_clean()
    balance = line_balance(line) if check_balance else None
    if balance is not None and entry.amount_donor > balance:
        _override(actor, entry, balance, override_reason)
    entry.save()
    audit_write(actor=actor, action=AuditAction.LEDGER_ENTRY_RECORD, obj=entry, new=snapshot(entry), request=request)
    if entry.override_by_id:
        audit_write(
            actor=actor,
            action=AuditAction.BUDGET_LINE_OVERRIDE,
            obj=line,
            old={"balance": balance},
            new={"balance": balance - entry.amount_donor, "entry": entry.pk},
            reason=entry.override_reason,
            request=request,
        )
    return entry


def _check_line_takes(line: BudgetLine, day: datetime.date) -> None:
    if not line.is_active:
        raise ValidationError({"budget_line": _("This budget line is closed.")})
    if not line.starts_on <= day <= line.ends_on:
        raise ValidationError(
            {
                "budget_line": _("Budget line %(code)s pays from %(start)s to %(end)s, not on %(day)s.")
                % {
                    "code": line.code,
                    "start": line.starts_on.isoformat(),
                    "end": line.ends_on.isoformat(),
                    "day": day.isoformat(),
                }
            }
        )


def _override(actor: User, entry: LedgerEntry, balance: Decimal, reason: str) -> None:
    """Let ``entry`` take its line below zero: only a manager, only with a reason."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            {
                "amount": _("Budget line %(code)s has %(balance)s left; this payment would take it below zero.")
                % {"code": entry.budget_line.code, "balance": format_money(balance, entry.budget_line.donor.currency)}
            }
        )
    if not can(actor, "funding.override"):
        raise PermissionDenied(_("Only a programme manager can take a budget line below zero."))
    entry.override_by, entry.override_reason = actor, reason[:300]


def in_kind_donation_record(
    *,
    actor: User,
    day: datetime.date,
    value: Decimal,
    currency: str,
    description: str,
    quantity: int = 1,
    budget_line: BudgetLine | None = None,
    request=None,
) -> LedgerEntry:
    """Food, hygiene kits or other goods given by a company, valued at market price."""
    require(actor, "funding.manage")
    if not description.strip():
        raise ValidationError({"description": _("Say what was donated.")})
    return ledger_entry_record(
        actor=actor,
        kind=CostKind.IN_KIND,
        day=day,
        amount=value,
        currency=currency,
        budget_line=budget_line,
        quantity=quantity,
        in_kind=True,
        description=description,
        request=request,
    )
