"""``manage.py bench matching`` passes --json on to the matching benchmark and ends with its JSON line."""

import json
from io import StringIO

from django.core.management import call_command


def test_bench_matching_passes_json_on_and_ends_with_a_json_line(monkeypatch):
    import benchmarks.matching as matching

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
