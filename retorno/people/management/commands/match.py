"""``manage.py match dedupe INPUT.csv --out CLUSTERS.csv``: batch deduplication.

Works on files only and never touches the database, so it runs on a laptop
against an export as well as on the server.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from retorno.people.matching import dedupe_csv


class Command(BaseCommand):
    help = "Identity matching. 'dedupe': cluster the records of INPUT.csv that are the same person."

    # No system checks and no migration check: this command must not need a database.
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        dedupe = sub.add_parser("dedupe", help="Write record_id,cluster_id for every record of INPUT.csv.")
        dedupe.add_argument(
            "input",
            help="CSV: record_id,given_names,first_surname,second_surname,sex,"
            "birth_date,cui,department,municipality (UTF-8)",
        )
        dedupe.add_argument("--out", required=True, help="CLUSTERS.csv to write")
        dedupe.add_argument("--threshold", type=float, default=None, help="match probability to link (default 0.5)")
        dedupe.add_argument("--model-out", default=None, help="also save the learned model (JSON)")
        dedupe.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args, **options) -> None:
        if options["action"] != "dedupe":
            raise CommandError(f"unknown action {options['action']}")
        progress = None if options["no_progress"] else _progress(self.stderr)
        try:
            result = dedupe_csv(
                options["input"],
                options["out"],
                threshold=options["threshold"],
                progress=progress,
                model_out=options["model_out"],
            )
        except (OSError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        clusters = len(set(result.labels.tolist()))
        seconds = sum(result.seconds.values())
        self.stdout.write(
            f"{len(result.labels)} records, {clusters} persons, {result.n_pairs} pairs compared, "
            f"{result.n_links} links, {seconds:.1f} s"
        )


def _progress(stream):
    def factory(*, total: int, desc: str):
        return tqdm(total=total, desc=desc, file=stream, unit_scale=True, leave=False)

    return factory
