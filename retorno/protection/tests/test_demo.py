import io

import pytest

from retorno.protection.models import CaseKind, LegalCase, ProtectionCase
from retorno.protection.queries import minor_handover_recorded

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent(programme):
    from retorno.accounts import demo as accounts_demo
    from retorno.protection import demo

    accounts_demo.load(options={}, stdout=io.StringIO())
    demo.load(options={}, stdout=io.StringIO())
    assert ProtectionCase.objects.count() == 5
    assert LegalCase.objects.get().status == "investigation"
    handed_over, tracing = ProtectionCase.objects.filter(kind=CaseKind.MINOR).order_by("id")
    assert handed_over.status == "FollowUp" and minor_handover_recorded(handed_over.person)
    assert handed_over.custody_events.get(stage="handover_guardian").assessment.recommends_reunification
    assert handed_over.reunification_visits.filter(done_on__isnull=True).count() == 1
    assert tracing.tracing_requests.get().status == "open" and not minor_handover_recorded(tracing.person)
    legal = LegalCase.objects.get()
    assert legal.prosecutor_office_org.slug == "mp-fiscalia-trata"  # the directory's MP unit, not a new entry
    assert legal.prosecutor_office_org.kind == "prosecution"
    demo.load(options={}, stdout=io.StringIO())
    assert ProtectionCase.objects.count() == 5
