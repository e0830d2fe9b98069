"""Follow-ups after an arrival or a service: attempts to reach the person and the outcomes found."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from retorno.lib.workflow import StatusPipeline
from retorno.reintegration.models.reference import FollowUpTrigger


class FollowUp(StatusPipeline, models.Model):
    class Status(models.TextChoices):
        DUE = "due", pgettext_lazy("follow-up status", "Due")
        DONE = "done", _("Done")
        UNREACHABLE = "unreachable", _("Could not be reached")
        CANCELLED = "cancelled", _("Cancelled")
        REMIGRATED = "remigrated", _("Re-migrated before it fell due")

    TRANSITIONS = {
        Status.DUE: {Status.DONE, Status.UNREACHABLE, Status.CANCELLED, Status.REMIGRATED},
        Status.UNREACHABLE: {Status.DUE},
        Status.DONE: set(),
        Status.CANCELLED: {Status.DUE},
        Status.REMIGRATED: set(),
    }
    STATUS_TONES = {
        Status.DONE: "ok",
        Status.UNREACHABLE: "danger",
        Status.CANCELLED: "danger",
        Status.REMIGRATED: "danger",
        Status.DUE: "warn",
    }

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(
        "reintegration.ReintegrationCase", on_delete=models.PROTECT, null=True, blank=True, related_name="followups"
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("officer"),
    )
    trigger = models.CharField(_("after"), max_length=10, choices=FollowUpTrigger.choices)
    base_date = models.DateField(_("counted from"))
    months_after = models.PositiveIntegerField(_("months after"))
    due_on = models.DateField(_("due on"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DUE)
    arrival_id = models.PositiveIntegerField(null=True, blank=True)
    document = models.ForeignKey(
        "reintegration.DocumentRequest", on_delete=models.PROTECT, null=True, blank=True, related_name="followups"
    )
    enrolment = models.ForeignKey(
        "reintegration.Enrolment", on_delete=models.PROTECT, null=True, blank=True, related_name="followups"
    )
    job_referral = models.ForeignKey(
        "reintegration.JobReferral", on_delete=models.PROTECT, null=True, blank=True, related_name="followups"
    )
    grant = models.ForeignKey(
        "reintegration.BusinessGrant", on_delete=models.PROTECT, null=True, blank=True, related_name="followups"
    )
    remigrated_on = models.DateField(_("re-migration noticed on"), null=True, blank=True)
    status_changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        indexes = [models.Index(fields=["officer", "status", "due_on"]), models.Index(fields=["person", "base_date"])]

    def __str__(self) -> str:
        months = self.months_after
        return ngettext("%(months)s-month follow-up", "%(months)s-month follow-up", months) % {"months": months}


class FollowUpAttempt(models.Model):
    class Channel(models.TextChoices):
        PHONE = "phone", _("Phone")
        WHATSAPP = "whatsapp", _("WhatsApp")
        IN_PERSON = "in_person", _("In person")
        SELF_REPORT = "form", _("Answered the form themselves")

    followup = models.ForeignKey(FollowUp, on_delete=models.PROTECT, related_name="attempts")
    at = models.DateTimeField(_("when"), default=timezone.now)
    channel = models.CharField(_("how"), max_length=10, choices=Channel.choices)
    reached = models.BooleanField(_("reached"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("follow-up attempt")
        verbose_name_plural = _("follow-up attempts")

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.at:%Y-%m-%d}"


class FollowUpOutcome(models.Model):
    """What a follow-up found, with the raw RSS answers and the scores computed from them."""

    class Working(models.TextChoices):
        FORMAL = "formal", _("Working, formal job")
        INFORMAL = "informal", _("Working, informal")
        SELF_EMPLOYED = "self_employed", _("Own business")
        NONE = "none", _("Not working")

    class IncomeBand(models.TextChoices):
        NONE = "none", _("No income")
        UNDER_1500 = "lt1500", _("Under Q1,500 a month")
        FROM_1500 = "1500_3000", _("Q1,500 to Q3,000")
        FROM_3000 = "3000_5000", _("Q3,000 to Q5,000")
        OVER_5000 = "gt5000", _("Over Q5,000")
        NOT_STATED = "not_stated", _("Not stated")

    class Intention(models.TextChoices):
        NO = "no", _("No")
        UNSURE = "unsure", _("Not sure")
        YES = "yes", _("Yes")
        NOT_STATED = "not_stated", _("Not stated")

    followup = models.OneToOneField(FollowUp, on_delete=models.PROTECT, related_name="outcome")
    working = models.CharField(_("working"), max_length=14, choices=Working.choices)
    income_band = models.CharField(_("monthly income"), max_length=10, choices=IncomeBand.choices)
    business_operating = models.BooleanField(_("business still operating"), null=True, blank=True)
    still_with_employer = models.BooleanField(_("still with the employer referred to"), null=True, blank=True)
    living_in = models.ForeignKey(
        "geo.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("living in (municipality)"),
    )
    intends_to_migrate = models.CharField(_("intends to migrate again"), max_length=10, choices=Intention.choices)
    rss_answers = models.JSONField(_("survey answers"), default=dict, blank=True)
    rss_version = models.CharField(max_length=20, blank=True)
    economic_score = models.FloatField(null=True, blank=True)
    social_score = models.FloatField(null=True, blank=True)
    psychosocial_score = models.FloatField(null=True, blank=True)
    composite_score = models.FloatField(null=True, blank=True)
    remigrated_on = models.DateField(_("re-migration noticed on"), null=True, blank=True)
    self_reported = models.BooleanField(_("answered by the person through a link"), default=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("follow-up outcome")
        verbose_name_plural = _("follow-up outcomes")

    def __str__(self) -> str:
        return f"{self.followup}: {self.get_working_display()}"


class FollowUpInvitation(models.Model):
    """A single-use signed link that lets the returnee answer a follow-up from their own phone.

    Only the SHA-256 of the link's nonce is kept (as for partners' links); answering through any
    invitation of a follow-up closes all of them.
    """

    followup = models.ForeignKey(FollowUp, on_delete=models.PROTECT, related_name="invitations")
    nonce_digest = models.CharField(max_length=64, unique=True)
    channel = models.CharField(_("sent by"), max_length=10)
    language = models.CharField(max_length=5, default="es")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("follow-up invitation")
        verbose_name_plural = _("follow-up invitations")

    def __str__(self) -> str:
        return f"{self.followup} ({self.created_at:%Y-%m-%d})"

    @property
    def state(self) -> str:
        if self.answered_at:
            return "answered"
        return "expired" if self.expires_at <= timezone.now() else "waiting"


class FieldSubmission(models.Model):
    """A KoboToolbox / ODK submission already imported: importing the same export twice adds nothing."""

    uuid = models.CharField(max_length=64, unique=True)
    followup = models.ForeignKey(FollowUp, on_delete=models.PROTECT, related_name="field_submissions")
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    imported_at = models.DateTimeField(default=timezone.now)
    source = models.CharField(max_length=20)

    class Meta:
        verbose_name = _("field submission")
        verbose_name_plural = _("field submissions")

    def __str__(self) -> str:
        return self.uuid
