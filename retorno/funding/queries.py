"""Reads of the funding app. Sums are computed by the database (GROUP BY)."""

import datetime

from django.db.models import Count, QuerySet, Sum

from retorno.funding.models import BudgetLine, Donor, LedgerEntry


def donors_active() -> QuerySet[Donor]:
    return Donor.objects.filter(is_active=True)


def donors_all() -> QuerySet[Donor]:
    return Donor.objects.all()


def budget_lines_of(*, donor_id: int | None = None) -> QuerySet[BudgetLine]:
    """Every budget line, or one donor's."""
    lines = BudgetLine.objects.all()
    return lines.filter(donor_id=donor_id) if donor_id else lines


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
