"""The reintegration case: one per consenting person, with a plan, goals and an officer."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from retorno.lib.workflow import StatusPipeline

PLAN_DEADLINE_DAYS = 30  # the plan is agreed within a month of return


class ReintegrationCase(StatusPipeline, models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open: plan being prepared")
        ACTIVE = "active", _("Active: plan agreed")
        CLOSED = "closed", _("Closed")
        REMIGRATED = "remigrated", _("Re-migrated")

    TRANSITIONS = {
        Status.OPEN: {Status.ACTIVE, Status.CLOSED, Status.REMIGRATED},
        Status.ACTIVE: {Status.CLOSED, Status.REMIGRATED},
        Status.CLOSED: {Status.ACTIVE},  # reopened
        Status.REMIGRATED: set(),
    }
    STATUS_TONES = {Status.ACTIVE: "ok", Status.REMIGRATED: "danger", Status.OPEN: "warn", Status.CLOSED: "warn"}
    LIVE = (Status.OPEN, Status.ACTIVE)

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="reintegration_cases", verbose_name=_("person")
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("officer")
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.OPEN)
    returned_on = models.DateField(_("returned on"))
    opened_on = models.DateField(_("opened on"), default=timezone.localdate)
    goals = models.TextField(_("plan summary"), blank=True)
    plan_agreed_on = models.DateField(_("plan agreed on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    close_reason = models.CharField(_("reason"), max_length=300, blank=True)
    remigrated_on = models.DateField(_("re-migration noticed on"), null=True, blank=True)
    status_changed_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-opened_on", "-id"]
        verbose_name = _("reintegration case")
        verbose_name_plural = _("reintegration cases")
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=Q(status__in=["open", "active"]), name="one_live_case_per_person"
            )
        ]

    def __str__(self) -> str:
        return _("Case %(id)s") % {"id": self.pk}

    @property
    def plan_deadline(self) -> datetime.date:
        return self.returned_on + datetime.timedelta(days=PLAN_DEADLINE_DAYS)

    @property
    def plan_late(self) -> bool:
        """The plan was (or still is not) agreed within a month of return."""
        if self.plan_agreed_on:
            return self.plan_agreed_on > self.plan_deadline
        return self.status in self.LIVE and timezone.localdate() > self.plan_deadline


class PlanGoal(StatusPipeline, models.Model):
    class Area(models.TextChoices):
        DOCUMENTS = "documents", _("Documents")
        TRAINING = "training", _("Training")
        EMPLOYMENT = "employment", _("Employment")
        BUSINESS = "business", _("Own business")
        PSYCHOSOCIAL = "psychosocial", _("Psychosocial and community")
        HOUSING = "housing", _("Housing")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        OPEN = "open", _("In progress")
        ACHIEVED = "achieved", pgettext_lazy("goal status", "Achieved")
        DROPPED = "dropped", pgettext_lazy("goal status", "Dropped")

    TRANSITIONS = {
        Status.OPEN: {Status.ACHIEVED, Status.DROPPED},
        Status.ACHIEVED: {Status.OPEN},
        Status.DROPPED: {Status.OPEN},
    }
    STATUS_TONES = {Status.ACHIEVED: "ok", Status.DROPPED: "danger", Status.OPEN: "warn"}

    case = models.ForeignKey(ReintegrationCase, on_delete=models.CASCADE, related_name="goals_set")
    area = models.CharField(_("area"), max_length=12, choices=Area.choices)
    description = models.CharField(_("goal"), max_length=300)
    target_on = models.DateField(_("target date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    status_changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]
        verbose_name = _("plan goal")
        verbose_name_plural = _("plan goals")

    def __str__(self) -> str:
        return self.description


class Remigration(models.Model):
    """A person was returned again after an earlier return: counted, and shown on the earlier case."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    arrived_on = models.DateField(_("new arrival on"))
    arrival_id = models.PositiveIntegerField(null=True, blank=True, unique=True)
    case = models.ForeignKey(
        ReintegrationCase, on_delete=models.PROTECT, null=True, blank=True, related_name="remigrations"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-arrived_on", "-id"]
        verbose_name = _("re-migration")
        verbose_name_plural = _("re-migrations")

    def __str__(self) -> str:
        return f"{self.person_id} {self.arrived_on}"
