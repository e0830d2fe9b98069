"""The optional, consented migration history asked at reception after triage.

Nothing is compulsory: the person first agrees or refuses (a refusal is stored as a refusal,
with no answers), and each question may then be answered, left blank, or answered "prefers not
to say", which is kept apart from blank.

Tiers (docs/migration-history.md): the answers are tier-1 arrival data, read only by the desk
and managers; the use and cost of a smuggler is sealed (tier 2): the amount is encrypted, only
protection officers read it back (every read audited), and the two plain codes beside it
(used yes/no, cost band) exist only for the GROUP BY of the always-protected statistics.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from retorno.lib.crypto import EncryptedCharField
from retorno.reception.models.arrivals import Arrival

DECLINED_LABEL = _("Prefers not to say")


class MigrationHistory(models.Model):
    class Consent(models.TextChoices):
        AGREED = "agreed", _("Agreed to answer")
        REFUSED = "refused", _("Refused")
        NOT_ASKED = "not_asked", _("Not asked")

    class Answer(models.TextChoices):
        YES = "yes", _("Yes")
        NO = "no", _("No")
        DECLINED = "declined", DECLINED_LABEL

    class CostBand(models.TextChoices):
        """The smuggler's price in US dollars, in bands (the exact amount is sealed)."""

        UNDER_2000 = "lt2000", _("Under US$ 2,000")
        FROM_2000 = "2000", _("US$ 2,000–4,999")
        FROM_5000 = "5000", _("US$ 5,000–9,999")
        FROM_10000 = "10000", _("US$ 10,000–14,999")
        FROM_15000 = "15000", _("US$ 15,000 or more")
        UNKNOWN = "unknown", _("Amount given, no exchange rate to dollars")
        DECLINED = "declined", DECLINED_LABEL

    arrival = models.OneToOneField(Arrival, on_delete=models.PROTECT, related_name="migration_history")
    consent = models.CharField(_("consent"), max_length=10, choices=Consent.choices)
    years_abroad = models.PositiveSmallIntegerField(_("years abroad"), null=True, blank=True)
    years_abroad_declined = models.BooleanField(default=False)
    countries = models.ManyToManyField("geo.Country", blank=True, related_name="+", verbose_name=_("countries"))
    countries_declined = models.BooleanField(default=False)
    family_abroad = models.CharField(_("family abroad"), max_length=10, choices=Answer.choices, blank=True)
    previous_deportations = models.PositiveSmallIntegerField(_("previous deportations"), null=True, blank=True)
    previous_deportations_declined = models.BooleanField(default=False)
    # Sealed: the codes are read by the statistics only; the amount and currency are encrypted.
    smuggler_used = models.CharField(max_length=10, choices=Answer.choices, blank=True)
    smuggler_cost_band = models.CharField(max_length=10, choices=CostBand.choices, blank=True)
    smuggler_cost_sealed = EncryptedCharField(max_length=200, blank=True)
    recorded_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("migration history")
        verbose_name_plural = _("migration histories")
        indexes = [models.Index(fields=["consent"], name="reception_history_consent")]

    def __str__(self) -> str:
        return f"migration history {self.arrival_id}"


class LeavingReason(models.Model):
    """One reason for leaving given by a person (several may be given), or "prefers not to say"."""

    class Reason(models.TextChoices):
        ECONOMIC = "economic", _("Work and income")
        VIOLENCE = "violence", _("Violence or insecurity")
        FAMILY = "family", _("Family reunification")
        CLIMATE = "climate", _("Climate or disaster")
        EDUCATION = "education", pgettext_lazy("leaving reason", "Education")
        OTHER = "other", _("Other")
        DECLINED = "declined", DECLINED_LABEL

    history = models.ForeignKey(MigrationHistory, on_delete=models.CASCADE, related_name="reasons")
    reason = models.CharField(_("reason for leaving"), max_length=10, choices=Reason.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["history", "reason"], name="one_reason_once_per_history")]

    def __str__(self) -> str:
        return self.reason
