"""Reception's costs in the programme ledger: transport tickets home and priced basic services.

Registered in ``ReceptionConfig.ready()``; ``retorno.funding.sources.ledger_sync`` enters each
ticket or service once (keyed by its id), so reception's actions need not know about donors.
"""

import datetime

from django.utils import timezone

from retorno.funding.models import CostKind
from retorno.funding.sources import CostRow, LedgerSource, register_ledger_source
from retorno.reception.models import ServiceGiven, Ticket


def ticket_costs(since: datetime.date | None):
    tickets = Ticket.objects.all()
    if since:
        tickets = tickets.filter(issued_at__date__gte=since)
    for row in tickets.values("id", "issued_at", "amount", "currency", "flight_id").iterator():
        yield CostRow(
            source_id=row["id"],
            day=timezone.localdate(row["issued_at"]),
            amount=row["amount"],
            currency=row["currency"],
            description=f"flight {row['flight_id']}",
        )


def service_costs(since: datetime.date | None):
    services = ServiceGiven.objects.exclude(kind=ServiceGiven.Kind.BUS_TICKET).filter(unit_cost__gt=0)
    if since:
        services = services.filter(given_at__date__gte=since)
    for row in services.values("id", "given_at", "unit_cost", "quantity", "currency", "kind").iterator():
        yield CostRow(
            source_id=row["id"],
            day=timezone.localdate(row["given_at"]),
            amount=row["unit_cost"] * row["quantity"],
            currency=row["currency"],
            quantity=row["quantity"],
            description=row["kind"],
        )


def register() -> None:
    register_ledger_source(LedgerSource("reception.ticket", CostKind.TRANSPORT_TICKET, ticket_costs))
    register_ledger_source(LedgerSource("reception.service", CostKind.BASIC_SERVICE, service_costs))
