"""A case, who works on it, its status history and its notes."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from retorno.lib.crypto import EncryptedTextField
from retorno.lib.workflow import StatusChange, StatusPipeline
from retorno.protection.models.base import USER, CaseKind, SealedModel


class ProtectionCase(StatusPipeline, SealedModel):
    """One sealed case about one person. Statuses follow HTCDS ``cas_Status``."""

    class Status(models.TextChoices):
        ACTIVE = "Active", _("Active")
        FOLLOW_UP = "FollowUp", _("Follow-up")
        CLOSED = "Closed", _("Closed")
        CLOSED_REFERRED = "ClosedReferred", _("Closed (referred)")

    TRANSITIONS = {
        Status.ACTIVE: {Status.FOLLOW_UP, Status.CLOSED, Status.CLOSED_REFERRED},
        Status.FOLLOW_UP: {Status.ACTIVE, Status.CLOSED, Status.CLOSED_REFERRED},
        Status.CLOSED: {Status.ACTIVE},
        Status.CLOSED_REFERRED: {Status.ACTIVE},
    }
    CLOSED_STATUSES = (Status.CLOSED, Status.CLOSED_REFERRED)
    HISTORY = "status_changes"

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="protection_cases")
    kind = models.CharField(_("kind"), max_length=20, choices=CaseKind.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    referral = models.ForeignKey(
        "protection.ProtectionReferral", on_delete=models.PROTECT, null=True, blank=True, related_name="cases"
    )
    arrival_id = models.BigIntegerField(_("arrival"), null=True, blank=True, db_index=True)
    opened_at = models.DateTimeField(_("opened"), default=timezone.now)
    opened_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closure_reason = EncryptedTextField(_("reason for closure"), blank=True)

    class Meta:
        ordering = ["-opened_at", "-id"]
        verbose_name = _("protection case")
        verbose_name_plural = _("protection cases")

    @property
    def is_closed(self) -> bool:
        return self.status in self.CLOSED_STATUSES


class CaseAssignment(SealedModel):
    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="assignments")
    user = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="protection_assignments")
    assigned_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    assigned_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["case", "user"], condition=models.Q(ended_at__isnull=True), name="one_live_assignment"
            )
        ]


class CaseStatusChange(SealedModel, StatusChange):
    """One move of a case along its pipeline (``lib.workflow`` history; its text form stays sealed)."""

    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="status_changes")

    class Meta(StatusChange.Meta):
        pass

    @property
    def to_label(self) -> str:
        return str(dict(ProtectionCase.Status.choices).get(self.to_status, self.to_status))


class CaseNote(SealedModel):
    """A narrative note (tier 2, encrypted)."""

    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="notes")
    text = EncryptedTextField(_("note"))
    author = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]
