"""The programme ledger: conversion at the day's rate, idempotent sources, donor sums, API."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from retorno.funding import actions
from retorno.funding.models import CostKind, LedgerEntry
from retorno.funding.queries import spending_by_kind, spending_by_line
from retorno.funding.sources import SOURCES, CostRow, LedgerSource, ledger_sync, register_ledger_source

D = datetime.date


@pytest.fixture
def donor(manager):
    return actions.donor_create(actor=manager, code="usaid", name="USAID", currency="USD")


@pytest.fixture
def lines(manager, donor):
    def line(code, kind):
        return actions.budget_line_create(
            actor=manager,
            donor=donor,
            code=code,
            name=code,
            kind=kind,
            amount=Decimal("10000"),
            starts_on=D(2026, 1, 1),
            ends_on=D(2026, 12, 31),
            is_default=True,
        )

    return {"tickets": line("T-1", CostKind.TRANSPORT_TICKET), "food": line("K-1", CostKind.IN_KIND)}


@pytest.fixture
def rates(manager):
    actions.exchange_rate_set(actor=manager, base="USD", quote="GTQ", day=D(2026, 3, 1), rate=Decimal("8"))
    actions.exchange_rate_set(actor=manager, base="USD", quote="GTQ", day=D(2026, 4, 1), rate=Decimal("5"))


@pytest.mark.django_db
def test_entry_converted_at_the_rate_of_its_day(manager, lines, rates):
    # 80 GTQ on 15 March at 8 GTQ/USD is 10 USD; 80 GTQ on 2 April at 5 is 16 USD.
    march = actions.ledger_entry_record(
        actor=manager, kind=CostKind.TRANSPORT_TICKET, day=D(2026, 3, 15), amount=Decimal("80"), currency="gtq"
    )
    april = actions.ledger_entry_record(
        actor=manager, kind=CostKind.TRANSPORT_TICKET, day=D(2026, 4, 2), amount=Decimal("80"), currency="GTQ"
    )
    assert (march.amount_donor, april.amount_donor) == (Decimal("10.00"), Decimal("16.00"))
    assert march.budget_line == lines["tickets"]


@pytest.mark.django_db
def test_no_rate_or_no_line_is_refused_and_nothing_saved(manager, lines):
    with pytest.raises(ValidationError) as err:
        actions.ledger_entry_record(
            actor=manager, kind=CostKind.TRANSPORT_TICKET, day=D(2026, 3, 15), amount=Decimal("80"), currency="GTQ"
        )
    assert "currency" in err.value.message_dict
    with pytest.raises(ValidationError) as err:
        actions.ledger_entry_record(
            actor=manager, kind=CostKind.GRANT, day=D(2026, 3, 15), amount=Decimal("80"), currency="USD"
        )
    assert "budget_line" in err.value.message_dict
    assert LedgerEntry.objects.count() == 0


@pytest.mark.django_db
def test_sources_sync_once(manager, lines, rates):
    calls = []

    def rows(since):
        calls.append(since)
        yield CostRow(source_id=1, day=D(2026, 3, 2), amount=Decimal("12"), currency="USD")
        yield CostRow(source_id=2, day=D(2026, 3, 2), amount=Decimal("16"), currency="GTQ")
        yield CostRow(source_id=3, day=D(2025, 3, 2), amount=Decimal("16"), currency="USD")  # no line in 2025

    register_ledger_source(LedgerSource("test.tickets", CostKind.TRANSPORT_TICKET, rows))
    try:
        first = ledger_sync(actor=manager, source_types=["test.tickets"])
        second = ledger_sync(actor=manager, source_types=["test.tickets"])
    finally:
        SOURCES.pop("test.tickets")
    assert (first.created, first.already, first.left_out) == (2, 0, {"no_budget_line": 1})
    assert (second.created, second.already) == (0, 2)
    assert LedgerEntry.objects.filter(source_type="test.tickets").count() == 2
    # The same key through the action returns the existing entry.
    again = actions.ledger_entry_record(
        actor=manager,
        kind=CostKind.TRANSPORT_TICKET,
        day=D(2026, 3, 2),
        amount=Decimal("99"),
        currency="USD",
        source_type="test.tickets",
        source_id=1,
    )
    assert again.amount == Decimal("12.00")


@pytest.mark.django_db
def test_donor_report_sums_by_line_and_kind(manager, donor, lines, rates):
    actions.ledger_entry_record(
        actor=manager, kind=CostKind.TRANSPORT_TICKET, day=D(2026, 3, 2), amount=Decimal("12"), currency="USD"
    )
    actions.ledger_entry_record(
        actor=manager, kind=CostKind.TRANSPORT_TICKET, day=D(2026, 3, 3), amount=Decimal("40"), currency="GTQ"
    )
    actions.in_kind_donation_record(
        actor=manager, day=D(2026, 3, 4), value=Decimal("400"), currency="GTQ", description="Sandwiches", quantity=135
    )
    by_line = {
        r["line"].code: r["spent"] for r in spending_by_line(donor=donor, start=D(2026, 3, 1), end=D(2026, 3, 31))
    }
    assert by_line == {"K-1": Decimal("50.00"), "T-1": Decimal("17.00")}
    kinds = {
        (r["kind"], r["in_kind"]): r["quantity"]
        for r in spending_by_kind(donor=donor, start=D(2026, 3, 1), end=D(2026, 3, 31))
    }
    assert kinds == {("in_kind", True): 135, ("transport_ticket", False): 2}


@pytest.mark.django_db
def test_builtin_sources_are_registered():
    assert {"reception.ticket", "reception.service", "referrals.stay"} <= set(SOURCES)


@pytest.mark.django_db
def test_api_in_kind_and_sync(api_for, manager, monitor, clerk, lines, rates):
    body = {"day": "2026-03-04", "value": "400", "currency": "GTQ", "description": "Tortillas", "quantity": 10}
    assert api_for(clerk).post("/api/v1/funding/in-kind", body, content_type="application/json").status_code == 403
    assert api_for(monitor).post("/api/v1/funding/in-kind", body, content_type="application/json").status_code == 403
    answer = api_for(manager).post("/api/v1/funding/in-kind", body, content_type="application/json")
    assert answer.status_code == 201 and answer.json()["amount_donor"] == "50.00"
    bad = api_for(manager).post("/api/v1/funding/in-kind", {**body, "currency": "GT"}, content_type="application/json")
    assert bad.status_code == 422
    assert api_for(monitor).get("/api/v1/funding/donors").json()[0]["code"] == "usaid"
    assert api_for(clerk).get("/api/v1/funding/donors").status_code == 403
    assert api_for(manager).post("/api/v1/funding/sync").status_code == 200
    assert api_for(monitor).post("/api/v1/funding/sync").status_code == 403


def test_only_a_manager_changes_the_funding_set_up(monitor, clerk, donor):
    """Funding's writes check the permission themselves, not only the API in front of them."""
    from django.core.exceptions import PermissionDenied

    for user in (monitor, clerk):
        with pytest.raises(PermissionDenied):
            actions.donor_create(actor=user, code="eu", name="EU", currency="EUR")
        with pytest.raises(PermissionDenied):
            actions.exchange_rate_set(actor=user, base="USD", quote="GTQ", day=D(2026, 3, 1), rate=Decimal("8"))
        with pytest.raises(PermissionDenied):
            actions.in_kind_donation_record(
                actor=user, day=D(2026, 3, 4), value=Decimal("1"), currency="GTQ", description="Kits"
            )
    assert LedgerEntry.objects.count() == 0


@pytest.mark.django_db
def test_a_closed_default_line_takes_no_new_costs(manager, lines, rates):
    actions.budget_line_change(actor=manager, line=lines["tickets"], is_active=False, reason="Convenio cerrado")
    with pytest.raises(ValidationError) as err:
        actions.ledger_entry_record(
            actor=manager, kind=CostKind.TRANSPORT_TICKET, day=D(2026, 3, 15), amount=Decimal("80"), currency="GTQ"
        )
    assert "budget_line" in err.value.message_dict and not LedgerEntry.objects.exists()
