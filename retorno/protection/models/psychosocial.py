"""Psychosocial care: assessments, sessions and the follow-up plan."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from retorno.lib.crypto import EncryptedTextField
from retorno.protection.models.base import USER, SealedModel
from retorno.protection.models.cases import ProtectionCase


class PsychosocialAssessment(SealedModel):
    class Distress(models.TextChoices):
        NONE = "none", _("No distress observed")
        MILD = "mild", _("Mild")
        MODERATE = "moderate", _("Moderate")
        SEVERE = "severe", _("Severe")

    class RiskToSelf(models.TextChoices):
        NONE = "none", _("None identified")
        LOW = "low", _("Low")
        MODERATE = "moderate", _("Moderate")
        HIGH = "high", _("High — act now")

    class Need(models.TextChoices):
        EMOTIONAL_SUPPORT = "emotional_support", _("Emotional support")
        MENTAL_HEALTH = "mental_health", _("Specialised mental-health care")
        MEDICAL = "medical", _("Medical care for injuries")
        PROSTHETICS = "prosthetics", _("Prosthetics or rehabilitation")
        FAMILY_CONTACT = "family_contact", _("Contact with family")
        SHELTER = "shelter", _("Safe place to stay")
        PROTECTION = "protection", _("Protection assessment")

    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="assessments")
    at = models.DateTimeField(_("when"), default=timezone.now)
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    distress = models.CharField(_("distress level"), max_length=10, choices=Distress.choices)
    risk_to_self = models.CharField(_("risk to self"), max_length=10, choices=RiskToSelf.choices)
    needs = models.JSONField(_("needs"), default=list, blank=True)
    observations = EncryptedTextField(_("observations"), blank=True)

    class Meta:
        ordering = ["-at", "-id"]

    def get_needs_display(self) -> list[str]:
        labels = dict(self.Need.choices)
        return [str(labels.get(n, n)) for n in self.needs]


class PsychosocialSession(SealedModel):
    class Kind(models.TextChoices):
        INDIVIDUAL = "individual", _("Individual")
        GROUP = "group", pgettext_lazy("session format", "Group")

    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="sessions")
    at = models.DateTimeField(_("when"), default=timezone.now)
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"))
    notes = EncryptedTextField(_("session notes"), blank=True)

    class Meta:
        ordering = ["-at", "-id"]


class FollowUpPlan(SealedModel):
    case = models.OneToOneField(ProtectionCase, on_delete=models.CASCADE, related_name="follow_up_plan")
    goals = EncryptedTextField(_("goals and agreed actions"))
    next_review_on = models.DateField(_("next review"))
    every_weeks = models.PositiveSmallIntegerField(_("review every (weeks)"), default=4)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
