"""Networks and coordination: member organisations, meetings, and the agreements they make."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from retorno.lib.workflow import StatusChange, StatusPipeline
from retorno.outreach.models.common import NON_NEGATIVE


class Network(models.Model):
    class Kind(models.TextChoices):
        DEPARTMENTAL = "departmental", _("Departmental network against trafficking")
        WORKING_GROUP = "working_group", _("Working group")
        CIVIL_SOCIETY = "civil_society", _("Civil-society network")
        INTER_INSTITUTIONAL = "inter_institutional", _("Inter-institutional round table")

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    department = models.ForeignKey(
        "geo.Department",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("department"),
    )
    coordinator = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("coordinated by"),
    )
    purpose = models.TextField(_("purpose"), blank=True)
    founded_on = models.DateField(_("founded on"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        verbose_name = _("network")
        verbose_name_plural = _("networks")

    def __str__(self) -> str:
        return self.name


class NetworkMember(models.Model):
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="members")
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("organisation")
    )
    representative = models.CharField(_("representative"), max_length=200, blank=True)
    representative_position = models.CharField(_("position"), max_length=120, blank=True)
    joined_on = models.DateField(_("joined on"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("member")
        verbose_name_plural = _("members")
        constraints = [models.UniqueConstraint(fields=["network", "organisation"], name="unique_network_member")]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.network}"


class Meeting(models.Model):
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    agenda = models.TextField(_("agenda"))
    minutes = models.TextField(_("minutes"), blank=True)
    organisations_present = models.ManyToManyField(
        "accounts.Organisation", blank=True, related_name="+", verbose_name=_("organisations present")
    )
    people_present = models.PositiveIntegerField(_("people present"), default=0, validators=NON_NEGATIVE)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return f"{self.network} · {self.date:%d/%m/%Y}"


class NetworkAgreement(StatusPipeline, models.Model):
    """A commitment a network made at a meeting: who owns it and by when."""

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("commitment status", "Open")
        DONE = "done", pgettext_lazy("commitment status", "Met")
        DROPPED = "dropped", _("Dropped")

    TRANSITIONS = {
        Status.OPEN: frozenset({Status.DONE, Status.DROPPED}),
        Status.DONE: frozenset(),
        Status.DROPPED: frozenset(),
    }
    STATUS_TONES = {Status.OPEN: "warn", Status.DONE: "ok", Status.DROPPED: "danger"}
    HISTORY = "status_changes"

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="agreements")
    meeting = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="agreements", verbose_name=_("meeting")
    )
    commitment = models.CharField(_("commitment"), max_length=500)
    owner = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("responsible")
    )
    due_on = models.DateField(_("due on"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    status_changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("network agreement")
        verbose_name_plural = _("network agreements")

    def __str__(self) -> str:
        return self.commitment

    @property
    def is_overdue(self) -> bool:
        return self.status == self.Status.OPEN and self.due_on < timezone.localdate()


class NetworkAgreementChange(StatusChange):
    agreement = models.ForeignKey(NetworkAgreement, on_delete=models.CASCADE, related_name="status_changes")
