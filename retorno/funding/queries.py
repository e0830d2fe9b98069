"""Reads of the funding app. Sums are computed by the database (GROUP BY)."""

import datetime
from decimal import Decimal

from django.db.models import Count, DecimalField, ExpressionWrapper, F, OuterRef, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from retorno.funding.models import BudgetLine, Donor, ExchangeRate, LedgerEntry, StandardCost

MONEY = DecimalField(max_digits=14, decimal_places=2)


def donors_active() -> QuerySet[Donor]:
    return Donor.objects.filter(is_active=True)


def donors_all() -> QuerySet[Donor]:
    return Donor.objects.all()


def budget_lines_of(*, donor_id: int | None = None) -> QuerySet[BudgetLine]:
    """Every budget line (with ``spent`` and ``balance``), or one donor's."""
    lines = budget_lines_with_balance()
    return lines.filter(donor_id=donor_id) if donor_id else lines


def line_balance(line: BudgetLine) -> Decimal:
    """What is left on ``line``, in the donor's currency: its budget less every entry charged to it."""
    spent = line.entries.aggregate(total=Sum("amount_donor"))["total"] or Decimal("0")
    return line.amount - spent


def budget_lines_with_balance() -> QuerySet[BudgetLine]:
    """Every line with ``spent`` (all its entries, donor currency) and ``balance`` (what is left)."""
    spent = (
        LedgerEntry.objects.filter(budget_line=OuterRef("pk"))
        .values("budget_line")
        .annotate(total=Sum("amount_donor"))
        .values("total")
    )
    return (
        BudgetLine.objects.select_related("donor")
        .annotate(spent=Coalesce(Subquery(spent, output_field=MONEY), Value(Decimal("0")), output_field=MONEY))
        .annotate(balance=ExpressionWrapper(F("amount") - F("spent"), output_field=MONEY))
        .order_by("donor__name", "code")
    )


def budget_lines_to_pay_from(*, day: datetime.date | None = None) -> QuerySet[BudgetLine]:
    """Open lines (covering ``day`` when given), with what is left: the lines a payment may be charged to."""
    lines = budget_lines_with_balance().filter(is_active=True, donor__is_active=True)
    return lines.filter(starts_on__lte=day, ends_on__gte=day) if day else lines


def budget_overrides(*, limit: int = 50) -> QuerySet[LedgerEntry]:
    """The latest entries a manager let take a line below zero."""
    return (
        LedgerEntry.objects.filter(override_by__isnull=False)
        .select_related("budget_line__donor", "override_by")
        .order_by("-recorded_at")[:limit]
    )


def exchange_rates(*, limit: int = 200) -> QuerySet[ExchangeRate]:
    return ExchangeRate.objects.order_by("-day", "base", "quote")[:limit]


def standard_costs() -> QuerySet[StandardCost]:
    return StandardCost.objects.all()


def line_entries_between(
    *, line: BudgetLine, start: datetime.date | None = None, end: datetime.date | None = None
) -> QuerySet[LedgerEntry]:
    """A budget line's ledger entries, optionally from ``start`` to ``end`` (days included)."""
    entries = line.entries.all()
    if start:
        entries = entries.filter(day__gte=start)
    if end:
        entries = entries.filter(day__lte=end)
    return entries


def spending_by_line(*, donor: Donor, start: datetime.date, end: datetime.date) -> list[dict]:
    """Each budget line of ``donor``: budget, spent in the period (donor currency), entries, quantity."""
    spent = {
        row["budget_line"]: row
        for row in LedgerEntry.objects.filter(budget_line__donor=donor, day__gte=start, day__lte=end)
        .values("budget_line")
        .annotate(spent=Sum("amount_donor"), entries=Count("id"), quantity=Sum("quantity"))
    }
    lines = BudgetLine.objects.filter(donor=donor).order_by("code")
    return [
        {
            "line": line,
            "spent": spent.get(line.pk, {}).get("spent") or 0,
            "entries": spent.get(line.pk, {}).get("entries") or 0,
            "quantity": spent.get(line.pk, {}).get("quantity") or 0,
        }
        for line in lines
    ]


def spending_by_kind(*, donor: Donor, start: datetime.date, end: datetime.date) -> list[dict]:
    """Spending per kind of cost (tickets, shelter nights, ...), cash and in kind, donor currency."""
    return list(
        LedgerEntry.objects.filter(budget_line__donor=donor, day__gte=start, day__lte=end)
        .values("kind", "in_kind")
        .annotate(spent=Sum("amount_donor"), quantity=Sum("quantity"), entries=Count("id"))
        .order_by("kind", "in_kind")
    )
