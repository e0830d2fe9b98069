"""Outreach figures reach the reports catalogue and the programme ledger."""

import datetime
from decimal import Decimal

from retorno.reports.catalogue import CATALOGUE, indicator_get
from retorno.reports.compute import compute

YEAR = {"start": datetime.date(2026, 1, 1), "end": datetime.date(2026, 12, 31)}


def test_officials_trained_by_institution_and_sex_in_the_reports_catalogue(world):
    assert {"outreach.officials_trained", "outreach.network_meetings", "outreach.campaign_reach"} <= set(CATALOGUE)
    indicator = indicator_get("outreach.officials_trained")
    assert compute(indicator, **YEAR).total == 1
    by = compute(indicator, **YEAR, breakdowns=["institution", "official_sex"]).rows
    assert by == [{"institution": "Organismo Judicial", "official_sex": "F", "value": 1}]
    assert compute(indicator_get("outreach.campaign_reach"), **YEAR).total == 230
    assert compute(indicator_get("outreach.network_meetings"), **YEAR).total == 1
    assert compute(indicator_get("outreach.score_gain"), **YEAR).total == 35


def test_every_outreach_indicator_breaks_down_by_its_own_keys(world):
    for key, indicator in CATALOGUE.items():
        if key.startswith("outreach."):
            for breakdown in indicator.breakdowns:
                assert compute(indicator, **YEAR, breakdowns=[breakdown]).rows is not None, (key, breakdown)


def test_held_training_costs_enter_the_ledger_once(world, manager):
    from retorno.funding.models import BudgetLine, Donor, LedgerEntry
    from retorno.funding.sources import ledger_sync

    donor = Donor.objects.create(code="oim", name="OIM", currency="GTQ")
    BudgetLine.objects.create(
        donor=donor,
        code="CAP-01",
        name="Capacitación de funcionarios",
        kind="training",
        amount=Decimal("50000"),
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
        is_default=True,
    )
    ledger_sync(actor=manager, source_types=["outreach.training"])
    ledger_sync(actor=manager, source_types=["outreach.training"])
    entry = LedgerEntry.objects.get(source_type="outreach.training")
    assert (entry.amount, entry.kind, entry.source_id) == (Decimal("12500.00"), "training", str(world["training"].pk))
