"""The old free-text tracing log becomes steps of one tracing request per case; nothing is lost."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from retorno.protection.models import TracingRequest

BEFORE = ("protection", "0009_tracing_requests_assessments_and_visits")


@pytest.mark.django_db(transaction=True)
def test_log_entries_become_steps_of_one_request_per_case(
    reference_data_loaded, minor_case, victim_case, protection_officer
):
    executor = MigrationExecutor(connection)
    executor.migrate([BEFORE])
    old = executor.loader.project_state([BEFORE]).apps
    Entry = old.get_model("protection", "FamilyTracingEntry")
    first = timezone.now() - datetime.timedelta(days=3)
    Entry.objects.create(
        case_id=minor_case.pk,
        at=first,
        by_id=protection_officer.pk,
        method="pgn",
        outcome="no_answer",
        notes="NOTA-SELLADA-1",
    )
    Entry.objects.create(
        case_id=minor_case.pk,
        at=first + datetime.timedelta(days=1),
        by_id=protection_officer.pk,
        method="phone",
        outcome="located",
        notes="NOTA-SELLADA-2",
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT notes FROM protection_familytracingentry")
        assert not [n for (n,) in cursor.fetchall() if "NOTA-SELLADA" in n]  # the old log was encrypted

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    request = TracingRequest.objects.get()
    assert request.case_id == minor_case.pk and request.status == "located"
    assert (request.opened_by_id, request.opened_at) == (protection_officer.pk, first)
    assert [(c.from_status, c.to_status) for c in request.status_changes.all()] == [("", "open"), ("open", "located")]
    steps = list(request.steps.order_by("recorded_at"))
    assert [(s.method, s.result, s.notes, s.by_id) for s in steps] == [
        ("pgn", "no_answer", "NOTA-SELLADA-1", protection_officer.pk),
        ("phone", "located", "NOTA-SELLADA-2", protection_officer.pk),
    ]
    assert steps[0].recorded_at == first and steps[0].on == timezone.localdate(first)
    with connection.cursor() as cursor:
        cursor.execute("SELECT notes FROM protection_tracingstep")
        assert not [n for (n,) in cursor.fetchall() if "NOTA-SELLADA" in n]  # still encrypted at rest
    assert not TracingRequest.objects.filter(case=victim_case).exists()  # no log, no request
