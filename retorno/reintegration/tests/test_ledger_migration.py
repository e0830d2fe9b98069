"""Reintegration's donors and budget lines join the programme ledger; no payment or amount is lost."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from retorno.funding.models import BudgetLine, Donor, LedgerEntry
from retorno.reintegration.models import Payment

BEFORE = [("reintegration", "0007_document_draft_before_a_case"), ("funding", "0003_budget_line_open_and_overrides")]
DAY = datetime.date(2026, 3, 2)


@pytest.mark.django_db(transaction=True)
def test_budget_lines_and_payments_join_the_ledger(manager):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    OldDonor, OldLine = old.get_model("reintegration", "Donor"), old.get_model("reintegration", "BudgetLine")
    OldPayment, Entry = old.get_model("reintegration", "Payment"), old.get_model("funding", "LedgerEntry")
    FundingDonor, FundingLine = old.get_model("funding", "Donor"), old.get_model("funding", "BudgetLine")
    Rate = old.get_model("funding", "ExchangeRate")
    # The ledger already knew USAID (in dollars) and the EU, whose default line took documents fees.
    usaid = FundingDonor.objects.create(code="usaid", name="USAID", currency="USD")
    eu = FundingDonor.objects.create(code="ue", name="Unión Europea", currency="EUR")
    eu_docs = FundingLine.objects.create(
        donor=eu,
        code="UE-01",
        name="Documentos",
        kind="document_fee",
        amount=Decimal("500"),
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
        is_default=True,
    )
    Rate.objects.create(base="USD", quote="GTQ", day=datetime.date(2026, 1, 1), rate=Decimal("8"))
    Rate.objects.create(base="EUR", quote="GTQ", day=datetime.date(2026, 1, 1), rate=Decimal("10"))
    # Reintegration kept its own copies: USAID's documents line and a line of OIM, unknown to the ledger.
    old_usaid = OldDonor.objects.create(code="usaid", name="USAID")
    old_oim = OldDonor.objects.create(code="oim", name="OIM")
    docs = OldLine.objects.create(
        code="USAID-DOC", name="Documentos", donor=old_usaid, category="documents", amount=Decimal("1000")
    )
    transport = OldLine.objects.create(
        code="OIM-TRA", name="Transporte", donor=old_oim, category="transport", amount=Decimal("800"), is_active=False
    )
    paid_docs = OldPayment.objects.create(
        budget_line=docs, amount=Decimal("80"), purpose="documents", paid_on=DAY, recorded_by_id=manager.pk
    )
    paid_bus = OldPayment.objects.create(
        budget_line=transport,
        amount=Decimal("900"),
        purpose="transport",
        paid_on=DAY,
        recorded_by_id=manager.pk,
        override_by_id=manager.pk,
        override_reason="Traslado urgente",
    )
    # ledger_sync had charged the documents payment to the EU's default line: the wrong donor.
    Entry.objects.create(
        budget_line=eu_docs,
        kind="document_fee",
        day=DAY,
        amount=Decimal("80"),
        currency="GTQ",
        rate=Decimal("0.1"),
        amount_donor=Decimal("8.00"),
        source_type="reintegration.payment.documents",
        source_id=str(paid_docs.pk),
        recorded_by_id=manager.pk,
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    # USAID's line joined the ledger's USAID, its quetzales converted at 8 per dollar.
    line = BudgetLine.objects.get(code="USAID-DOC")
    assert (line.donor.code, line.kind, line.amount, line.is_active) == (
        "usaid",
        "document_fee",
        Decimal("125.00"),
        True,
    )
    # OIM became a ledger donor reported in quetzales: its amounts carry over unchanged.
    oim = Donor.objects.get(code="oim")
    bus_line = BudgetLine.objects.get(code="OIM-TRA")
    assert (oim.currency, bus_line.amount, bus_line.kind, bus_line.is_active) == (
        "GTQ",
        Decimal("800.00"),
        "transport_ticket",
        False,
    )
    assert bus_line.starts_on <= DAY <= bus_line.ends_on
    assert Payment.objects.get(pk=paid_docs.pk).budget_line == line
    assert Payment.objects.get(pk=paid_bus.pk).budget_line == bus_line
    # The entry the sync put on the EU's line moved to USAID's, converted again; none is duplicated.
    docs_entry = LedgerEntry.objects.get(source_type="reintegration.payment.documents", source_id=str(paid_docs.pk))
    assert (docs_entry.budget_line, docs_entry.amount_donor) == (line, Decimal("10.00"))
    assert not LedgerEntry.objects.filter(budget_line__code="UE-01").exists()
    # The payment with no entry got one, with its override.
    bus_entry = LedgerEntry.objects.get(source_type="reintegration.payment.transport", source_id=str(paid_bus.pk))
    assert (bus_entry.budget_line, bus_entry.amount_donor, bus_entry.override_reason) == (
        bus_line,
        Decimal("900.00"),
        "Traslado urgente",
    )
    assert LedgerEntry.objects.count() == Payment.objects.count() == 2
    assert Donor.objects.get(code="usaid").pk == usaid.pk and Donor.objects.count() == 3
