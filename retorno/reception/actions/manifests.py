"""Manifest import: stage (preview) → confirm the column mapping → commit atomically.

Re-importing the same or a corrected file updates the flight's rows instead of adding them
again: rows are keyed by identity (CUI, A-number, passport, else folded name + birth date).
"""

import datetime
from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from retorno.accounts.access import require
from retorno.accounts.models import User
from retorno.audit.actions import audit_write, jsonable
from retorno.lib.text import fold
from retorno.lib.workflow import illegal_transition, transition, transition_in_atomic
from retorno.reception.audit_actions import AuditAction
from retorno.reception.manifest import Code, ManifestResult, parse_manifest
from retorno.reception.manifest import ColumnMapping as ParsedMapping
from retorno.reception.matching import match_manifest_row_ids
from retorno.reception.models import Arrival, ColumnMapping, Flight, ManifestImport, ManifestRow

MAX_FILE_BYTES = 5 * 1024 * 1024
# A row with one of these is not a passenger to keep: no name, or the same person twice.
SKIPPED_CODES = frozenset({Code.EMPTY_NAME, Code.DUPLICATE_ROW})


def source_key(source: str) -> str:
    return fold(source)[:120]


def remembered_mapping(source: str) -> dict:
    saved = ColumnMapping.objects.filter(source_key=source_key(source)).first()
    return saved.mapping if saved else {}


def _parse(manifest_import: ManifestImport) -> ManifestResult:
    mapping = ParsedMapping.from_dict(manifest_import.mapping) if manifest_import.mapping else None
    return parse_manifest(
        data=bytes(manifest_import.content),
        filename=manifest_import.filename,
        mapping=mapping,
        today=manifest_import.flight.date,
    )


def manifest_reread(manifest_import: ManifestImport) -> ManifestResult:
    """Read a staged import again (for its preview); nothing is written."""
    return _parse(manifest_import)


def _refresh_counts(manifest_import: ManifestImport, result: ManifestResult) -> None:
    manifest_import.row_count = len(result.rows)
    manifest_import.error_count = result.error_count
    manifest_import.warning_count = result.warning_count
    manifest_import.file_problems = [p.as_dict() for p in result.problems]


def _require_open(flight: Flight) -> None:
    flight.refresh_from_db(fields=["status"])
    if flight.is_closed:
        raise ValidationError(_("The flight is closed: its manifest can no longer change."))


@transaction.atomic
def manifest_stage(
    *, actor: User, flight: Flight, data: bytes, filename: str, source: str = "", request: HttpRequest | None = None
) -> tuple[ManifestImport, ManifestResult]:
    """Keep an uploaded manifest for review and read it with the source's remembered mapping."""
    require(actor, "reception.flight_manage")
    _require_open(flight)
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError({"file": _("The file is larger than 5 MB.")})
    source = (source or flight.carrier).strip()[:120]
    manifest_import = ManifestImport(
        flight=flight,
        source=source,
        filename=(filename or "manifest.csv")[-200:],
        content=data,
        mapping=remembered_mapping(source),
        uploaded_by=actor,
    )
    result = _parse(manifest_import)
    if not manifest_import.mapping and result.mapping.columns:
        manifest_import.mapping = result.mapping.to_dict()
    _refresh_counts(manifest_import, result)
    manifest_import.full_clean()
    manifest_import.save()
    audit_write(
        actor=actor,
        action=AuditAction.MANIFEST_STAGE,
        obj=manifest_import,
        new={
            "flight": flight.pk,
            "source": source,
            "rows": manifest_import.row_count,
            "errors": manifest_import.error_count,
        },
        request=request,
    )
    return manifest_import, result


@transaction.atomic
def manifest_set_mapping(
    *, actor: User, manifest_import: ManifestImport, mapping: dict, request: HttpRequest | None = None
) -> ManifestResult:
    """Change which column holds which field (and the date order) of a staged import."""
    require(actor, "reception.flight_manage")
    if manifest_import.status != ManifestImport.Status.STAGED:
        raise ValidationError(_("This import is no longer staged."))
    try:
        ParsedMapping.from_dict(mapping)
    except ValueError as error:
        raise ValidationError({"mapping": str(error)})
    old = manifest_import.mapping
    manifest_import.mapping = mapping
    result = _parse(manifest_import)
    _refresh_counts(manifest_import, result)
    manifest_import.save()
    audit_write(
        actor=actor,
        action=AuditAction.MANIFEST_MAPPING,
        obj=manifest_import,
        old={"mapping": old},
        new={"mapping": mapping},
        request=request,
    )
    return result


