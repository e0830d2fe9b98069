"""Reintegration's payments: each is also an entry in the programme ledger (``retorno.funding``),
against a donor's budget line, written in the same transaction."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from retorno.reintegration.models.services import POSITIVE


class Payment(models.Model):
    class Purpose(models.TextChoices):
        DOCUMENTS = "documents", _("Document fees")
        TRAINING = "training", _("Training fees")
        GRANT = "grant", _("Business grant")
        TRANSPORT = "transport", _("Transport")
        OTHER = "other", _("Other")

    budget_line = models.ForeignKey(
        "funding.BudgetLine", on_delete=models.PROTECT, related_name="payments", verbose_name=_("budget line")
    )
    amount = models.DecimalField(_("amount (GTQ)"), max_digits=12, decimal_places=2, validators=POSITIVE)
    purpose = models.CharField(_("purpose"), max_length=10, choices=Purpose.choices)
    paid_on = models.DateField(_("paid on"), default=timezone.localdate)
    payee = models.CharField(_("paid to"), max_length=200, blank=True)
    reference = models.CharField(_("receipt or reference"), max_length=100, blank=True)
    case = models.ForeignKey(
        "reintegration.ReintegrationCase", on_delete=models.PROTECT, null=True, blank=True, related_name="payments"
    )
    document = models.ForeignKey(
        "reintegration.DocumentRequest", on_delete=models.PROTECT, null=True, blank=True, related_name="payments"
    )
    enrolment = models.ForeignKey(
        "reintegration.Enrolment", on_delete=models.PROTECT, null=True, blank=True, related_name="payments"
    )
    tranche = models.OneToOneField(
        "reintegration.GrantTranche", on_delete=models.PROTECT, null=True, blank=True, related_name="payment"
    )
    # Set only when a manager let the budget line go below zero.
    override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    override_reason = models.CharField(_("reason for exceeding the budget"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-paid_on", "-id"]
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        indexes = [models.Index(fields=["budget_line", "paid_on"])]

    def __str__(self) -> str:
        return f"Q{self.amount} · {self.budget_line.code}"
