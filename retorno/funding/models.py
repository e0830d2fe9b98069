"""One ledger for the programme: donors, their budget lines, exchange rates and ledger entries.

Every cost the programme incurs (a bus ticket, a shelter night, a DPI fee, a grant tranche, food
donated by a company, a partner sub-grant) is one ``LedgerEntry`` against a donor's budget line,
in the currency it was paid in, with the day's exchange rate to the donor's currency frozen on
the entry, so a donor report is one ``SUM ... GROUP BY budget_line`` in the database.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

CURRENCY = [RegexValidator(r"^[A-Z]{3}$", _("Use the three-letter ISO 4217 code, e.g. USD or GTQ."))]
NOT_NEGATIVE = [MinValueValidator(Decimal("0"))]


class CostKind(models.TextChoices):
    """What a ledger entry paid for; the donor report groups spending by these too."""

    TRANSPORT_TICKET = "transport_ticket", _("Transport ticket home")
    BASIC_SERVICE = "basic_service", _("Basic services at reception")
    SHELTER_NIGHT = "shelter_night", _("Shelter nights")
    DOCUMENT_FEE = "document_fee", _("Document fees")
    TRAINING = "training", _("Training and certification")
    GRANT = "grant", _("Business grants")
    IN_KIND = "in_kind", _("In-kind donations")
    SUB_GRANT = "sub_grant", _("Partner sub-grants")
    OTHER = "other", _("Other")


# How the pages name the currencies a donor is usually reported in (any ISO code is accepted).
CURRENCY_NAMES = {
    "USD": _("US dollars (USD)"),
    "EUR": _("Euros (EUR)"),
    "GTQ": _("Quetzales (GTQ)"),
    "CAD": _("Canadian dollars (CAD)"),
    "GBP": _("Pounds sterling (GBP)"),
    "CHF": _("Swiss francs (CHF)"),
}


class Donor(models.Model):
    code = models.SlugField(_("short name"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=150, unique=True)
    currency = models.CharField(_("reporting currency"), max_length=3, default="USD", validators=CURRENCY)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("donor")
        verbose_name_plural = _("donors")

    def __str__(self) -> str:
        return self.name

    @property
    def currency_label(self) -> str:
        return str(CURRENCY_NAMES.get(self.currency, self.currency))


class BudgetLine(models.Model):
    """Money a donor gave for a kind of spending over a period, in the donor's currency."""

    donor = models.ForeignKey(Donor, on_delete=models.PROTECT, related_name="budget_lines", verbose_name=_("donor"))
    code = models.CharField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("pays for"), max_length=20, choices=CostKind.choices)
    amount = models.DecimalField(_("budget"), max_digits=14, decimal_places=2, validators=NOT_NEGATIVE)
    starts_on = models.DateField(pgettext_lazy("date range", "from"))
    ends_on = models.DateField(pgettext_lazy("date range", "to"))
    # The line that costs of this kind are charged to by default in its period (ledger_sync).
    is_default = models.BooleanField(_("default line for its kind"), default=False)
    # A closed line takes no new payments; what it already paid stays in the reports.
    is_active = models.BooleanField(_("open for payments"), default=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        indexes = [models.Index(fields=["kind", "is_default", "starts_on"])]

    def __str__(self) -> str:
        return f"{self.code} · {self.name}"

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end comes before the start.")})


class ExchangeRate(models.Model):
    """``rate`` units of ``quote`` buy one unit of ``base`` on ``day`` (e.g. USD→GTQ 7.75)."""

    base = models.CharField(_("from"), max_length=3, validators=CURRENCY)
    quote = models.CharField(_("to"), max_length=3, validators=CURRENCY)
    day = models.DateField(_("day"))
    rate = models.DecimalField(
        _("rate"), max_digits=18, decimal_places=8, validators=[MinValueValidator(Decimal("0.00000001"))]
    )
    source = models.CharField(_("source"), max_length=120, blank=True)

    class Meta:
        ordering = ["-day"]
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        constraints = [models.UniqueConstraint(fields=["base", "quote", "day"], name="one_rate_per_pair_per_day")]

    def __str__(self) -> str:
        return f"1 {self.base} = {self.rate} {self.quote} ({self.day})"


class StandardCost(models.Model):
    """The unit cost of something recorded without a price (a shelter night), from a day on."""

    kind = models.CharField(_("cost"), max_length=20, choices=CostKind.choices)
    amount = models.DecimalField(_("unit cost"), max_digits=12, decimal_places=2, validators=NOT_NEGATIVE)
    currency = models.CharField(_("currency"), max_length=3, validators=CURRENCY)
    valid_from = models.DateField(pgettext_lazy("date range", "from"))

    class Meta:
        ordering = ["kind", "-valid_from"]
        verbose_name = _("standard cost")
        verbose_name_plural = _("standard costs")
        constraints = [models.UniqueConstraint(fields=["kind", "valid_from"], name="one_standard_cost_per_day")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.amount} {self.currency}"


class LedgerEntry(models.Model):
    """One cost against one budget line, in its own currency and in the donor's."""

    budget_line = models.ForeignKey(
        BudgetLine, on_delete=models.PROTECT, related_name="entries", verbose_name=_("budget line")
    )
    kind = models.CharField(_("pays for"), max_length=20, choices=CostKind.choices)
    day = models.DateField(_("day"))
    quantity = models.PositiveIntegerField(_("quantity"), default=1)
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2, validators=NOT_NEGATIVE)
    currency = models.CharField(_("currency"), max_length=3, validators=CURRENCY)
    rate = models.DecimalField(_("exchange rate to the donor's currency"), max_digits=18, decimal_places=8)
    amount_donor = models.DecimalField(_("amount in the donor's currency"), max_digits=14, decimal_places=2)
    in_kind = models.BooleanField(_("in kind"), default=False)
    description = models.CharField(_("description"), max_length=200, blank=True)
    # Where the cost came from, e.g. ("reception.ticket", "123"): a source is entered at most once.
    source_type = models.CharField(max_length=40, blank=True)
    source_id = models.CharField(max_length=40, blank=True)
    # Set only when a manager let the line go below zero with this entry.
    override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    override_reason = models.CharField(_("reason for exceeding the budget"), max_length=300, blank=True)
    recorded_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-day", "-id"]
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")
        indexes = [models.Index(fields=["budget_line", "day"]), models.Index(fields=["kind", "day"])]
        constraints = [
            models.UniqueConstraint(
                fields=["source_type", "source_id"],
                condition=~models.Q(source_type=""),
                name="one_ledger_entry_per_source",
            )
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.amount} {self.currency} · {self.budget_line.code}"