@transaction.atomic
def manifest_discard(*, actor: User, manifest_import: ManifestImport, request: HttpRequest | None = None) -> None:
    require(actor, "reception.flight_manage")
    manifest_import.content = b""  # not in the audit row, as before
    transition(
        manifest_import,
        ManifestImport.Status.DISCARDED,
        actor=actor,
        action=AuditAction.MANIFEST_DISCARD,
        request=request,
    )


class _FlightRows:
    """The flight's existing manifest rows (one query), looked up by identity in memory."""

    def __init__(self, flight: Flight) -> None:
        self.rows = list(flight.manifest_rows.select_related("arrival"))
        self.claimed: set[int] = set()
        self.by: dict[tuple[str, object], list[ManifestRow]] = defaultdict(list)
        for row in self.rows:
            for key in DOCUMENTS:
                if getattr(row, key):
                    self.by[key, getattr(row, key)].append(row)
            self.by["name", row.folded_name].append(row)

    def find(self, values: dict, folded: str, birth: datetime.date | None) -> ManifestRow | None:
        for key in DOCUMENTS:
            if values.get(key):
                found = [r for r in self.by.get((key, values[key]), ()) if r.pk not in self.claimed]
                if found:
                    return found[0]
        # Same name: never a row that carries another document of the same kind (two people).
        same_name = [
            r
            for r in self.by.get(("name", folded), ())
            if r.pk not in self.claimed and not any(values.get(k) and getattr(r, k) for k in DOCUMENTS)
        ]
        exact = [r for r in same_name if r.birth_date == birth]
        if exact:
            return exact[0]
        # A corrected file may add or fix the birth date of a row that had none.
        loose = [r for r in same_name if r.birth_date is None or birth is None]
        return loose[0] if len(loose) == 1 else None


def _problems(row) -> list[dict]:
    return [p.as_dict() for p in row.problems]


DOCUMENTS = ("cui", "a_number", "passport")
IDENTITY = ("folded_name", "birth_date", "cui", "a_number", "passport")
ROW_FIELDS = (
    "row_number",
    "full_name",
    "folded_name",
    "birth_date",
    "cui",
    "a_number",
    "passport",
    "values",
    "raw",
    "problems",
    "withdrawn",
    "manifest_import",
    "person",
    "match",
)
BATCH = 500


def _row_fields(parsed) -> dict:
    values = jsonable(parsed.values)
    birth = parsed.values.get("birth_date")
    return {
        "row_number": parsed.row_number,
        "full_name": str(values.get("full_name") or ""),
        # The folded name is a derived search key (NFKD may lengthen a few characters), not shown.
        "folded_name": fold(str(values.get("full_name") or ""))[:300],
        "birth_date": birth if isinstance(birth, datetime.date) else None,
        "cui": values.get("cui") or "",
        "a_number": values.get("a_number") or "",
        "passport": values.get("passport") or "",
        "values": values,
        "raw": jsonable(dict(parsed.raw)),
        "problems": _problems(parsed),
        "withdrawn": False,
    }


