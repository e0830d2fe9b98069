"""Partner strengthening: capacity assessments on a scored checklist, plans, agreements and sub-grants."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from retorno.lib.workflow import StatusChange, StatusPipeline
from retorno.outreach.models.common import NON_NEGATIVE

POSITIVE = [MinValueValidator(Decimal("0.01"))]


class CapacityChecklist(models.Model):
    """A configurable scored checklist (e.g. "Shelter capacity 2012"): criteria grouped by area."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("capacity checklist")
        verbose_name_plural = _("capacity checklists")

    def __str__(self) -> str:
        return self.name


class CapacityCriterion(models.Model):
    checklist = models.ForeignKey(CapacityChecklist, on_delete=models.CASCADE, related_name="criteria")
    area = models.CharField(_("area"), max_length=100)
    text = models.CharField(_("criterion"), max_length=300)
    max_score = models.PositiveSmallIntegerField(_("maximum score"), default=3, validators=[MinValueValidator(1)])
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["checklist", "order", "id"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self) -> str:
        return f"{self.area}: {self.text}"


class CapacityAssessment(models.Model):
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("partner")
    )
    checklist = models.ForeignKey(
        CapacityChecklist, on_delete=models.PROTECT, related_name="assessments", verbose_name=_("checklist")
    )
    assessed_on = models.DateField(_("assessed on"), default=timezone.localdate)
    notes = models.TextField(_("notes"), blank=True)
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-assessed_on", "-id"]
        verbose_name = _("capacity assessment")
        verbose_name_plural = _("capacity assessments")

    def __str__(self) -> str:
        return f"{self.organisation} · {self.assessed_on:%d/%m/%Y}"


class AssessmentScore(models.Model):
    assessment = models.ForeignKey(CapacityAssessment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(CapacityCriterion, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField(_("score"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["assessment", "criterion"], name="unique_assessment_score")]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.score}"

    def clean(self) -> None:
        if self.criterion_id and self.score > self.criterion.max_score:
            raise ValidationError({"score": _("At most %(max)s.") % {"max": self.criterion.max_score}})


class StrengtheningPlan(models.Model):
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("partner")
    )
    assessment = models.ForeignKey(
        CapacityAssessment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plans",
        verbose_name=_("from the assessment"),
    )
    title = models.CharField(_("title"), max_length=200)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("strengthening plan")
        verbose_name_plural = _("strengthening plans")

    def __str__(self) -> str:
        return self.title


class StrengtheningAction(StatusPipeline, models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    TRANSITIONS = {
        Status.PLANNED: frozenset({Status.IN_PROGRESS, Status.DONE, Status.DROPPED}),
        Status.IN_PROGRESS: frozenset({Status.DONE, Status.DROPPED}),
        Status.DONE: frozenset(),
        Status.DROPPED: frozenset(),
    }
    STATUS_TONES = {Status.IN_PROGRESS: "warn", Status.DONE: "ok", Status.DROPPED: "danger"}
    HISTORY = "status_changes"

    plan = models.ForeignKey(StrengtheningPlan, on_delete=models.CASCADE, related_name="actions")
    action = models.CharField(_("action"), max_length=300)
    due_on = models.DateField(_("due on"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PLANNED)
    status_changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("strengthening action")
        verbose_name_plural = _("strengthening actions")

    def __str__(self) -> str:
        return self.action


class StrengtheningActionChange(StatusChange):
    strengthening_action = models.ForeignKey(
        StrengtheningAction, on_delete=models.CASCADE, related_name="status_changes"
    )


class PartnerAgreement(StatusPipeline, models.Model):
    """An agreement or sub-grant with a partner (e.g. funding a shelter), approved by a second person."""

    class Kind(models.TextChoices):
        SUB_GRANT = "sub_grant", _("Sub-grant")
        AGREEMENT = "agreement", _("Cooperation agreement")

    class Currency(models.TextChoices):
        GTQ = "GTQ", _("Quetzales (GTQ)")
        USD = "USD", _("US dollars (USD)")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Awaiting approval")
        APPROVED = "approved", pgettext_lazy("agreement status", "Approved")
        REJECTED = "rejected", pgettext_lazy("agreement status", "Rejected")
        CLOSED = "closed", _("Closed")

    TRANSITIONS = {
        Status.DRAFT: frozenset({Status.SUBMITTED}),
        Status.SUBMITTED: frozenset({Status.APPROVED, Status.REJECTED}),
        Status.REJECTED: frozenset({Status.DRAFT}),
        Status.APPROVED: frozenset({Status.CLOSED}),
        Status.CLOSED: frozenset(),
    }
    STATUS_TONES = {Status.SUBMITTED: "warn", Status.APPROVED: "ok", Status.REJECTED: "danger"}
    HISTORY = "status_changes"

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("partner")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.SUB_GRANT)
    title = models.CharField(_("title"), max_length=200)
    purpose = models.TextField(_("purpose"), blank=True)
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2, validators=POSITIVE)
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.GTQ)
    budget_line = models.ForeignKey(
        "funding.BudgetLine",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("budget line"),
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    status_changed_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("partner agreement")
        verbose_name_plural = _("partner agreements")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The agreement cannot end before it starts.")})


class AgreementChange(StatusChange):
    agreement = models.ForeignKey(PartnerAgreement, on_delete=models.CASCADE, related_name="status_changes")


class AgreementTranche(models.Model):
    agreement = models.ForeignKey(PartnerAgreement, on_delete=models.CASCADE, related_name="tranches")
    number = models.PositiveSmallIntegerField(_("tranche"))
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2, validators=POSITIVE)
    due_on = models.DateField(_("due on"))
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    payment_reference = models.CharField(_("payment reference"), max_length=100, blank=True)
    # The programme ledger's entry that paid it (the donor report counts the same entry).
    payment = models.OneToOneField(
        "funding.LedgerEntry", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["agreement", "number"]
        verbose_name = _("tranche")
        verbose_name_plural = _("tranches")
        constraints = [models.UniqueConstraint(fields=["agreement", "number"], name="unique_agreement_tranche")]

    def __str__(self) -> str:
        return f"{self.agreement} · {self.number}"


class AgreementTarget(models.Model):
    """A target the partner commits to, e.g. 2,000 nights of shelter provided."""

    agreement = models.ForeignKey(PartnerAgreement, on_delete=models.CASCADE, related_name="targets")
    indicator = models.CharField(_("indicator"), max_length=200)
    target = models.PositiveIntegerField(_("target"), validators=NON_NEGATIVE)
    achieved = models.PositiveIntegerField(_("achieved"), default=0, validators=NON_NEGATIVE)

    class Meta:
        ordering = ["agreement", "id"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")

    def __str__(self) -> str:
        return self.indicator


class AgreementReport(models.Model):
    agreement = models.ForeignKey(PartnerAgreement, on_delete=models.CASCADE, related_name="reports")
    title = models.CharField(_("report"), max_length=200)
    due_on = models.DateField(_("due on"))
    received_on = models.DateField(_("received on"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("report due")
        verbose_name_plural = _("reports due")

    def __str__(self) -> str:
        return self.title

    @property
    def is_overdue(self) -> bool:
        return self.received_on is None and self.due_on < timezone.localdate()
