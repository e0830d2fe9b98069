"""The per-flight transport budget, fares, need assessments, allocation runs, overrides and tickets."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from retorno.lib.workflow import StatusPipeline
from retorno.reception.models.arrivals import Arrival
from retorno.reception.models.flights import DEFAULT_CURRENCY, DEFAULT_TRANSPORT_BUDGET, Flight


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
    # [{"arrival": id, "allocated", "reason", "fare", "priority", "params"}]: words come from the reason
    decisions = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("allocation run")
        verbose_name_plural = _("allocation runs")
        ordering = ["-run_at", "-id"]
        get_latest_by = ["run_at", "id"]

    def __str__(self) -> str:
        return f"allocation {self.flight_id} {self.run_at:%Y-%m-%d %H:%M}"


class TransportOverride(StatusPipeline, models.Model):
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
    STATUS_TONES = {Status.PENDING: "warn", Status.APPROVED: "ok", Status.REJECTED: "danger"}

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
