"""Policy dialogue: national dialogues, congressional commission sessions, legal initiatives."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from retorno.lib.workflow import StatusChange, StatusPipeline
from retorno.outreach.models.common import NON_NEGATIVE


class DialogueEvent(models.Model):
    class Kind(models.TextChoices):
        NATIONAL_DIALOGUE = "national_dialogue", _("National dialogue")
        CONGRESS_SESSION = "congress_session", _("Congressional commission session")
        LEGAL_INITIATIVE = "legal_initiative", _("Legal initiative")
        ROUND_TABLE = "round_table", _("Round table")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    positions_presented = models.TextField(_("positions presented"), blank=True)
    outcomes = models.TextField(_("outcomes"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("dialogue event")
        verbose_name_plural = _("dialogue events")

    def __str__(self) -> str:
        return self.title


class DialogueParticipant(models.Model):
    event = models.ForeignKey(DialogueEvent, on_delete=models.CASCADE, related_name="participants")
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("institution")
    )
    people = models.PositiveIntegerField(_("people"), default=1, validators=NON_NEGATIVE)
    position = models.CharField(_("position it presented"), max_length=500, blank=True)

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("participating institution")
        verbose_name_plural = _("participating institutions")
        constraints = [models.UniqueConstraint(fields=["event", "organisation"], name="unique_dialogue_participant")]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.event}"


class DialogueFollowUp(StatusPipeline, models.Model):
    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("commitment status", "Open")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    TRANSITIONS = {
        Status.OPEN: frozenset({Status.DONE, Status.DROPPED}),
        Status.DONE: frozenset(),
        Status.DROPPED: frozenset(),
    }
    STATUS_TONES = {Status.OPEN: "warn", Status.DONE: "ok", Status.DROPPED: "danger"}
    HISTORY = "status_changes"

    event = models.ForeignKey(DialogueEvent, on_delete=models.CASCADE, related_name="follow_ups")
    action = models.CharField(_("follow-up action"), max_length=500)
    owner = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("responsible")
    )
    due_on = models.DateField(_("due on"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    status_changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")

    def __str__(self) -> str:
        return self.action


class DialogueFollowUpChange(StatusChange):
    follow_up = models.ForeignKey(DialogueFollowUp, on_delete=models.CASCADE, related_name="status_changes")
