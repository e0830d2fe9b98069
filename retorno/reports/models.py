"""Saved report definitions: what to compute, never the figures (they are recomputed)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReportDefinition(models.Model):
    """Indicators × breakdowns × period (and filters), saved by an M&E officer or manager."""

    name = models.CharField(_("name"), max_length=120)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # {"indicators": [...], "breakdowns": [...], "start": "YYYY-MM-DD", "end": ..., "filters": {...}}
    definition = models.JSONField(_("definition"))
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("saved report")
        verbose_name_plural = _("saved reports")
        constraints = [models.UniqueConstraint(fields=["owner", "name"], name="one_report_name_per_owner")]

    def __str__(self) -> str:
        return self.name


class ArrivalCount(models.Model):
    """Arrivals present (checked in or walk-in), counted per day and per everything the evidence
    breaks them down by: kept up to date in the transaction of every write that changes them
    (``retorno.reports.summaries``), rebuilt from scratch by ``manage.py reports_summaries``.

    Rows are additive: the figure of a key is the sum of ``n`` over its rows (a key may have more
    than one row when two desks counted it at once; the rebuild folds them into one).
    """

    day = models.DateField()  # the flight's date
    flight_kind = models.CharField(max_length=10)
    sex = models.CharField(max_length=1)
    age = models.SmallIntegerField(null=True)  # whole years on the flight's day; None: no birth date
    department = models.CharField(max_length=2, blank=True)  # INE code of origin; "": not recorded
    municipality = models.CharField(max_length=4, blank=True)
    repeat = models.BooleanField()  # a second return or later
    unaccompanied = models.BooleanField()  # triaged as an unaccompanied minor
    # The day of the person's previous arrival (None: first): a person counts once in a period
    # starting on ``start`` in the arrival whose previous one came before ``start``.
    previous_day = models.DateField(null=True)
    n = models.IntegerField()

    class Meta:
        # Every column, day first: a period's figures are read from the index alone (no table lookups).
        indexes = [
            models.Index(
                fields=[
                    "day",
                    "flight_kind",
                    "sex",
                    "age",
                    "department",
                    "municipality",
                    "repeat",
                    "unaccompanied",
                    "previous_day",
                    "n",
                ],
                name="reports_arrivalcount_day",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.flight_kind} {self.sex} {self.age} {self.municipality or '-'}: {self.n}"


class ArrivalMonthCount(models.Model):
    """``ArrivalCount`` summed per month, without the municipality and the previous arrival's day:
    about a fifth of its rows, for the breakdowns of whole months (``reports.summaries`` keeps both)."""

    month = models.DateField()  # its first day
    flight_kind = models.CharField(max_length=10)
    sex = models.CharField(max_length=1)
    age = models.SmallIntegerField(null=True)
    department = models.CharField(max_length=2, blank=True)
    repeat = models.BooleanField()
    unaccompanied = models.BooleanField()
    n = models.IntegerField()

    class Meta:
        indexes = [
            models.Index(
                fields=["month", "flight_kind", "sex", "age", "department", "repeat", "unaccompanied", "n"],
                name="reports_arrivalmonth_month",
            )
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.flight_kind} {self.sex} {self.age} {self.department or '-'}: {self.n}"
