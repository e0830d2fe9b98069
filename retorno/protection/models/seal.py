"""The seal: emergency (break-the-glass) access and in-app notifications."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from retorno.protection.models.base import USER, SealedModel
from retorno.protection.models.cases import ProtectionCase


class BreakGlassAccess(SealedModel):
    class Outcome(models.TextChoices):
        JUSTIFIED = "justified", _("Justified")
        NOT_JUSTIFIED = "not_justified", _("Not justified")

    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="break_glass")
    user = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("stated reason"))
    granted_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    reviewed_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(_("review outcome"), max_length=15, choices=Outcome.choices, blank=True)
    review_note = models.TextField(_("review note"), blank=True)

    class Meta:
        ordering = ["-granted_at", "-id"]


class Notification(SealedModel):
    """An in-app message to one user (no tier-2 content: only what happened and where)."""

    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="protection_notifications")
    message = models.CharField(max_length=300)
    url = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
