"""``manage.py bench reports`` runs end to end on a small registry and prints its figures."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_bench_reports_prints_named_figures_and_a_json_last_line():
    out = StringIO()
    call_command("bench", "reports", "--persons", "300", "--json", stdout=out)
    lines = out.getvalue().strip().splitlines()
    figures = json.loads(lines[-1])
    assert figures["persons"] == 300 and figures["arrivals"] == 300
    for name in (
        "headline_p95_ms",
        "two_breakdowns_p95_ms",
        "headline_unaligned_p95_ms",
        "two_breakdowns_unaligned_p95_ms",
        "donor_report_s",
        "public_export_s",
    ):
        assert figures[name] > 0
        assert any(line.startswith(f"{name}:") for line in lines)
    for a, b in (("department", "month"), ("sex", "age_band"), ("flight_kind", "quarter"), ("age_band", "department")):
        assert figures[f"by_{a}_{b}_p95_ms"] > 0 and figures[f"by_{a}_{b}_unaligned_p95_ms"] > 0
    # The calendar year reads the monthly summary; 16 December to 15 December its 11 whole months
    # and the daily summary for the half months at both ends.
    assert figures["aligned_source"] == "monthly"
    assert figures["unaligned_source"] == "daily+monthly"
    assert 0 <= figures["arrivals_in_unaligned_year"] <= figures["arrivals"]
