"""``manage.py bench reception --persons N [--json]`` and ``manage.py bench matching ...``."""

import json
from importlib import import_module

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Benchmarks: 'reception' (manifest import, check-in, triage, flight page), 'people' (search and "
        "likely-match lookups through the database) or 'matching' (the engine against Splink), 'reports' (indicators, donor report, public release)."
    )

    def add_arguments(self, parser):
        parser.add_argument("suite", choices=["reception", "people", "matching", "reports"])
        parser.add_argument(
            "--persons", type=int, default=100_000, help="Registry size (built or topped up with demo data)."
        )
        parser.add_argument("--json", action="store_true", help="End with one JSON line of the figures.")
        parser.add_argument("extra", nargs="*", help="Arguments passed on to the matching benchmark.")

    def handle(self, *args, **options):
        if options["suite"] == "matching":
            return self._matching(options)
        if options["suite"] == "people":
            from retorno.people.bench import TARGETS, run
        elif options["suite"] == "reports":
            from retorno.reports.bench import TARGETS, run
        else:
            from retorno.reception.bench import TARGETS, run

        figures = run(persons=options["persons"], stdout=self.stdout)
        for name, value in figures.items():
            target = f"  (target ≤ {TARGETS[name]})" if name in TARGETS else ""
            self.stdout.write(f"{name}: {value}{target}")
        if options["json"]:
            self.stdout.write(json.dumps(figures))

    def _matching(self, options):
        try:
            module = import_module("retorno.bench.matching")
        except ImportError:
            raise CommandError("The matching benchmark (retorno.bench.matching) is not installed in this tree yet.")
        entry = getattr(module, "main", None) or getattr(module, "run", None)
        if entry is None:
            raise CommandError("retorno.bench.matching has no main() or run() to call.")
        result = (
            entry(options["extra"])
            if entry.__name__ == "main"
            else entry(persons=options["persons"], stdout=self.stdout)
        )
        if options["json"] and result is not None:
            self.stdout.write(json.dumps(result, default=str))
