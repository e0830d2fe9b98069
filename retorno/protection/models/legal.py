"""The criminal case with the Public Prosecutor's Office and its steps."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from retorno.lib.crypto import EncryptedCharField, EncryptedTextField
from retorno.lib.workflow import StatusChange, StatusPipeline
from retorno.protection.models.base import USER, SealedModel
from retorno.protection.models.cases import ProtectionCase


class LegalCase(StatusPipeline, SealedModel):
    """The criminal case with the Public Prosecutor's Office (Ministerio Público)."""

    class Status(models.TextChoices):
        COMPLAINT_FILED = "complaint_filed", _("Complaint filed")
        INVESTIGATION = "investigation", _("Investigation")
        PROSECUTION = "prosecution", _("Prosecution")
        CONVICTION = "conviction", _("Verdict: conviction")
        ACQUITTAL = "acquittal", _("Verdict: acquittal")
        DISMISSAL = "dismissal", _("Dismissal")

    TRANSITIONS = {
        Status.COMPLAINT_FILED: {Status.INVESTIGATION, Status.DISMISSAL},
        Status.INVESTIGATION: {Status.PROSECUTION, Status.DISMISSAL},
        Status.PROSECUTION: {Status.CONVICTION, Status.ACQUITTAL, Status.DISMISSAL},
        Status.CONVICTION: set(),
        Status.ACQUITTAL: set(),
        Status.DISMISSAL: set(),
    }

    # The directory's kinds a prosecutor's office is chosen from: the MP and its units (fiscalías).
    PROSECUTOR_KINDS = ("prosecution",)

    case = models.OneToOneField(ProtectionCase, on_delete=models.CASCADE, related_name="legal_case")
    complaint_number = EncryptedCharField(_("complaint number (MP)"), max_length=60)
    # The office's name as recorded (older rows: as typed); ``prosecutor_office_org`` is the office.
    prosecutor_office = models.CharField(_("prosecutor's office"), max_length=200)
    # The directory entry (chosen since the directory exists; older rows linked by migration 0003).
    prosecutor_office_org = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("prosecutor's office (directory)"),
    )
    prosecutor = EncryptedCharField(_("prosecutor"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.COMPLAINT_FILED)
    filed_on = models.DateField(_("complaint filed on"))
    witness_protection = models.BooleanField(_("in witness protection"), default=False)
    witness_protection_note = EncryptedTextField(_("witness protection notes"), blank=True)
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    @property
    def is_concluded(self) -> bool:
        return not self.TRANSITIONS[self.status]


class LegalStatusChange(SealedModel, StatusChange):
    """One step of a legal case with the date it happened (``on``); written by the legal-case actions,
    not by ``transition`` itself, since each step carries its own date."""

    legal_case = models.ForeignKey(LegalCase, on_delete=models.CASCADE, related_name="changes")
    on = models.DateField(_("date"))

    class Meta(StatusChange.Meta):
        ordering = ["on", "at", "id"]

    @property
    def to_label(self) -> str:
        return str(dict(LegalCase.Status.choices).get(self.to_status, self.to_status))
