"""Smoke test of the matching benchmark (Retorno against Splink) at tiny sizes."""

import io
import json

import pytest

pytest.importorskip("splink", reason="benchmark extras not installed (requirements/bench.txt)")


@pytest.mark.bench
def test_bench_matching_quick_runs_both_systems_and_ends_with_json():
    from benchmarks.matching import run

    out = io.StringIO()
    result = run(["--quick", "--json"], out=out)
    lines = out.getvalue().strip().splitlines()
    assert json.loads(lines[-1]) == json.loads(json.dumps(result, sort_keys=True))
    gt = result["accuracy"]["gt"]
    assert gt["retorno"]["f1"] > 0.9
    assert "f1" in gt["splink"]
    lookups = result["realtime"]["3000"]
    assert lookups["retorno"]["p95_ms"] > 0
    assert lookups["retorno"]["top1_recall"] > 0.5
    assert "p95_ms" in lookups["splink"]
