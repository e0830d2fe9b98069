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
