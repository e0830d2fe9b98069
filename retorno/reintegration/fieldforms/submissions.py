"""Importing follow-up submissions from KoboToolbox / ODK (CSV or JSON export, or Kobo's API).

Each submission is checked on its own and reported by row and field; a good row is saved in its own
transaction, a bad one saves nothing. Submissions are keyed by their instance UUID, so importing the
same export again adds nothing. Problems are codes with parameters, put into words when shown.
"""

import csv
import datetime
import io
import json
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from retorno.accounts.access import require
from retorno.accounts.models import User
from retorno.audit.actions import audit_write
from retorno.geo.queries import municipality_by_code
from retorno.lib.views import error_text
from retorno.reintegration import rss
from retorno.reintegration.actions.followup import followup_attempt, followup_record_outcome
from retorno.reintegration.audit_actions import AuditAction
from retorno.reintegration.fieldforms.reference import parse_reference
from retorno.reintegration.models import FieldSubmission, FollowUp, FollowUpAttempt, FollowUpOutcome
from retorno.reintegration.queries import followups_visible_to

MAX_ROWS = 5000
PROBLEMS = {
    "missing_uuid": _("The submission has no instance ID (meta/instanceID or _uuid)."),
    "bad_reference": _("Not a valid follow-up reference (S-…): check the digits."),
    "unknown_followup": _("No follow-up with this reference that you may record."),
    "not_due": _("This follow-up is no longer due."),
    "required": _("This answer is required."),
    "not_a_choice": _("'%(value)s' is not one of the allowed answers."),
    "unknown_municipality": _("Unknown municipality code '%(value)s'."),
    "refused": _("%(message)s"),
}


@dataclass
class Problem:
    field: str
    code: str
    params: dict = field(default_factory=dict)

    @property
    def message(self) -> str:
        return str(PROBLEMS[self.code]) % self.params if self.params else str(PROBLEMS[self.code])


@dataclass
class RowResult:
    row: int
    reference: str
    status: str  # imported, already, refused
    problems: list[Problem] = field(default_factory=list)


@dataclass
class ImportReport:
    rows: list[RowResult]

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)


def _plain(record: dict) -> dict:
    """Kobo prefixes grouped questions ('group/name'); keep the last part of each key."""
    return {str(k).rsplit("/", 1)[-1]: ("" if v is None else str(v).strip()) for k, v in record.items()}


def parse_export(raw: bytes, *, filename: str = "") -> list[dict]:
    """The submissions in a Kobo/ODK CSV or JSON export (a list, or the API's {"results": [...]})."""
    text = raw.decode("utf-8-sig", errors="replace")
    if filename.lower().endswith(".json") or text.lstrip()[:1] in "[{":
        try:
            data = json.loads(text)
        except ValueError:
            raise ValidationError({"file": _("The file is not valid JSON.")}) from None
        records = data.get("results", []) if isinstance(data, dict) else data
        if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
            raise ValidationError({"file": _("Expected a list of submissions.")})
    else:
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        try:
            records = list(csv.DictReader(io.StringIO(text, newline=""), dialect=dialect))
        except csv.Error:
            raise ValidationError({"file": _("The file is not a CSV or JSON export that can be read.")}) from None
    if len(records) > MAX_ROWS:
        raise ValidationError({"file": _("At most %(n)s submissions per file.") % {"n": MAX_ROWS}})
    return [_plain(r) for r in records]


def _uuid(record: dict) -> str:
    value = record.get("instanceID") or record.get("_uuid") or record.get("uuid") or ""
    return value.removeprefix("uuid:")[:64]


YES_NO = {"yes": True, "no": False, "": None}


