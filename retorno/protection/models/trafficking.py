"""Trafficking: the identification protocol, risk assessments and support services."""

import json

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from retorno.lib.crypto import EncryptedCharField, EncryptedTextField
from retorno.protection.models.base import USER, SealedModel
from retorno.protection.models.cases import ProtectionCase


class Identification(SealedModel):
    """One run of the identification protocol; answers are saved as they come (interruptible)."""

    class Result(models.TextChoices):
        PENDING = "pending", _("Not concluded")
        NONE = "none", _("No indicators")
        POSSIBLE = "possible", _("Possible victim")
        PROBABLE = "probable", _("Probable victim")
        CONFIRMED = "confirmed", _("Confirmed by the competent authority")

    class Authority(models.TextChoices):
        """HTCDS ``vic_TraffickingStatusDecisionMakingOrg``."""

        POLICE = "Police", _("Police")
        NGO = "NGO", _("NGO")
        COURT_OR_PROSECUTION = "CourtOrProsecution", _("Court or prosecution")
        NON_POLICE_GOVERNMENT = "NonPoliceGovernmentalOrganization", _("Non-police government body")
        OTHER = "Other", _("Other")

    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="identifications")
    started_at = models.DateTimeField(default=timezone.now)
    started_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(default=timezone.now)
    answers_sealed = EncryptedTextField(blank=True)
    result = models.CharField(_("result"), max_length=10, choices=Result.choices, default=Result.PENDING)
    decided_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    authority = models.CharField(_("deciding authority"), max_length=40, choices=Authority.choices, blank=True)
    authority_name = EncryptedCharField(_("who decided (authority, office)"), max_length=200, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]

    @property
    def answers(self) -> dict:
        return json.loads(self.answers_sealed) if self.answers_sealed else {}

    @answers.setter
    def answers(self, value: dict) -> None:
        self.answers_sealed = json.dumps(value, sort_keys=True)


class RiskAssessment(SealedModel):
    class Level(models.TextChoices):
        LOW = "low", _("Low")
        MEDIUM = "medium", _("Medium")
        HIGH = "high", _("High")

    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="risk_assessments")
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    level = models.CharField(_("risk level"), max_length=10, choices=Level.choices)
    risk_factors = EncryptedTextField(_("risk factors"), blank=True)
    safety_plan = EncryptedTextField(_("safety plan"), blank=True)

    class Meta:
        ordering = ["-at", "-id"]


class SupportService(SealedModel):
    class Type(models.TextChoices):
        """HTCDS ``spl_Type``."""

        EDUCATION = "Education", pgettext_lazy("support service", "Education")
        FINANCIAL = "Financial", _("Financial")
        HEALTH = "Health", _("Health")
        LABOUR_REHAB = "LabourExploitationRehabilitation", _("Labour-exploitation rehabilitation")
        LEGAL = "Legal", _("Legal")
        LIVELIHOOD = "Livelihood", _("Livelihood")
        RIGHTS_TRAINING = "RightsBasedTraining", _("Rights-based training")
        SEXUAL_REHAB = "SexualExploitationRehabilitation", _("Sexual-exploitation rehabilitation")
        SOCIAL_CARE = "SocialCare", _("Social care")

    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="support_services")
    type = models.CharField(_("type"), max_length=40, choices=Type.choices)
    description = EncryptedTextField(_("description"), blank=True)
    started_on = models.DateField(_("started"))
    planned_end_on = models.DateField(_("planned end"), null=True, blank=True)
    ended_on = models.DateField(_("ended"), null=True, blank=True)
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-started_on", "-id"]
