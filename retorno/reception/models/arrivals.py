"""Arrivals and what reception does for each: triage, services given, work handed to other teams."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from retorno.lib.workflow import StatusPipeline
from retorno.reception.models.flights import DEFAULT_CURRENCY, Flight, ManifestRow


class Arrival(StatusPipeline, models.Model):
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
    STATUS_TONES = {Status.CHECKED_IN: "ok", Status.WALK_IN: "ok"}  # present: as on the check-in desk
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

    def get_status_display(self) -> str:
        # Django's generated one hashes every (lazy, translated) label on each call: the flight
        # page and the desk show 135 of these.
        return self.status_label()

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


class WorkItem(StatusPipeline, models.Model):
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
    STATUS_TONES = {Status.OPEN: "warn", Status.TAKEN: "ok"}
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
    # What taking the item created: a health item's referral to the facility the taker chose;
    # a DPI item's request draft (a plain id: reintegration sits above reception and keeps it).
    referral = models.OneToOneField(
        "referrals.Referral",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="work_item",
        verbose_name=_("referral"),
    )
    document_request_id = models.BigIntegerField(_("DPI request draft"), null=True, blank=True, unique=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("work item from triage")
        verbose_name_plural = _("work items from triage")
        constraints = [models.UniqueConstraint(fields=["arrival", "kind"], name="one_work_item_per_arrival_and_kind")]
        indexes = [models.Index(fields=["kind", "status"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.arrival_id}"
