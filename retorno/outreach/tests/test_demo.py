"""The demo loads the programme report's figures and a second run creates nothing."""

import io

from retorno.audit.models import AuditEvent
from retorno.outreach import demo
from retorno.outreach.models import Network, Participant
from retorno.outreach.queries import outreach_totals


def test_demo_at_the_report_scale_and_idempotent(db):
    from retorno.accounts import demo as accounts_demo

    accounts_demo.load(options={}, stdout=io.StringIO())
    demo.load(options={}, stdout=io.StringIO())
    totals = outreach_totals()
    assert totals["judges_trained"] == 229
    assert Network.objects.filter(kind="departmental").count() == 5
    assert Network.objects.get(kind="civil_society").members.count() == 19
    assert Network.objects.filter(kind="working_group", department__code="12").exists()
    events, participants = AuditEvent.objects.count(), Participant.objects.count()
    demo.load(options={}, stdout=io.StringIO())
    assert (AuditEvent.objects.count(), Participant.objects.count()) == (events, participants)


def test_demo_training_costs_enter_the_ledger_on_their_own_line(db):
    from retorno.accounts import demo as accounts_demo
    from retorno.funding import demo as funding_demo
    from retorno.funding.models import LedgerEntry
    from retorno.outreach.models import Training

    accounts_demo.load(options={}, stdout=io.StringIO())
    funding_demo.load(options={}, stdout=io.StringIO())
    demo.load(options={}, stdout=io.StringIO())
    held = Training.objects.filter(status__in=["held", "closed"], cost__gt=0)
    entries = LedgerEntry.objects.filter(kind="training", budget_line__code="UE-CAP-2011")
    assert held.count() == 9 and entries.count() == 9
    # 229 judges × Q950 + Q18,500, at 10.85 quetzales a euro
    total = sum(e.amount_donor for e in entries)
    assert abs(float(total) - (229 * 950 + 18500) / 10.85) < 1
    demo.load(options={}, stdout=io.StringIO())
    assert LedgerEntry.objects.filter(kind="training").count() == 9
