"""``manage.py bench <suite>``: reception, people, matching, reports or messages (see the README)."""

import json
from importlib import import_module

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Benchmarks: 'reception' (manifest import, check-in, triage, flight page), 'people' (search and "
        "likely-match lookups through the database), 'matching' (the engine against Splink), 'reports' "
        "(indicators, donor report, public release) or 'messages' (follow-up reminders queued and delivered "
        "through a local fake gateway by the worker)."
    )

    def add_arguments(self, parser):
        parser.add_argument("suite", choices=["reception", "people", "matching", "reports", "messages"])
        parser.add_argument(
            "--persons", type=int, default=100_000, help="Registry size (built or topped up with demo data)."
        )
        parser.add_argument("--count", type=int, default=10_000, help="Messages to queue and deliver (messages).")
        parser.add_argument(
            "--json", action="store_true", help="Accepted for compatibility: every run ends with one JSON line."
        )
        parser.add_argument("extra", nargs="*", help="Arguments passed on to the matching benchmark.")

    def handle(self, *args, **options):
        if options["suite"] == "matching":
            return self._matching(options)
        if options["suite"] == "messages":
            from benchmarks.messages import TARGETS, run

            figures = run(count=options["count"], stdout=self.stdout)
            return self._print(figures, TARGETS, options)
        if options["suite"] == "people":
            from benchmarks.people import TARGETS, run
        elif options["suite"] == "reports":
            from benchmarks.reports import TARGETS, run
        else:
            from benchmarks.reception import TARGETS, run

        figures = run(persons=options["persons"], stdout=self.stdout)
        self._print(figures, TARGETS, options)

    def _print(self, figures: dict, targets: dict, options: dict) -> None:
        for name, value in figures.items():
            target = f"  (target ≤ {targets[name]})" if name in targets else ""
            self.stdout.write(f"{name}: {value}{target}")
        self.stdout.write(json.dumps(figures))

    def _matching(self, options):
        try:
            module = import_module("benchmarks.matching")
        except ImportError:
            raise CommandError("The matching benchmark (benchmarks.matching) is not installed in this tree yet.")
        # The benchmark prints its own figures as its last line when given --json: always pass it on.
        argv = [*options["extra"], *([] if "--json" in options["extra"] else ["--json"])]
        module.run(argv, out=self.stdout._out)
