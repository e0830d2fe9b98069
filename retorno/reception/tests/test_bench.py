"""Speed is measured by `manage.py bench ...`, never asserted by a test; every bench ends with JSON."""

import json
import re
from io import StringIO
from pathlib import Path

from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[3]
# A clock read in a test means a timed assertion: on a loaded 2-core machine it fails at random.
# A figure that is only printed (the 135-person browser run) says so on its line with REPORTED.
REPORTED = "reported, never asserted"
CLOCKS = re.compile(r"perf_counter\(|time\.time\(|monotonic\(|process_time\(|timeit|bench_allocation\([^)]*\)\s*<")


def test_no_test_reads_a_clock():
    tests = [
        p
        for p in ROOT.joinpath("retorno").rglob("*.py")
        if (p.name.startswith("test_") or p.name == "conftest.py") and p != Path(__file__).resolve()
    ]
    assert len(tests) > 20
    timed = [f"{p.relative_to(ROOT)}:{n}" for p in tests for n, line in enumerate(p.read_text().splitlines(), 1)
             if CLOCKS.search(line) and REPORTED not in line]  # fmt: skip
    assert timed == []


def test_bench_matching_passes_json_on_and_ends_with_a_json_line(monkeypatch):
    import retorno.bench.matching as matching

    seen = {}

    def fake_run(argv=None, out=None):  # prints as the real one does with --json
        seen["argv"] = list(argv)
        figures = {"accuracy": {"gt": {"retorno": {"f1": 0.98}}}}
        if "--json" in argv:
            print(json.dumps(figures), file=out)
        return figures

    monkeypatch.setattr(matching, "run", fake_run)
    out = StringIO()
    call_command("bench", "matching", "--json", stdout=out)

    assert "--json" in seen["argv"]
    assert json.loads(out.getvalue().strip().splitlines()[-1])["accuracy"]["gt"]["retorno"]["f1"] == 0.98
