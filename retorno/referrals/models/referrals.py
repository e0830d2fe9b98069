"""Partners and what they offer, referrals to them and signed answer links."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from retorno.lib.workflow import StatusChange, StatusPipeline
from retorno.people.models import Consent

DEFAULT_ANSWER_DAYS = 3


class Service(models.TextChoices):
    SHELTER = "shelter", _("Shelter")
    HEALTH = "health", _("Health")
    DOCUMENTS = "documents", _("Identity documents")
    TRAINING = "training", _("Training")
    EMPLOYMENT = "employment", _("Employment")
    LEGAL = "legal", _("Legal assistance")
    PSYCHOSOCIAL = "psychosocial", _("Psychosocial support")


class TargetGroup(models.TextChoices):
    ADULTS = "adults", _("Adults")
    WOMEN = "women", _("Women")
    MINORS = "minors", _("Unaccompanied minors")
    TRAFFICKING = "trafficking", _("Trafficking victims")
    FAMILIES = "families", _("Families")


class Partner(models.Model):
    """A partner organisation in the directory: who it is, what it offers, where and for whom."""

    organisation = models.OneToOneField(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="partner", verbose_name=_("organisation")
    )
    description = models.TextField(_("description"), blank=True)
    target_groups = models.JSONField(_("for whom"), default=list, blank=True)
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
    address = models.CharField(_("address"), max_length=300, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    answer_days = models.PositiveSmallIntegerField(
        _("days to answer a referral"),
        default=DEFAULT_ANSWER_DAYS,
        help_text=_("A referral without an answer after this many days is overdue."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self) -> str:
        return self.organisation.name

    def clean(self) -> None:
        unknown = set(self.target_groups or []) - set(TargetGroup.values)
        if unknown:
            raise ValidationError({"target_groups": _("Unknown group: %(g)s") % {"g": ", ".join(sorted(unknown))}})
        if self.municipality_id and self.department_id and self.municipality.department_id != self.department_id:
            raise ValidationError({"municipality": _("The municipality is not in that department.")})
        if self.answer_days < 1:
            raise ValidationError({"answer_days": _("At least one day.")})

    @property
    def services(self) -> list[str]:
        return [offer.service for offer in self.offers.all()]

    def get_target_groups_display(self) -> list[str]:
        labels = dict(TargetGroup.choices)
        return [str(labels.get(g, g)) for g in self.target_groups]


class PartnerOffer(models.Model):
    """One service a partner offers, with what exactly it covers."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="offers")
    service = models.CharField(_("service"), max_length=20, choices=Service.choices)
    detail = models.CharField(_("what it covers"), max_length=300, blank=True)

    class Meta:
        ordering = ["service"]
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        constraints = [models.UniqueConstraint(fields=["partner", "service"], name="unique_offer_per_partner")]

    def __str__(self) -> str:
        return self.get_service_display()


class SharedField(models.TextChoices):
    """The person's data a referral may share with the partner (tier 1 only, never tier 2)."""

    NAME = "name", _("Full name")
    SEX = "sex", _("Sex")
    AGE = "age", _("Age")
    BIRTH_DATE = "birth_date", _("Date of birth")
    CUI = "cui", _("CUI (DPI number)")
    ORIGIN = "origin", _("Municipality of origin")
    LANGUAGES = "languages", _("Languages")
    EDUCATION = "education", _("Education")
    PHONE = "phone", _("Phone numbers")
    EMAIL = "email", _("Email")
    # Explicitly shares the whole tier-1 record, so the partner may open the registry profile
    # (identity, other documents, addresses, consents): for partners that take over a case.
    FULL_RECORD = "full_record", _("The whole identity record (registry profile)")


DEFAULT_SHELTER_FIELDS = [SharedField.NAME, SharedField.SEX, SharedField.AGE, SharedField.LANGUAGES]
# What a health facility sees of a person referred with their consent to share with partners.
DEFAULT_HEALTH_FIELDS = [SharedField.NAME, SharedField.SEX, SharedField.AGE, SharedField.LANGUAGES]
# The institutions directory's kinds a health referral's facility is chosen from.
HEALTH_FACILITY_KINDS = ("health", "ngo", "civil_society", "international")

# The consent a referral needs. A referral's purpose is to share the person's data with a partner
# organisation, whatever the service: the caller never chooses (a "research" consent must never
# open a whole record to a partner).
REFERRAL_CONSENT = Consent.Purpose.SHARE_WITH_PARTNERS


