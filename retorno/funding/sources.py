"""Cost sources: how other apps' records become ledger entries, without editing their actions.

An app that incurs costs registers a ``LedgerSource`` in its ``AppConfig.ready()``::

    from retorno.funding.sources import LedgerSource, register_ledger_source
    register_ledger_source(LedgerSource("reception.ticket", CostKind.TRANSPORT_TICKET, ticket_costs))

``rows(since)`` returns an iterable of ``CostRow`` for records on or after ``since`` (or all when
None). ``ledger_sync`` enters each row once, keyed by (source_type, source_id): running it again,
or after the source app starts calling ``ledger_entry_record`` itself with the same key, never
duplicates. A row without ``amount`` is priced at the ``StandardCost`` of its kind times quantity.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError

from retorno.accounts.models import User
from retorno.funding.models import BudgetLine, LedgerEntry, StandardCost


@dataclass(frozen=True)
class CostRow:
    source_id: str | int
    day: datetime.date
    amount: Decimal | None  # None: priced at the standard cost of the kind
    currency: str = ""
    quantity: int = 1
    description: str = ""
    budget_line_code: str = ""  # charge a named line instead of the default one
    in_kind: bool = False


@dataclass(frozen=True)
class LedgerSource:
    source_type: str
    kind: str
    rows: Callable[[datetime.date | None], Iterable[CostRow]]


@dataclass
class SyncResult:
    created: int = 0
    already: int = 0
    # Rows left out, by reason code ("no_budget_line", "no_rate", "no_standard_cost").
    left_out: dict[str, int] = field(default_factory=dict)


SOURCES: dict[str, LedgerSource] = {}


def register_ledger_source(source: LedgerSource) -> None:
    """Called from an AppConfig.ready(); a source type keeps one kind of cost."""
    known = SOURCES.get(source.source_type)
    if known and known.kind != source.kind:
        raise ValueError(f"Ledger source {source.source_type!r} is registered twice with different kinds.")
    SOURCES[source.source_type] = source


def _standard_price(kind: str, day: datetime.date) -> StandardCost | None:
    return StandardCost.objects.filter(kind=kind, valid_from__lte=day).order_by("-valid_from").first()


def ledger_sync(
    *, actor: User, source_types: Iterable[str] | None = None, since: datetime.date | None = None
) -> SyncResult:
    """Enter every registered source's costs not yet in the ledger (idempotent)."""
    from retorno.funding.actions import ledger_entry_record

    result = SyncResult()
    for source_type in sorted(source_types or SOURCES):
        source = SOURCES[source_type]
        done = set(LedgerEntry.objects.filter(source_type=source_type).values_list("source_id", flat=True))
        for row in source.rows(since):
            if str(row.source_id) in done:
                result.already += 1
                continue
            amount, currency = row.amount, row.currency
            if amount is None:
                price = _standard_price(source.kind, row.day)
                if price is None:
                    result.left_out["no_standard_cost"] = result.left_out.get("no_standard_cost", 0) + 1
                    continue
                amount, currency = price.amount * row.quantity, price.currency
            line = BudgetLine.objects.filter(code=row.budget_line_code).first() if row.budget_line_code else None
            try:
                ledger_entry_record(
                    actor=actor,
                    kind=source.kind,
                    day=row.day,
                    amount=amount,
                    currency=currency,
                    budget_line=line,
                    quantity=row.quantity,
                    in_kind=row.in_kind,
                    description=row.description,
                    source_type=source_type,
                    source_id=row.source_id,
                )
            except ValidationError as exc:
                code = "no_budget_line" if "budget_line" in exc.message_dict else "no_rate"
                result.left_out[code] = result.left_out.get(code, 0) + 1
                continue
            result.created += 1
    return result
