"""Flights and their manifests: the flight, its status history, column mappings, imports and rows."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from retorno.lib.workflow import StatusChange, StatusPipeline

DEFAULT_TRANSPORT_BUDGET = Decimal("125.00")  # per flight, as in the programme report
DEFAULT_CURRENCY = "USD"


class Flight(StatusPipeline, models.Model):
    """A deportation flight or land convoy and the reception of the people on it."""

    class Kind(models.TextChoices):
        AIR = "air", _("Flight")
        LAND = "land", _("Land convoy")

    class Status(models.TextChoices):
        ANNOUNCED = "announced", _("Announced")
        ARRIVED = "arrived", _("Arrived")
        RECEPTION_OPEN = "reception_open", _("Reception open")
        CLOSED = "closed", _("Closed")

    # The only moves a flight may make; ``flight_set_status`` refuses any other.
    TRANSITIONS: dict[str, frozenset[str]] = {
        Status.ANNOUNCED: frozenset({Status.ARRIVED}),
        Status.ARRIVED: frozenset({Status.RECEPTION_OPEN}),
        Status.RECEPTION_OPEN: frozenset({Status.CLOSED}),
        Status.CLOSED: frozenset(),
    }
    STATUS_TONES = {Status.RECEPTION_OPEN: "warn", Status.CLOSED: "ok"}
    HISTORY = "status_changes"

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.AIR)
    code = models.CharField(_("flight number"), max_length=40, blank=True)
    date = models.DateField(_("date"))
    expected_time = models.TimeField(_("expected time"), null=True, blank=True)
    origin = models.CharField(_("origin"), max_length=120)
    carrier = models.CharField(_("carrier or agency"), max_length=120)
    expected_count = models.PositiveIntegerField(_("expected people"), default=0)
    arrived_count = models.PositiveIntegerField(_("people who arrived (head count)"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ANNOUNCED)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        ordering = ["-date", "-expected_time", "-id"]
        verbose_name = _("flight")
        verbose_name_plural = _("flights")
        indexes = [models.Index(fields=["date", "status"])]

    def __str__(self) -> str:
        label = self.code or self.get_kind_display()
        return f"{label} · {self.date:%d/%m/%Y} · {self.origin}"

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED


class FlightStatusChange(StatusChange):
    """Every move of a flight along its pipeline (the note given is the ``reason``)."""

    flight = models.ForeignKey(Flight, on_delete=models.CASCADE, related_name="status_changes")

    class Meta(StatusChange.Meta):
        pass

    def __str__(self) -> str:
        return f"{self.flight_id}: {self.from_status} → {self.to_status}"


class ColumnMapping(models.Model):
    """The column mapping confirmed for one manifest source (carrier, ICE, an agency)."""

    source_key = models.CharField(max_length=120, unique=True)  # folded source name
    source = models.CharField(_("source"), max_length=120)
    mapping = models.JSONField(_("mapping"), default=dict, blank=True)  # manifest.ColumnMapping.to_dict()
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("column mapping")
        verbose_name_plural = _("column mappings")

    def __str__(self) -> str:
        return self.source


class ManifestImport(StatusPipeline, models.Model):
    """One uploaded manifest file: staged (previewed), then committed or discarded."""

    class Status(models.TextChoices):
        STAGED = "staged", _("Staged for review")
        COMMITTED = "committed", _("Committed")
        DISCARDED = "discarded", _("Discarded")

    TRANSITIONS: dict[str, frozenset[str]] = {
        Status.STAGED: frozenset({Status.COMMITTED, Status.DISCARDED}),
        Status.COMMITTED: frozenset(),
        Status.DISCARDED: frozenset(),
    }

    flight = models.ForeignKey(Flight, on_delete=models.CASCADE, related_name="manifest_imports")
    source = models.CharField(_("source"), max_length=120)
    filename = models.CharField(_("file"), max_length=200)
    # Kept while staged so the preview can be re-read with a corrected mapping; cleared at commit.
    content = models.BinaryField(blank=True, default=b"")
    mapping = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.STAGED)
    uploaded_at = models.DateTimeField(default=timezone.now)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    committed_at = models.DateTimeField(null=True, blank=True)
    row_count = models.PositiveIntegerField(default=0)
    error_count = models.PositiveIntegerField(default=0)
    warning_count = models.PositiveIntegerField(default=0)
    created_rows = models.PositiveIntegerField(default=0)
    updated_rows = models.PositiveIntegerField(default=0)
    skipped_rows = models.PositiveIntegerField(default=0)
    withdrawn_rows = models.PositiveIntegerField(default=0)
    file_problems = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = _("manifest import")
        verbose_name_plural = _("manifest imports")

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_status_display()})"


class ManifestRow(models.Model):
    """A passenger as the manifest lists them, kept across re-imports of the same flight."""

    class Match(models.TextChoices):
        CUI = "cui", _("Same CUI")
        A_NUMBER = "a_number", _("Same A-number")
        PASSPORT = "passport", _("Same passport")
        NAME_BIRTH_DATE = "name_birth_date", _("Same name and date of birth")
        PROBABLE = "probable", _("Very likely the same person (score)")
        AMBIGUOUS = "ambiguous", _("Several persons could match")
        NONE = "none", _("Not in the registry")

    flight = models.ForeignKey(Flight, on_delete=models.CASCADE, related_name="manifest_rows")
    manifest_import = models.ForeignKey(ManifestImport, on_delete=models.PROTECT, related_name="rows")
    row_number = models.PositiveIntegerField()
    full_name = models.CharField(max_length=300)
    folded_name = models.CharField(max_length=300, db_index=True)
    birth_date = models.DateField(null=True, blank=True)
    cui = models.CharField(max_length=13, blank=True)
    a_number = models.CharField(max_length=20, blank=True)
    passport = models.CharField(max_length=40, blank=True)
    values = models.JSONField(default=dict, blank=True)  # the parsed values (dates as ISO text)
    raw = models.JSONField(default=dict, blank=True)  # the cells as read
    problems = models.JSONField(default=list, blank=True)  # [{"field", "code", "severity", "params"}]
    match = models.CharField(max_length=20, choices=Match.choices, default=Match.NONE)
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    withdrawn = models.BooleanField(default=False)  # absent from the latest import of the flight

    class Meta:
        ordering = ["row_number", "id"]
        indexes = [models.Index(fields=["flight", "cui"]), models.Index(fields=["flight", "folded_name"])]

    def __str__(self) -> str:
        return self.full_name

    def get_match_display(self) -> str:
        # Not Django's generated one, which hashes every translated label on each call (one per row).
        return str(_MATCH_LABELS.get(self.match, self.match))

    @property
    def is_minor(self) -> bool:
        return bool(self.values.get("is_minor"))

    @property
    def passenger_number(self) -> int:
        """The manifest's own passenger No. (its sequence column), else the file's row number."""
        sequence = (self.values or {}).get("sequence")
        return sequence if isinstance(sequence, int) else self.row_number

    @property
    def problem_messages(self) -> list[str]:
        """The stored problems in the active language (they are stored as codes with parameters)."""
        from retorno.reception.manifest.problems import stored_message

        return [stored_message(p) for p in self.problems]

    @property
    def listed_unaccompanied(self) -> bool:
        return bool(self.values.get("unaccompanied_minor")) and self.is_minor


_MATCH_LABELS = dict(ManifestRow.Match.choices)  # lazy labels: translated when shown
