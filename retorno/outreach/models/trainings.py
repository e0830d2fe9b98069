"""Trainings of officials and partners: courses, sessions, the participants' register, attendance, scores."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from retorno.lib.text import fold
from retorno.lib.workflow import StatusChange, StatusPipeline
from retorno.outreach.models.common import SCORE, Audience, Sex


class Participant(models.Model):
    """An official or partner staff member who takes part in trainings (never a returnee).

    ``match_key`` (folded name + institution) recognises a repeat participant.
    """

    full_name = models.CharField(_("full name"), max_length=200)
    institution = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("institution")
    )
    position = models.CharField(_("position"), max_length=120)
    department = models.ForeignKey(
        "geo.Department",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("department"),
    )
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    match_key = models.CharField(max_length=260, editable=False, db_index=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["full_name", "id"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [models.UniqueConstraint(fields=["match_key"], name="unique_participant_per_institution")]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.institution})"

    @staticmethod
    def key_for(full_name: str, institution_id: int) -> str:
        return f"{fold(full_name)}|{institution_id}"


class Training(StatusPipeline, models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        HELD = "held", _("Held")
        CLOSED = "closed", _("Closed (results final)")
        CANCELLED = "cancelled", pgettext_lazy("training status", "Cancelled")

    class Topic(models.TextChoices):
        TRAFFICKING = "trafficking", _("Trafficking in persons")
        FORENSIC_INTERVIEW = "forensic_interview", _("Forensic interviewing")
        MIGRANT_RIGHTS = "migrant_rights", _("Rights of migrants and returnees")
        CHILD_PROTECTION = "child_protection", _("Protection of children and adolescents")
        REFERRAL = "referral", _("Referral routes and victim care")
        ORGANISATIONAL = "organisational", _("Organisational strengthening")
        OTHER = "other", _("Other")

    class Modality(models.TextChoices):
        IN_PERSON = "in_person", pgettext_lazy("training format", "In person")
        VIRTUAL = "virtual", _("Virtual")
        MIXED = "mixed", _("Mixed")

    TRANSITIONS = {
        Status.PLANNED: frozenset({Status.HELD, Status.CANCELLED}),
        Status.HELD: frozenset({Status.CLOSED}),
        Status.CLOSED: frozenset(),
        Status.CANCELLED: frozenset(),
    }
    STATUS_TONES = {Status.HELD: "warn", Status.CLOSED: "ok", Status.CANCELLED: "danger"}
    HISTORY = "status_changes"

    title = models.CharField(_("title"), max_length=200)
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices)
    institutions = models.ManyToManyField(
        "accounts.Organisation", blank=True, related_name="+", verbose_name=_("institutions invited")
    )
    modality = models.CharField(_("modality"), max_length=10, choices=Modality.choices, default=Modality.IN_PERSON)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    department = models.ForeignKey(
        "geo.Department",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("department"),
    )
    trainers = models.CharField(_("trainers"), max_length=300, blank=True)
    materials = models.TextField(_("materials"), blank=True)
    cost = models.DecimalField(
        _("cost (GTQ)"), max_digits=12, decimal_places=2, default=Decimal("0"), validators=[MinValueValidator(0)]
    )
    budget_line = models.ForeignKey(
        "funding.BudgetLine",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("budget line"),
    )
    pass_mark = models.PositiveSmallIntegerField(_("post-test mark for a certificate"), default=60, validators=SCORE)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PLANNED)
    status_changed_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("training")
        verbose_name_plural = _("trainings")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The training cannot end before it starts.")})


class TrainingChange(StatusChange):
    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="status_changes")


class TrainingSession(models.Model):
    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField(_("date"))
    subject = models.CharField(_("subject"), max_length=200)
    hours = models.DecimalField(
        _("hours"), max_digits=4, decimal_places=1, default=Decimal("4"), validators=[MinValueValidator(0)]
    )

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} · {self.subject}"


class Enrolment(models.Model):
    """A participant in one training, with the pre- and post-test scores (0–100)."""

    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="enrolments")
    participant = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="enrolments")
    pre_score = models.PositiveSmallIntegerField(_("pre-test score"), null=True, blank=True, validators=SCORE)
    post_score = models.PositiveSmallIntegerField(_("post-test score"), null=True, blank=True, validators=SCORE)
    enrolled_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["participant__full_name", "id"]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [models.UniqueConstraint(fields=["training", "participant"], name="unique_enrolment")]

    def __str__(self) -> str:
        return f"{self.participant} · {self.training}"

    @property
    def certificate_number(self) -> str:
        return f"CAP-{self.training_id:04d}-{self.pk:05d}"


class SessionAttendance(models.Model):
    session = models.ForeignKey(TrainingSession, on_delete=models.CASCADE, related_name="attendance")
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attendance")
    present = models.BooleanField(_("present"), default=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [models.UniqueConstraint(fields=["session", "enrolment"], name="unique_attendance")]

    def __str__(self) -> str:
        return f"{self.enrolment} · {self.session}"
