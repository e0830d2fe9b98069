"""The demo: past closed flights with repeat returnees and today's announced flight; a rerun adds nothing."""

import io

import pytest

from retorno.accounts import demo as accounts_demo
from retorno.people import demo as people_demo
from retorno.reception import demo
from retorno.reception.models import Arrival, Flight, MigrationHistory, WorkItem
from retorno.reintegration.models import DocumentRequest

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_has_repeat_returnees():
    out = io.StringIO()
    accounts_demo.load(options={}, stdout=out)
    people_demo.load(options={"persons": 300, "quiet": True}, stdout=out)
    demo.load(options={}, stdout=out)
    counts = (Flight.objects.count(), Arrival.objects.count(), MigrationHistory.objects.count())
    assert Flight.objects.filter(status="closed").count() == 4
    assert Flight.objects.get(code="DEMO-HOY").status == "announced"
    assert Arrival.objects.filter(return_number__gte=2).exists()
    consents = set(MigrationHistory.objects.values_list("consent", flat=True))
    assert {"agreed", "refused"} <= consents  # part of the returnees answered, some refused
    assert MigrationHistory.objects.filter(smuggler_cost_band__in=["5000", "10000", "15000"]).exists()
    # Triage's DPI items: the older flights' taken (each a DPI request draft), the latest's waiting.
    dpi = WorkItem.objects.filter(kind="dpi_request")
    drafts = DocumentRequest.objects.filter(status="draft", kind="dpi")
    assert drafts.count() == dpi.filter(status="taken").count() > 0 and dpi.filter(status="open").exists()
    assert set(dpi.filter(status="taken").values_list("document_request_id", flat=True)) == set(
        drafts.values_list("pk", flat=True)
    )
    demo.load(options={}, stdout=out)
    assert (Flight.objects.count(), Arrival.objects.count(), MigrationHistory.objects.count()) == counts
