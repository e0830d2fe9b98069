"""Flights, manifests, arrivals, triage, basic services and the per-flight transport budget."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DEFAULT_TRANSPORT_BUDGET = Decimal("125.00")  # per flight, as in the programme report
DEFAULT_CURRENCY = "USD"


class Flight(models.Model):
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


class FlightStatusChange(models.Model):
    """Every move of a flight along its pipeline."""

    flight = models.ForeignKey(Flight, on_delete=models.CASCADE, related_name="status_changes")
    old_status = models.CharField(max_length=20, choices=Flight.Status.choices)
    new_status = models.CharField(max_length=20, choices=Flight.Status.choices)
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.flight_id}: {self.old_status} → {self.new_status}"


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


class ManifestImport(models.Model):
    """One uploaded manifest file: staged (previewed), then committed or discarded."""

    class Status(models.TextChoices):
        STAGED = "staged", _("Staged for review")
        COMMITTED = "committed", _("Committed")
        DISCARDED = "discarded", _("Discarded")

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


class Arrival(models.Model):
    """One person's arrival on one flight: expected from the manifest, then checked in."""

    class Status(models.TextChoices):
        EXPECTED = "expected", _("Expected")
        CHECKED_IN = "checked_in", _("Checked in")
        NO_SHOW = "no_show", _("Did not arrive")
        WALK_IN = "walk_in", _("Not on the manifest")

    TRANSITIONS: dict[str, frozenset[str]] = {
        Status.EXPECTED: frozenset({Status.CHECKED_IN, Status.NO_SHOW}),
        Status.NO_SHOW: frozenset({Status.CHECKED_IN}),  # arrived late, after being marked absent
        Status.CHECKED_IN: frozenset(),
        Status.WALK_IN: frozenset(),
    }
    PRESENT = (Status.CHECKED_IN, Status.WALK_IN)

    flight = models.ForeignKey(Flight, on_delete=models.PROTECT, related_name="arrivals")
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="arrivals"
    )
    manifest_row = models.OneToOneField(
        ManifestRow, on_delete=models.PROTECT, null=True, blank=True, related_name="arrival"
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.EXPECTED)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # 1 for a first return, 2 for the second...: computed once, at check-in.
    return_number = models.PositiveIntegerField(_("return number"), null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("arrival")
        verbose_name_plural = _("arrivals")
        indexes = [models.Index(fields=["flight", "status"]), models.Index(fields=["person", "status"])]
        constraints = [
            models.UniqueConstraint(
                fields=["flight", "person"],
                condition=models.Q(person__isnull=False),
                name="one_arrival_per_person_per_flight",
            )
        ]

    def __str__(self) -> str:
        return f"{self.display_name} · {self.flight}"

    @property
    def display_name(self) -> str:
        if self.person_id:
            return self.person.full_name
        return self.manifest_row.full_name if self.manifest_row_id else "—"

    @property
    def is_present(self) -> bool:
        return self.status in self.PRESENT

    @property
    def match_label(self) -> str:
        """How the passenger is linked to the registry now: the import's match until check-in
        links or registers the person, then that."""
        row = self.manifest_row if self.manifest_row_id else None
        if self.person_id and (row is None or row.person_id != self.person_id):
            return str(_("Linked at check-in"))
        return row.get_match_display() if row is not None else "—"

    def clean(self) -> None:
        if self.is_present and self.person_id is None:
            raise ValidationError({"person": _("A person who arrived must be linked to the registry.")})
        if self.status == self.Status.WALK_IN and self.manifest_row_id:
            raise ValidationError({"status": _("A person on the manifest is not a walk-in.")})


class TriageNeed(models.Model):
    """Further needs staff may tick at triage, managed as reference data in the admin."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_es = models.CharField(_("name (Spanish)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    order = models.PositiveIntegerField(_("order"), default=100)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("triage need")
        verbose_name_plural = _("triage needs")

    def __str__(self) -> str:
        from django.utils.translation import get_language

        return self.name_en if (get_language() or "es").startswith("en") else self.name_es


class Triage(models.Model):
    """The needs found at reception for one arrival. Protection is a flag only: no reason here."""

    arrival = models.OneToOneField(Arrival, on_delete=models.PROTECT, related_name="triage")
    refreshments = models.BooleanField(_("refreshments"), default=False)
    calls_national = models.PositiveSmallIntegerField(_("national calls"), default=0)
    calls_international = models.PositiveSmallIntegerField(_("international calls"), default=0)
    transport_home = models.BooleanField(_("transport home"), default=False)
    shelter = models.BooleanField(_("shelter"), default=False)
    medical = models.BooleanField(_("medical care"), default=False)
    psychosocial = models.BooleanField(_("psychosocial care"), default=False)
    documents_no_dpi = models.BooleanField(_("identity documents (no DPI)"), default=False)
    reintegration_interest = models.BooleanField(_("interested in reintegration"), default=False)
    contact_consent = models.BooleanField(_("agrees to be contacted"), default=False)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    travelling_alone = models.BooleanField(_("minor travelling without a parent or guardian"), default=False)
    unaccompanied_minor = models.BooleanField(_("unaccompanied minor"), default=False)
    refer_to_protection = models.BooleanField(_("refer to protection"), default=False)
    protection_acknowledged_at = models.DateTimeField(_("received by protection"), null=True, blank=True)
    protection_acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    other_needs = models.ManyToManyField(TriageNeed, blank=True, related_name="+", verbose_name=_("other needs"))
    triaged_at = models.DateTimeField(default=timezone.now)
    triaged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("triage")
        verbose_name_plural = _("triages")

    @property
    def referred(self) -> bool:
        return self.shelter or self.medical or self.psychosocial or self.refer_to_protection

    def __str__(self) -> str:
        return f"triage {self.arrival_id}"


class ServiceGiven(models.Model):
    """The ledger of basic services given to an arrival."""

    class Kind(models.TextChoices):
        REFRESHMENT = "refreshment", _("Refreshment")
        CALL_NATIONAL = "call_national", _("National call")
        CALL_INTERNATIONAL = "call_international", _("International call")
        SHUTTLE = "shuttle", _("Shuttle to the bus terminal")
        BUS_TICKET = "bus_ticket", _("Bus ticket home")
        SHELTER = "shelter", _("Shelter referral")
        MEDICAL = "medical", _("Medical care")
        PSYCHOSOCIAL = "psychosocial", _("Psychosocial first aid")
        DOCUMENTS = "documents", _("Documents support")
        OTHER = "other", _("Other")

    arrival = models.ForeignKey(Arrival, on_delete=models.PROTECT, related_name="services")
    kind = models.CharField(_("service"), max_length=20, choices=Kind.choices)
    quantity = models.PositiveIntegerField(_("quantity"), default=1, validators=[MinValueValidator(1)])
    unit_cost = models.DecimalField(
        _("unit cost"), max_digits=10, decimal_places=2, default=Decimal("0"), validators=[MinValueValidator(0)]
    )
    currency = models.CharField(_("currency"), max_length=3, default=DEFAULT_CURRENCY)
    note = models.CharField(_("note"), max_length=200, blank=True)
    given_at = models.DateTimeField(_("when"), default=timezone.now)
    given_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["given_at", "id"]
        verbose_name = _("service given")
        verbose_name_plural = _("services given")

    @property
    def total(self) -> Decimal:
        return self.unit_cost * self.quantity

    def __str__(self) -> str:
        return f"{self.get_kind_display()} × {self.quantity}"


class FlightBudget(models.Model):
    """The money for transport home available to one flight."""

    flight = models.OneToOneField(Flight, on_delete=models.CASCADE, related_name="budget")
    amount = models.DecimalField(
        _("amount"),
        max_digits=10,
        decimal_places=2,
        default=DEFAULT_TRANSPORT_BUDGET,
        validators=[MinValueValidator(0)],
    )
    currency = models.CharField(_("currency"), max_length=3, default=DEFAULT_CURRENCY)
    set_at = models.DateTimeField(default=timezone.now)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    def __str__(self) -> str:
        return f"{self.currency} {self.amount}"


class Fare(models.Model):
    """Bus fare from the terminal to a department (or a municipality, which takes precedence)."""

    department = models.ForeignKey(
        "geo.Department", on_delete=models.PROTECT, related_name="+", verbose_name=_("department")
    )
    municipality = models.ForeignKey(
        "geo.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )
    terminal = models.CharField(_("bus terminal"), max_length=120, default="El Trébol")
    amount = models.DecimalField(_("fare"), max_digits=8, decimal_places=2, validators=[MinValueValidator(0)])
    currency = models.CharField(_("currency"), max_length=3, default=DEFAULT_CURRENCY)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["department__code", "municipality__code"]
        verbose_name = _("fare")
        verbose_name_plural = _("fares")
        constraints = [
            models.UniqueConstraint(fields=["department", "municipality", "currency"], name="one_fare_per_destination")
        ]

    def __str__(self) -> str:
        return f"{self.municipality or self.department}: {self.currency} {self.amount}"


class NeedAssessment(models.Model):
    """Whether an arrival needs help to get home, and how vulnerable they are."""

    arrival = models.OneToOneField(Arrival, on_delete=models.PROTECT, related_name="need_assessment")
    can_pay = models.BooleanField(_("can pay the fare"), default=False)
    family_collecting = models.BooleanField(_("family is collecting them"), default=False)
    destination = models.ForeignKey(
        "geo.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("destination"),
    )
    vulnerability = models.PositiveSmallIntegerField(
        _("vulnerability (0–5)"), default=0, validators=[MinValueValidator(0)]
    )
    assessed_at = models.DateTimeField(default=timezone.now)
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    def clean(self) -> None:
        if self.vulnerability > 5:
            raise ValidationError({"vulnerability": _("Vulnerability goes from 0 to 5.")})

    def __str__(self) -> str:
        return f"need {self.arrival_id}"


class AllocationRun(models.Model):
    """One run of the transport allocation for a flight, with every decision explained."""

    flight = models.ForeignKey(Flight, on_delete=models.CASCADE, related_name="allocation_runs")
    run_at = models.DateTimeField(default=timezone.now)
    run_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    budget_amount = models.DecimalField(max_digits=10, decimal_places=2)
    currency = models.CharField(max_length=3)
    total_cost = models.DecimalField(max_digits=10, decimal_places=2)
    remaining = models.DecimalField(max_digits=10, decimal_places=2)
    people_in_need = models.PositiveIntegerField()
    unmet_count = models.PositiveIntegerField()
    unmet_cost = models.DecimalField(max_digits=10, decimal_places=2)
    unmet_without_fare = models.PositiveIntegerField()
    # [{"arrival": id, "allocated", "reason", "fare", "priority", "message_es", "message_en"}]
    decisions = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("allocation run")
        verbose_name_plural = _("allocation runs")
        ordering = ["-run_at", "-id"]
        get_latest_by = ["run_at", "id"]

    def __str__(self) -> str:
        return f"allocation {self.flight_id} {self.run_at:%Y-%m-%d %H:%M}"


class TransportOverride(models.Model):
    """Staff asking to give (or withhold) a ticket against the allocation, with a reason."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    TRANSITIONS: dict[str, frozenset[str]] = {
        Status.PENDING: frozenset({Status.APPROVED, Status.REJECTED}),
        Status.APPROVED: frozenset(),
        Status.REJECTED: frozenset(),
    }

    arrival = models.ForeignKey(Arrival, on_delete=models.PROTECT, related_name="transport_overrides")
    allocate = models.BooleanField(_("give a ticket"))
    reason = models.CharField(_("reason"), max_length=500)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    requested_at = models.DateTimeField(default=timezone.now)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("transport override")
        verbose_name_plural = _("transport overrides")
        ordering = ["-requested_at", "-id"]

    def __str__(self) -> str:
        return f"override {self.arrival_id} ({self.status})"


