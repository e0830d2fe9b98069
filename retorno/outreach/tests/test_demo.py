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
