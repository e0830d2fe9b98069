"""The benchmark commands run end to end on a small registry and print their figures."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("suite", ["people", "reception"])
def test_bench_prints_named_figures_and_a_json_last_line(suite):
    out = StringIO()
    call_command("bench", suite, "--persons", "300", "--json", stdout=out)
    lines = out.getvalue().strip().splitlines()
    figures = json.loads(lines[-1])
    expected = {
        "people": ["search_p95_ms", "candidates_p95_ms"],
        "reception": ["manifest_import_s", "checkin_p95_ms", "triage_p95_ms", "flight_page_p95_ms"],
    }[suite]
    for name in expected:
        assert figures[name] > 0
        assert any(line.startswith(f"{name}:") for line in lines)
    if suite == "people":
        assert figures["persons"] >= 300 and figures["candidates_recall"] > 0.8