def _outcome(record: dict, problems: list[Problem]) -> dict:
    choices = {
        "working": FollowUpOutcome.Working.values,
        "income_band": FollowUpOutcome.IncomeBand.values,
        "intends_to_migrate": FollowUpOutcome.Intention.values,
    }
    data: dict = {}
    for name, allowed in choices.items():
        value = record.get(name, "")
        if not value:
            problems.append(Problem(name, "required"))
        elif value not in allowed:
            problems.append(Problem(name, "not_a_choice", {"value": value[:40]}))
        data[name] = value
    for name in ("business_operating", "still_with_employer"):
        value = record.get(name, "")
        if value not in YES_NO:
            problems.append(Problem(name, "not_a_choice", {"value": value[:40]}))
        data[name] = YES_NO.get(value)
    code = record.get("living_in", "")
    try:
        data["living_in"] = municipality_by_code(code, field="living_in")
    except ValidationError:
        data["living_in"] = None
        problems.append(Problem("living_in", "unknown_municipality", {"value": code[:10]}))
    answers = {}
    for question in rss.questions():
        value = record.get(f"rss_{question.code}", "")
        if value and value not in question.options:
            problems.append(Problem(f"rss_{question.code}", "not_a_choice", {"value": value[:40]}))
        elif value:
            answers[question.code] = value
    data["rss_answers"] = answers
    return data


def _when(record: dict) -> datetime.datetime | None:
    moment = parse_datetime(record.get("end") or record.get("_submission_time") or "")
    if moment is not None and timezone.is_naive(moment):
        moment = timezone.make_aware(moment, datetime.UTC)
    return moment if moment is not None and moment <= timezone.now() else None


def _one(*, actor: User, record: dict, row: int, source: str, visible) -> RowResult:
    reference = record.get("followup_ref", "")
    result = RowResult(row=row, reference=reference[:20], status="refused")
    uuid = _uuid(record)
    if not uuid:
        result.problems.append(Problem("instanceID", "missing_uuid"))
        return result
    if FieldSubmission.objects.filter(uuid=uuid).exists():
        result.status = "already"
        return result
    followup_id = parse_reference(reference)
    if followup_id is None:
        result.problems.append(Problem("followup_ref", "bad_reference"))
        return result
    followup = visible.filter(pk=followup_id).first()
    if followup is None:
        result.problems.append(Problem("followup_ref", "unknown_followup"))
        return result
    if followup.status != FollowUp.Status.DUE:
        result.problems.append(Problem("followup_ref", "not_due"))
        return result
    reached = record.get("reached", "")
    if reached not in ("yes", "no"):
        result.problems.append(
            Problem("reached", "required" if not reached else "not_a_choice", {"value": reached[:40]})
        )
        return result
    outcome = _outcome(record, result.problems) if reached == "yes" else None
    if result.problems:
        return result
    try:
        with transaction.atomic():
            followup_attempt(
                actor=actor,
                followup=followup,
                channel=FollowUpAttempt.Channel.IN_PERSON,
                reached=reached == "yes",
                at=_when(record),
            )
            if outcome is not None:
                followup_record_outcome(actor=actor, followup=followup, **outcome)
            FieldSubmission.objects.create(uuid=uuid, followup=followup, imported_by=actor, source=source)
            audit_write(
                actor=actor,
                action=AuditAction.FOLLOWUP_FIELD_IMPORT,
                obj=followup,
                person_id=followup.person_id,
                new={"uuid": uuid},
            )
    except (ValidationError, PermissionDenied) as error:
        result.problems.append(Problem("", "refused", {"message": error_text(error)}))
        return result
    result.status = "imported"
    return result


def field_submissions_import(*, actor: User, records: list[dict], source: str = "file") -> ImportReport:
    """Import follow-up submissions; each row on its own, reported by row and field; idempotent."""
    require(actor, "reintegration.edit")
    visible = followups_visible_to(actor)
    first_row = 2 if source == "csv" else 1  # a CSV's first line is its header
    return ImportReport(
        [
            _one(actor=actor, record=_plain(r), row=i, source=source, visible=visible)
            for i, r in enumerate(records, first_row)
        ]
    )
