"""Family tracing and reunification of an unaccompanied minor (tier 2, sealed).

A tracing request names one family member sought; dated steps record each attempt to find
them; a family assessment weighs the caregiver found before the minor is handed over; and
follow-up visits check on the child after reunification. Modelled on how child-protection
case management systems (Primero's tracing requests, reunification and follow-up) keep them.
Names, addresses, phone numbers and notes are encrypted; the choices and dates are not, so
worklists and counts need no decryption.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from retorno.lib.crypto import EncryptedCharField, EncryptedTextField
from retorno.lib.workflow import StatusChange, StatusPipeline
from retorno.protection.models.base import USER, SealedModel
from retorno.protection.models.cases import ProtectionCase


class Relationship(models.TextChoices):
    """The family member's relationship to the child."""

    MOTHER = "mother", _("Mother")
    FATHER = "father", _("Father")
    GRANDPARENT = "grandparent", _("Grandparent")
    SIBLING = "sibling", _("Sibling")
    AUNT_UNCLE = "aunt_uncle", _("Aunt or uncle")
    OTHER_RELATIVE = "other_relative", _("Other relative")
    LEGAL_GUARDIAN = "legal_guardian", _("Legal guardian")
    OTHER = "other", _("Other")


class TracingRequest(StatusPipeline, SealedModel):
    """The search for one family member of a minor, from opening to located, not located or closed."""

    class Status(models.TextChoices):
        # A "solicitud de búsqueda" is feminine: its own context keeps the case's "Cerrado" as it is.
        OPEN = "open", pgettext_lazy("tracing request status", "Open")
        LOCATED = "located", pgettext_lazy("tracing request status", "Located")
        NOT_LOCATED = "not_located", pgettext_lazy("tracing request status", "Not located")
        CLOSED = "closed", pgettext_lazy("tracing request status", "Closed")

    TRANSITIONS = {
        Status.OPEN: frozenset({Status.LOCATED, Status.NOT_LOCATED, Status.CLOSED}),
        Status.LOCATED: frozenset({Status.OPEN, Status.CLOSED}),
        Status.NOT_LOCATED: frozenset({Status.OPEN, Status.CLOSED}),
        Status.CLOSED: frozenset({Status.OPEN}),
    }
    STATUS_TONES = {Status.LOCATED: "ok", Status.NOT_LOCATED: "warn"}
    HISTORY = "status_changes"

    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="tracing_requests")
    sought_name = EncryptedCharField(_("person sought"), max_length=200, blank=True)
    relationship = models.CharField(
        _("relationship to the child"), max_length=20, choices=Relationship.choices, blank=True
    )
    department = models.ForeignKey(
        "geo.Department",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("department"),
    )
    municipality = models.ForeignKey(
        "geo.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )
    address = EncryptedTextField(_("last known address"), blank=True)
    phone = EncryptedCharField(_("phone numbers"), max_length=200, blank=True)
    contacts_tried = EncryptedTextField(_("contacts tried"), blank=True)
    outcome = EncryptedTextField(_("outcome"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    opened_at = models.DateTimeField(_("opened"), default=timezone.now)
    opened_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-opened_at", "-id"]
        verbose_name = _("tracing request")
        verbose_name_plural = _("tracing requests")

    @property
    def details_missing(self) -> bool:
        """Opened from the retired free-text log, which never named who was sought: to complete."""
        return not self.sought_name or not self.relationship

    @property
    def sought_label(self) -> str:
        """Who is sought, for lists and choices; never a blank."""
        name = self.sought_name or str(NAME_MISSING)
        return f"{name} ({self.get_relationship_display()})" if self.relationship else name


NAME_MISSING = _("Name not recorded — complete it")


class TracingStatusChange(SealedModel, StatusChange):
    """One move of a tracing request (``lib.workflow`` history; the outcome itself stays sealed on the request)."""

    request = models.ForeignKey(TracingRequest, on_delete=models.CASCADE, related_name="status_changes")

    class Meta(StatusChange.Meta):
        pass

    @property
    def to_label(self) -> str:
        return str(dict(TracingRequest.Status.choices).get(self.to_status, self.to_status))


class TracingStep(SealedModel):
    """One dated attempt to find the person sought."""

    class Method(models.TextChoices):
        PHONE = "phone", _("Phone call")
        VISIT = "visit", _("Home visit")
        CONSULATE = "consulate", _("Consulate")
        RENAP = "renap", _("RENAP records")
        COMMUNITY = "community", _("Community leaders or neighbours")
        SOCIAL_MEDIA = "social_media", _("Social media")
        PGN = "pgn", _("Through the PGN")
        OTHER = "other", _("Other")

    class Result(models.TextChoices):
        NO_ANSWER = "no_answer", _("No answer")
        LEAD = "lead", _("A lead to follow")
        LOCATED = "located", _("Family located")
        NOT_LOCATED = "not_located", _("Not located")
        REFUSED = "refused", _("Family refused")

    request = models.ForeignKey(TracingRequest, on_delete=models.CASCADE, related_name="steps")
    on = models.DateField(_("date"))
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("by"))
    method = models.CharField(_("method"), max_length=15, choices=Method.choices)
    result = models.CharField(_("result"), max_length=15, choices=Result.choices)
    notes = EncryptedTextField(_("notes"), blank=True)
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        ordering = ["-on", "-recorded_at", "-id"]


class FamilyAssessment(SealedModel):
    """Whether a caregiver found can take the child back: a small scored checklist and a recommendation."""

    class Level(models.IntegerChoices):
        NOT_MET = 0, _("Not met")
        PARTLY = 1, _("Partly met")
        MET = 2, _("Met")

    class Recommendation(models.TextChoices):
        REUNIFY = "reunify", _("Reunify")
        REUNIFY_WITH_SUPPORT = "reunify_with_support", _("Reunify with support")
        DO_NOT_REUNIFY = "do_not_reunify", _("Do not reunify")

    REUNIFY = (Recommendation.REUNIFY, Recommendation.REUNIFY_WITH_SUPPORT)
    SCORED = ("safety", "willingness", "capacity")

    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="family_assessments")
    tracing_request = models.ForeignKey(
        TracingRequest,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assessments",
        verbose_name=_("tracing request"),
    )
    assessed_on = models.DateField(_("assessed on"))
    assessor = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("assessor"))
    caregiver_name = EncryptedCharField(_("caregiver assessed"), max_length=200)
    relationship = models.CharField(_("relationship to the child"), max_length=20, choices=Relationship.choices)
    safety = models.PositiveSmallIntegerField(_("a safe home"), choices=Level.choices)
    willingness = models.PositiveSmallIntegerField(_("willing to care for the child"), choices=Level.choices)
    capacity = models.PositiveSmallIntegerField(_("able to care for the child"), choices=Level.choices)
    child_view_heard = models.BooleanField(_("the child's view was heard"))
    risks_found = models.BooleanField(_("risks found"))
    recommendation = models.CharField(_("recommendation"), max_length=25, choices=Recommendation.choices)
    notes = EncryptedTextField(_("notes"), blank=True)
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-assessed_on", "-id"]
        verbose_name = _("family assessment")

    @property
    def score(self) -> int:
        """Safety, willingness and capacity together, 0 to 6."""
        return self.safety + self.willingness + self.capacity

    @property
    def recommends_reunification(self) -> bool:
        return self.recommendation in self.REUNIFY


class ReunificationVisit(SealedModel):
    """A follow-up visit to a child after the handover to the family: scheduled, then done."""

    class Wellbeing(models.IntegerChoices):
        VERY_POOR = 1, _("Very poor")
        POOR = 2, _("Poor")
        FAIR = 3, _("Fair")
        GOOD = 4, _("Good")
        VERY_GOOD = 5, _("Very good")

    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="reunification_visits")
    scheduled_on = models.DateField(_("scheduled for"))
    scheduled_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    done_on = models.DateField(_("done on"), null=True, blank=True)
    visitor = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("visited by")
    )
    wellbeing = models.PositiveSmallIntegerField(
        _("the child's situation"), choices=Wellbeing.choices, null=True, blank=True
    )
    concerns = EncryptedTextField(_("concerns"), blank=True)
    notes = EncryptedTextField(_("notes"), blank=True)
    next_visit_on = models.DateField(_("next visit"), null=True, blank=True)

    class Meta:
        ordering = ["scheduled_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(done_on__isnull=True) | models.Q(wellbeing__isnull=False),
                name="visit_done_has_wellbeing",
            )
        ]

    @property
    def is_done(self) -> bool:
        return self.done_on is not None