@transaction.atomic
def manifest_commit(
    *, actor: User, manifest_import: ManifestImport, remember_mapping: bool = True, request: HttpRequest | None = None
) -> ManifestImport:
    """Write a staged manifest into the flight, all or nothing, and match it to the registry.

    Rows already on the flight are updated (only when something changed: an unchanged
    re-upload writes no row); new rows get an expected arrival; rows absent from this file
    are withdrawn unless the person has already checked in. Set-based: the flight's rows are
    read once, the registry is matched in batches, rows are written with bulk inserts and
    updates, so the number of queries does not grow with the rows.
    """
    require(actor, "reception.flight_manage")
    manifest_import = ManifestImport.objects.select_for_update().select_related("flight").get(pk=manifest_import.pk)
    flight = manifest_import.flight
    _require_open(flight)
    if not manifest_import.can_move_to(ManifestImport.Status.COMMITTED):  # before the file is read
        raise illegal_transition(manifest_import, ManifestImport.Status.COMMITTED)
    result = _parse(manifest_import)
    if not result.can_import:
        raise ValidationError(
            _("The file cannot be imported: %(problems)s")
            % {"problems": "; ".join(p.message for p in result.problems if p.is_error)}
        )
    existing = _FlightRows(flight)
    to_create: list[ManifestRow] = []
    to_update: dict[int, ManifestRow] = {}
    to_match: list[ManifestRow] = []
    skipped = 0
    for parsed in result.rows:
        if any(p.code in SKIPPED_CODES for p in parsed.problems) or not parsed.values.get("full_name"):
            skipped += 1
            continue
        fields = _row_fields(parsed)
        row = existing.find(fields["values"], fields["folded_name"], fields["birth_date"])
        if row is None:
            row = ManifestRow(flight=flight, manifest_import=manifest_import, **fields)
            to_create.append(row)
            to_match.append(row)
            continue
        existing.claimed.add(row.pk)
        identity_changed = any(getattr(row, k) != fields[k] for k in IDENTITY)
        if any(getattr(row, k) != v for k, v in fields.items()):
            for name, value in fields.items():
                setattr(row, name, value)
            row.manifest_import = manifest_import
            to_update[row.pk] = row
        checked_in = hasattr(row, "arrival") and row.arrival.is_present
        if (identity_changed or row.person_id is None) and not checked_in:
            to_match.append(row)
    for row, (person_id, reason) in zip(to_match, match_manifest_row_ids([r.values for r in to_match]), strict=True):
        if row.person_id != person_id or row.match != reason:
            row.person_id, row.match = person_id, reason
            if row.pk:
                to_update[row.pk] = row
    ManifestRow.objects.bulk_create(to_create, batch_size=BATCH)
    unmet = [r for r in existing.rows if r.pk in existing.claimed and not hasattr(r, "arrival")]
    Arrival.objects.bulk_create(
        [Arrival(flight=flight, manifest_row=row, status=Arrival.Status.EXPECTED) for row in to_create + unmet],
        batch_size=BATCH,
    )
    ManifestRow.objects.bulk_update(list(to_update.values()), fields=ROW_FIELDS, batch_size=BATCH)
    withdraw = [
        row.pk
        for row in existing.rows
        if row.pk not in existing.claimed
        and not row.withdrawn
        # someone already met at the airport stays on the flight
        and not (hasattr(row, "arrival") and row.arrival.status != Arrival.Status.EXPECTED)
    ]
    for chunk in range(0, len(withdraw), BATCH):
        ManifestRow.objects.filter(pk__in=withdraw[chunk : chunk + BATCH]).update(withdrawn=True)
    created, updated, withdrawn = len(to_create), len(to_update), len(withdraw)
    if remember_mapping and result.mapping.columns:
        mapping = result.mapping.to_dict()
        proved = result.date_orders.get("birth_date")
        if manifest_import.mapping.get("date_order"):
            mapping["date_order"] = manifest_import.mapping["date_order"]
        elif proved is not None and proved.order is not None and proved.source in ("rows", "header"):
            # The file proved its order (a 25/12 row): later files of the source inherit it.
            mapping["date_order"] = str(proved.order)
        ColumnMapping.objects.update_or_create(
            source_key=source_key(manifest_import.source),
            defaults={
                "source": manifest_import.source,
                "mapping": mapping,
                "updated_by": actor,
                "updated_at": timezone.now(),
            },
        )
    _refresh_counts(manifest_import, result)
    manifest_import.committed_at = timezone.now()
    manifest_import.created_rows, manifest_import.updated_rows = created, updated
    manifest_import.skipped_rows, manifest_import.withdrawn_rows = skipped, withdrawn
    if not flight.expected_count:
        flight.expected_count = flight.manifest_rows.filter(withdrawn=False).count()
        flight.save(update_fields=["expected_count"])
    # Already one transaction (this action is atomic): the mover runs without its own savepoint,
    # as check-in's does (see ``actions.arrivals``).
    transition_in_atomic(
        manifest_import,
        ManifestImport.Status.COMMITTED,
        actor=actor,
        action=AuditAction.MANIFEST_COMMIT,
        request=request,
        audit_extra={
            "flight": flight.pk,
            "created": created,
            "updated": updated,
            "skipped": skipped,
            "withdrawn": withdrawn,
        },
    )
    return manifest_import
