"""Shelters run by partners, with beds by type and a stay limit, and the stays in them."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from retorno.referrals.models.referrals import Partner, Referral

DEFAULT_STAY_LIMIT_HOURS = 72
DEFAULT_STAY_WARNING_HOURS = 12


class BedType(models.TextChoices):
    ADULTS = "adults", _("Adults")
    WOMEN = "women", _("Women")
    MINORS = "minors", pgettext_lazy("shelter population", "Minors")
    TRAFFICKING = "trafficking", _("Trafficking victims")


class Shelter(models.Model):
    """A temporary shelter facility run by a partner, with beds by type and a stay limit."""

    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="shelters", verbose_name=_("run by"))
    name = models.CharField(_("name"), max_length=200, unique=True)
    municipality = models.ForeignKey(
        "geo.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    capacity_adults = models.PositiveSmallIntegerField(_("beds for adults"), default=0)
    capacity_women = models.PositiveSmallIntegerField(_("beds for women"), default=0)
    capacity_minors = models.PositiveSmallIntegerField(_("beds for minors"), default=0)
    capacity_trafficking = models.PositiveSmallIntegerField(_("beds for trafficking victims"), default=0)
    stay_limit_hours = models.PositiveSmallIntegerField(_("stay limit (hours)"), default=DEFAULT_STAY_LIMIT_HOURS)
    warning_hours = models.PositiveSmallIntegerField(
        _("warn this many hours before the limit"), default=DEFAULT_STAY_WARNING_HOURS
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("shelter")
        verbose_name_plural = _("shelters")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.stay_limit_hours < 1:
            raise ValidationError({"stay_limit_hours": _("At least one hour.")})
        if self.warning_hours >= self.stay_limit_hours:
            raise ValidationError({"warning_hours": _("The warning must come before the limit.")})

    def capacity(self, bed_type: str) -> int:
        return getattr(self, f"capacity_{bed_type}")

    @property
    def total_capacity(self) -> int:
        return sum(self.capacity(t) for t in BedType.values)


class Stay(models.Model):
    """A person's stay in a shelter, from check-in to check-out."""

    shelter = models.ForeignKey(Shelter, on_delete=models.PROTECT, related_name="stays")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="shelter_stays")
    referral = models.OneToOneField(Referral, on_delete=models.PROTECT, related_name="stay")
    bed_type = models.CharField(_("bed"), max_length=12, choices=BedType.choices)
    checked_in_at = models.DateTimeField(pgettext_lazy("shelter", "checked in"))
    checked_in_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    limit_at = models.DateTimeField(_("must leave by"))
    checked_out_at = models.DateTimeField(_("checked out"), null=True, blank=True)
    checked_out_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    checkout_note = models.CharField(_("where they went / note"), max_length=500, blank=True)

    class Meta:
        ordering = ["-checked_in_at", "-id"]
        verbose_name = _("stay")
        verbose_name_plural = _("stays")
        indexes = [models.Index(fields=["shelter", "checked_out_at", "checked_in_at"])]

    def __str__(self) -> str:
        return f"{self.shelter} {self.checked_in_at:%Y-%m-%d}"

    def clean(self) -> None:
        if self.checked_out_at and self.checked_out_at < self.checked_in_at:
            raise ValidationError({"checked_out_at": _("Check-out cannot come before check-in.")})

    @property
    def is_present(self) -> bool:
        return self.checked_out_at is None

    def warning_level(self, now: datetime.datetime | None = None) -> str:
        """'over' past the limit, 'soon' within the shelter's warning window, '' otherwise."""
        if not self.is_present:
            return ""
        now = now or timezone.now()
        if now >= self.limit_at:
            return "over"
        if now >= self.limit_at - datetime.timedelta(hours=self.shelter.warning_hours):
            return "soon"
        return ""
