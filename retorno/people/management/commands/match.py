"""``manage.py match dedupe INPUT.csv --out CLUSTERS.csv``: batch deduplication of a file, and
``manage.py match registry``: deduplicate the whole registry into the review queue, and
``manage.py match keys``: (re)build the blocking-key table for every live person.

``dedupe`` works on files only and never touches the database, so it runs on a laptop
against an export as well as on the server.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from retorno.people.matching import Candidate, dedupe_csv


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
        registry = sub.add_parser("registry", help="Find likely duplicates in the registry; fill the review queue.")
        registry.add_argument("--chunk", type=int, default=20000, help="persons read per query")
        registry.add_argument("--max-cluster", type=int, default=30, help="larger clusters: pairs with the first only")
        registry.add_argument("--no-progress", action="store_true", help="no progress bar")

        keys = sub.add_parser(
            "keys", help="(Re)build the blocking keys of every live person (registries older than the key table)."
        )
        keys.add_argument("--chunk", type=int, default=5000, help="persons per batch (one transaction each)")
        keys.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args, **options) -> None:
        progress = None if options["no_progress"] else _progress(self.stderr)
        if options["action"] == "registry":
            return _registry_command(self, options, progress)
        if options["action"] == "keys":
            persons, added, removed = rebuild_match_keys(chunk=options["chunk"], progress=progress)
            self.stdout.write(f"{persons} persons, {added} keys added, {removed} keys removed")
            return None
        if options["action"] != "dedupe":
            raise CommandError(f"unknown action {options['action']}")
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


def _registry_command(self, options, progress) -> None:
    persons, groups, queued = registry_dedupe(
        chunk=options["chunk"], max_cluster=options["max_cluster"], progress=progress
    )
    self.stdout.write(f"{persons} persons, {groups} groups of possible duplicates, {queued} pairs in the queue")


def _progress(stream):
    def factory(*, total: int, desc: str):
        return tqdm(total=total, desc=desc, file=stream, unit_scale=True, leave=False)

    return factory


def _export(chunk: int, progress) -> tuple[list[int], dict[str, list]]:
    """Live persons as the engine's columns, read in chunks of ``chunk`` (ids ascending)."""
    from retorno.people.identity import match_records_for
    from retorno.people.models import Person

    live = Person.objects.filter(merged_into__isnull=True)
    bar = progress(total=live.count(), desc="export") if progress else None
    ids: list[int] = []
    columns: dict[str, list] = {}
    last = 0
    while True:
        batch = list(live.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:chunk])
        if not batch:
            break
        records = match_records_for(batch)
        for pk in batch:
            ids.append(pk)
            for name, value in records[pk].items():
                columns.setdefault(name, []).append(value.isoformat() if hasattr(value, "isoformat") else value)
        last = batch[-1]
        if bar:
            bar.update(len(batch))
    if bar:
        bar.close()
    return ids, columns


def _cluster_pairs(members: list[int], max_cluster: int):
    if len(members) <= max_cluster:
        return [(a, b) for i, a in enumerate(members) for b in members[i + 1 :]]
    return [(members[0], b) for b in members[1:]]


def registry_dedupe(*, chunk: int = 20000, max_cluster: int = 30, progress=None) -> tuple[int, int, int]:
    """Deduplicate the live registry into the review queue: (persons, groups, pairs queued)."""
    from django.db import transaction

    from retorno.people.identity import thresholds
    from retorno.people.match_actions import pair_record
    from retorno.people.matching import dedupe, encode, score

    ids, columns = _export(chunk, progress)
    if len(ids) < 2:
        return len(ids), 0, 0
    result = dedupe(encode(columns, len(ids)), threshold=thresholds()["review"], progress=progress)
    clusters: dict[int, list[int]] = {}
    for row, label in enumerate(result.labels.tolist()):
        clusters.setdefault(label, []).append(row)
    groups = [rows for rows in clusters.values() if len(rows) > 1]
    record = lambda row: {name: values[row] for name, values in columns.items()}  # noqa: E731
    queued = 0
    bar = progress(total=len(groups), desc="queue") if progress else None
    for rows in groups:
        with transaction.atomic():
            for a, b in _cluster_pairs(rows, max_cluster):
                probability, reasons = score(record(a), record(b), result.model, registry_size=len(ids))
                candidate = Candidate(ids[b], probability, 0.0, reasons)
                queued += pair_record(a_id=ids[a], b_id=ids[b], candidate=candidate, source="batch") is not None
        if bar:
            bar.update(1)
    if bar:
        bar.close()
    return len(ids), len(groups), queued


def rebuild_match_keys(*, chunk: int = 5000, progress=None) -> tuple[int, int, int]:
    """Bring ``PersonMatchKey`` in line with every live person: (persons, keys added, keys removed).

    For registries filled before the key table existed (or by bulk loads that bypass the actions).
    Each batch of ``chunk`` persons is compared with the keys it already has and only the
    difference is written, in one transaction, so a second run writes nothing and an interrupted
    run resumes safely. Keys of merged-away persons are removed: they are never proposed.
    """
    from django.db import transaction

    from retorno.people.identity import match_records_for
    from retorno.people.matching import blocking_keys
    from retorno.people.models import Person, PersonMatchKey

    if chunk < 1:
        raise CommandError("--chunk must be at least 1")
    live = Person.objects.filter(merged_into__isnull=True)
    bar = progress(total=live.count(), desc="keys") if progress else None
    persons = added = removed = 0
    last = 0
    while True:
        batch = list(live.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:chunk])
        if not batch:
            break
        records = match_records_for(batch)
        wanted = {(key, pk) for pk in batch for key in blocking_keys(records[pk])}
        with transaction.atomic():
            existing: dict[tuple[str, int], list[int]] = {}
            for row_id, key, pk in PersonMatchKey.objects.filter(person_id__in=batch).values_list(
                "id", "key", "person_id"
            ):
                existing.setdefault((key, pk), []).append(row_id)
            # Stale keys, and duplicates of a wanted key (one row per key and person is enough).
            stale = [i for pair, ids in existing.items() for i in (ids if pair not in wanted else ids[1:])]
            missing = sorted(wanted - existing.keys())
            if stale:
                removed += PersonMatchKey.objects.filter(pk__in=stale).delete()[0]
            PersonMatchKey.objects.bulk_create(
                [PersonMatchKey(key=key, person_id=pk) for key, pk in missing], batch_size=2000
            )
            added += len(missing)
        persons += len(batch)
        last = batch[-1]
        if bar:
            bar.update(len(batch))
    merged = PersonMatchKey.objects.filter(person__merged_into__isnull=False)
    if merged.exists():
        removed += PersonMatchKey.objects.filter(pk__in=list(merged.values_list("pk", flat=True))).delete()[0]
    if bar:
        bar.close()
    return persons, added, removed