class Ticket(models.Model):
    """The seat ledger: one bus ticket bought for one arrival."""

    arrival = models.OneToOneField(Arrival, on_delete=models.PROTECT, related_name="ticket")
    flight = models.ForeignKey(Flight, on_delete=models.PROTECT, related_name="tickets")
    destination = models.ForeignKey("geo.Municipality", on_delete=models.PROTECT, related_name="+")
    terminal = models.CharField(max_length=120)
    amount = models.DecimalField(max_digits=8, decimal_places=2)
    currency = models.CharField(max_length=3)
    by_override = models.BooleanField(default=False)
    issued_at = models.DateTimeField(default=timezone.now)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("ticket")
        verbose_name_plural = _("tickets")
        ordering = ["issued_at", "id"]

    def __str__(self) -> str:
        return f"{self.currency} {self.amount} → {self.destination_id}"


class WorkItem(models.Model):
    """Work a triage flag hands to a team: psychosocial care, a health referral, a DPI request
    draft, a reintegration intake. One per arrival and kind; unticking the flag withdraws an
    item nobody has taken yet, ticking it again reopens it."""

    class Kind(models.TextChoices):
        PSYCHOSOCIAL = "psychosocial", _("Psychosocial care")
        HEALTH = "health", _("Health referral")
        DPI_REQUEST = "dpi_request", _("DPI request (draft)")
        REINTEGRATION_INTAKE = "reintegration_intake", _("Reintegration intake")

    class Status(models.TextChoices):
        OPEN = "open", _("Waiting")
        TAKEN = "taken", _("Taken")
        WITHDRAWN = "withdrawn", _("Withdrawn at triage")

    TRANSITIONS: dict[str, frozenset[str]] = {
        Status.OPEN: frozenset({Status.TAKEN, Status.WITHDRAWN}),
        Status.WITHDRAWN: frozenset({Status.OPEN}),
        Status.TAKEN: frozenset(),
    }
    # The triage flag behind each kind.
    FLAG = {
        Kind.PSYCHOSOCIAL: "psychosocial",
        Kind.HEALTH: "medical",
        Kind.DPI_REQUEST: "documents_no_dpi",
        Kind.REINTEGRATION_INTAKE: "reintegration_interest",
    }

    arrival = models.ForeignKey(Arrival, on_delete=models.PROTECT, related_name="work_items")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    taken_at = models.DateTimeField(_("taken"), null=True, blank=True)
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("work item from triage")
        verbose_name_plural = _("work items from triage")
        constraints = [models.UniqueConstraint(fields=["arrival", "kind"], name="one_work_item_per_arrival_and_kind")]
        indexes = [models.Index(fields=["kind", "status"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.arrival_id}"
