"""The free-text tracing log becomes steps of one tracing request per case (nothing is dropped).

Each ``FamilyTracingEntry`` becomes a ``TracingStep`` of its case's request with the same author,
method, outcome (as the step's result), sealed notes and time (``on`` its local date, ``recorded_at``
the original moment). The old log never named who was sought, so the request's person and
relationship stay blank until an officer fills them in; its status is "located" when any entry
found the family, "not located" when the last one did not, "open" otherwise. The notes are read and
written through the historical models' encrypted fields, so they stay encrypted at rest.
Going back copies the steps into log entries again (methods and results the old log lacked
become "other" and "no answer").
"""

from django.db import migrations
from django.utils import timezone

OLD_METHODS = {"phone", "visit", "consulate", "pgn", "other"}
OLD_OUTCOMES = {"no_answer", "located", "not_located", "refused"}


def _status(entries) -> str:
    if any(e.outcome == "located" for e in entries):
        return "located"
    if entries[-1].outcome == "not_located":
        return "not_located"
    return "open"


def log_into_requests(apps, schema_editor):
    Entry = apps.get_model("protection", "FamilyTracingEntry")
    Request = apps.get_model("protection", "TracingRequest")
    Change = apps.get_model("protection", "TracingStatusChange")
    Step = apps.get_model("protection", "TracingStep")
    by_case: dict[int, list] = {}
    for entry in Entry.objects.order_by("at", "id"):
        by_case.setdefault(entry.case_id, []).append(entry)
    for case_id, entries in by_case.items():
        status = _status(entries)
        request = Request.objects.create(
            case_id=case_id, status=status, opened_at=entries[0].at, opened_by_id=entries[0].by_id
        )
        Change.objects.create(request=request, from_status="", to_status="open", at=entries[0].at)
        if status != "open":
            Change.objects.create(request=request, from_status="open", to_status=status, at=entries[-1].at)
        for entry in entries:
            Step.objects.create(
                request=request,
                on=timezone.localdate(entry.at),
                by_id=entry.by_id,
                method=entry.method,
                result=entry.outcome,
                notes=entry.notes,
                recorded_at=entry.at,
            )


def requests_into_log(apps, schema_editor):
    Entry = apps.get_model("protection", "FamilyTracingEntry")
    Step = apps.get_model("protection", "TracingStep")
    for step in Step.objects.select_related("request").order_by("recorded_at", "id"):
        Entry.objects.create(
            case_id=step.request.case_id,
            at=step.recorded_at,
            by_id=step.by_id,
            method=step.method if step.method in OLD_METHODS else "other",
            outcome=step.result if step.result in OLD_OUTCOMES else "no_answer",
            notes=step.notes,
        )


class Migration(migrations.Migration):
    dependencies = [("protection", "0009_tracing_requests_assessments_and_visits")]

    operations = [migrations.RunPython(log_into_requests, requests_into_log)]