class Referral(StatusPipeline, models.Model):
    """Who referred whom to which partner for what, with which consent and what data shared.

    The one record of "we sent this person to that organisation for this purpose", whatever the
    kind: its status is the only status. What a kind adds lives in a one-to-one detail pointing
    here (``referral.job``: the vacancy, interview and hiring dates; ``referral.protection_shelter``:
    the sealed sections a protection case shares with a shelter; ``referral.health``: the facility
    and the appointment). ``sealed`` referrals come from a protection case: the partner and staff
    outside protection see only the shared fields, never the case.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")
        COMPLETED = "completed", _("Completed")
        REVOKED = "revoked", _("Revoked")
        NO_SHOW = "no_show", _("Did not show up")

    # Each status and the statuses it may move to (django-oscar style). Final statuses move nowhere.
    TRANSITIONS: dict[str, frozenset[str]] = {
        Status.PENDING: frozenset({Status.ACCEPTED, Status.REJECTED, Status.REVOKED}),
        Status.ACCEPTED: frozenset({Status.COMPLETED, Status.NO_SHOW, Status.REVOKED}),
        Status.REJECTED: frozenset(),
        Status.COMPLETED: frozenset(),
        Status.REVOKED: frozenset(),
        Status.NO_SHOW: frozenset(),
    }
    STATUS_TONES = {Status.ACCEPTED: "ok", Status.COMPLETED: "ok", Status.PENDING: "warn"}
    STATUS_TONES |= dict.fromkeys((Status.REJECTED, Status.REVOKED, Status.NO_SHOW), "danger")
    HISTORY = "changes"

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="referrals")
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="referrals", verbose_name=_("partner"))
    service = models.CharField(_("service"), max_length=20, choices=Service.choices)
    purpose = models.CharField(
        _("purpose"), max_length=300, help_text=_("What the person is referred for; the partner sees it.")
    )
    note = models.TextField(_("note for the partner"), blank=True, max_length=2000)
    shared_fields = models.JSONField(_("data shared"), default=list, blank=True)
    # Always REFERRAL_CONSENT for referrals made now; older rows keep what was recorded then.
    consent_purpose = models.CharField(
        _("consent purpose"),
        max_length=20,
        choices=Consent.Purpose.choices,
        default=Consent.Purpose.SHARE_WITH_PARTNERS,
    )
    consent = models.ForeignKey(
        "people.Consent", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("consent")
    )
    consent_override_reason = models.CharField(_("reason for referring without consent"), max_length=500, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PENDING)
    referred_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("referred"), default=timezone.now)
    answer_due_at = models.DateTimeField(_("answer due"))
    answered_at = models.DateTimeField(pgettext_lazy("referral", "answered"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    reason = models.CharField(
        _("reason"), max_length=500, blank=True, help_text=_("Why it was rejected, revoked or missed.")
    )
    # Shelter referrals: where and when the person is expected.
    shelter = models.ForeignKey(
        "Shelter", on_delete=models.PROTECT, null=True, blank=True, related_name="referrals", verbose_name=_("shelter")
    )
    expected_at = models.DateTimeField(_("expected arrival"), null=True, blank=True)
    # The reception arrival this came from (reception.Arrival's id; kept loose to avoid a hard dependency).
    arrival_id = models.PositiveBigIntegerField(null=True, blank=True, db_index=True)  # the flight page counts by it
    # Made from a protection case: what the case holds stays in its detail, behind the seal.
    sealed = models.BooleanField(
        _("from a protection case"),
        default=False,
        help_text=_("Only the shared data shows outside protection; the case never does."),
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        indexes = [
            models.Index(fields=["partner", "status"]),
            models.Index(fields=["referred_by", "status", "answer_due_at"]),
            models.Index(fields=["person", "-created_at"]),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_service_display()} → {self.partner}"

    def clean(self) -> None:
        unknown = set(self.shared_fields or []) - set(SharedField.values)
        if unknown:
            raise ValidationError({"shared_fields": _("Unknown field: %(f)s") % {"f": ", ".join(sorted(unknown))}})
        if not self.shared_fields and not self.sealed:
            raise ValidationError({"shared_fields": _("Choose at least one item of data to share.")})
        if self.shelter_id and self.shelter.partner_id != self.partner_id:
            raise ValidationError({"shelter": _("The shelter is not run by this partner.")})

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.PENDING, self.Status.ACCEPTED)

    @property
    def is_overdue(self) -> bool:
        return self.status == self.Status.PENDING and self.answer_due_at < timezone.now()

    def partner_answers(self) -> list[str]:
        """The answers the partner may give now, in the order the statuses are declared."""
        return [value for value, _label in self.next_statuses() if value in PARTNER_ANSWERS]

    def get_shared_fields_display(self) -> list[str]:
        labels = dict(SharedField.choices)
        return [str(labels.get(f, f)) for f in self.shared_fields]


# Answers that belong to the partner; revoking belongs to the programme.
PARTNER_ANSWERS = frozenset(
    {Referral.Status.ACCEPTED, Referral.Status.REJECTED, Referral.Status.COMPLETED, Referral.Status.NO_SHOW}
)
NEEDS_REASON = frozenset({Referral.Status.REJECTED, Referral.Status.REVOKED, Referral.Status.NO_SHOW})


class ReferralStatusChange(StatusChange):
    """One move of a referral, and how it came (programme staff, the partner's account, a signed link)."""

    class Via(models.TextChoices):
        PROGRAMME = "programme", _("Programme staff")
        PARTNER_ACCOUNT = "partner", _("Partner in Retorno")
        SIGNED_LINK = "link", _("Signed link")

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="changes")
    from_status = models.CharField(_("from"), max_length=30, choices=Referral.Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=30, choices=Referral.Status.choices)
    via = models.CharField(_("via"), max_length=10, choices=Via.choices)
    note = models.CharField(_("note"), max_length=1000, blank=True)

    class Meta(StatusChange.Meta):
        verbose_name = _("referral status change")
        verbose_name_plural = _("referral status changes")


class ReferralLink(models.Model):
    """A single-use, expiring link for a partner without an account.

    Only a digest of the random nonce is stored; the signed token exists only in the link sent.
    """

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="links")
    nonce_digest = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("signed answer link")
        verbose_name_plural = _("signed answer links")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"link #{self.pk} ({self.state})"

    @property
    def state(self) -> str:
        if self.revoked_at:
            return "revoked"
        if self.used_at:
            return "used"
        if self.expires_at <= timezone.now():
            return "expired"
        return "live"
