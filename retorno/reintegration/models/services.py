"""What a case receives: documents, training, job referrals, business grants, self-help groups."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from retorno.lib.workflow import StatusPipeline
from retorno.reintegration.models.reference import Sector

POSITIVE = [MinValueValidator(Decimal("0.01"))]


class DocumentRequest(StatusPipeline, models.Model):
    """A document the programme helps the person get. A draft (a DPI request opened when the
    reintegration team takes reception's "documents (no DPI)" item) may come before any case;
    opening the person's case gathers it."""

    class Kind(models.TextChoices):
        DPI = "dpi", _("DPI (RENAP)")
        BIRTH_CERTIFICATE = "birth_certificate", _("Birth certificate")
        EDUCATION_CERTIFICATE = "education_certificate", _("Education certificate")
        DRIVING_LICENCE = "driving_licence", _("Driving licence")
        CRIMINAL_RECORD = "criminal_record", _("Criminal record certificate")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft: to be requested")
        REQUESTED = "requested", _("Requested")
        SUBMITTED = "submitted", _("Submitted")
        ISSUED = "issued", _("Issued")
        REJECTED = "rejected", pgettext_lazy("document request status", "Rejected")
        CANCELLED = "cancelled", _("Cancelled")

    TRANSITIONS = {
        Status.DRAFT: {Status.REQUESTED, Status.CANCELLED},
        Status.REQUESTED: {Status.SUBMITTED, Status.CANCELLED},
        Status.SUBMITTED: {Status.ISSUED, Status.REJECTED},
        Status.REJECTED: {Status.SUBMITTED, Status.CANCELLED},  # resubmitted after a correction
        Status.ISSUED: set(),
        Status.CANCELLED: set(),
    }
    STATUS_TONES = {
        Status.ISSUED: "ok",
        Status.REJECTED: "danger",
        Status.CANCELLED: "danger",
        Status.DRAFT: "warn",
        Status.REQUESTED: "warn",
        Status.SUBMITTED: "warn",
    }
    # Not yet decided: what opening a case gathers from the person's documents without one.
    PENDING = (Status.DRAFT, Status.REQUESTED, Status.SUBMITTED, Status.REJECTED)
    DEFAULT_ISSUER = {
        Kind.DPI: "RENAP",
        Kind.BIRTH_CERTIFICATE: "RENAP",
        Kind.EDUCATION_CERTIFICATE: "Ministerio de Educación",
        Kind.DRIVING_LICENCE: "Departamento de Tránsito (PNC)",
        Kind.CRIMINAL_RECORD: "Organismo Judicial",
    }

    # The directory's kinds an issuing office is chosen from (RENAP, consulates, ministries, courts...).
    ISSUER_KINDS = (
        "registry",
        "consulate",
        "ministry",
        "government",
        "judiciary",
        "police",
        "municipality",
        "migration",
    )

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+", verbose_name=_("person"))
    case = models.ForeignKey(
        "reintegration.ReintegrationCase", on_delete=models.PROTECT, null=True, blank=True, related_name="documents"
    )
    kind = models.CharField(_("document"), max_length=24, choices=Kind.choices)
    # The issuer's name as recorded (older rows: as typed); ``issuer_org`` is the office.
    issuer = models.CharField(_("issued by"), max_length=120, blank=True)
    # The directory entry (chosen since the directory exists; older rows linked by a data migration).
    issuer_org = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issued by (directory)"),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED)
    requested_on = models.DateField(_("requested on"), default=timezone.localdate)
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)
    decided_on = models.DateField(_("issued or rejected on"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    status_changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-requested_on", "-id"]
        verbose_name = _("document request")
        verbose_name_plural = _("document requests")

    def __str__(self) -> str:
        return self.get_kind_display()


class Enrolment(StatusPipeline, models.Model):
    class Status(models.TextChoices):
        ENROLLED = "enrolled", _("Enrolled")
        ATTENDING = "attending", _("Attending")
        COMPLETED = "completed", pgettext_lazy("enrolment status", "Completed")
        CERTIFIED = "certified", _("Certified")
        DROPPED = "dropped", _("Dropped out")

    TRANSITIONS = {
        Status.ENROLLED: {Status.ATTENDING, Status.DROPPED},
        Status.ATTENDING: {Status.COMPLETED, Status.DROPPED},
        Status.COMPLETED: {Status.CERTIFIED},
        Status.CERTIFIED: set(),
        Status.DROPPED: set(),
    }
    STATUS_TONES = {
        Status.COMPLETED: "ok",
        Status.CERTIFIED: "ok",
        Status.DROPPED: "danger",
        Status.ENROLLED: "warn",
        Status.ATTENDING: "warn",
    }

    case = models.ForeignKey("reintegration.ReintegrationCase", on_delete=models.PROTECT, related_name="enrolments")
    course = models.ForeignKey("reintegration.Course", on_delete=models.PROTECT, related_name="enrolments")
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ENROLLED)
    sessions_total = models.PositiveIntegerField(_("sessions held"), default=0)
    sessions_attended = models.PositiveIntegerField(_("sessions attended"), default=0)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    certificate_number = models.CharField(_("certificate number"), max_length=60, blank=True)
    certified_on = models.DateField(_("certificate issued on"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    status_changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")

    def __str__(self) -> str:
        return str(self.course)

    @property
    def attendance_percent(self) -> int | None:
        if not self.sessions_total:
            return None
        return round(100 * self.sessions_attended / self.sessions_total)


class JobReferral(models.Model):
    """The job detail of a referral to an employer: the vacancy, the interview, the hiring.

    Its status is its referral's (``referral.status``, moved by ``referral_set_status`` whoever
    answers: the employer in Retorno or through a signed link, or the officer). What the job pages
    call its stage (referred, interview, hired, not hired, withdrawn) is derived from that status and
    the facts kept here (``stage``): accepted means the interview, completed with ``outcome`` hired
    the hiring, an officer's "not hired" after the interview closes the referral with ``outcome``
    not hired.
    """

    class Stage(models.TextChoices):
        REFERRED = "referred", pgettext_lazy("job referral stage", "Referred")
        INTERVIEW = "interview", _("Interview")
        HIRED = "hired", _("Hired")
        NOT_HIRED = "not_hired", _("Not hired")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Outcome(models.TextChoices):
        HIRED = "hired", _("Hired")
        NOT_HIRED = "not_hired", _("Not hired")

    # The stages the officer may record from each stage (an answer given by phone, a withdrawal).
    MOVES = {
        Stage.REFERRED: (Stage.INTERVIEW, Stage.NOT_HIRED, Stage.WITHDRAWN),
        Stage.INTERVIEW: (Stage.HIRED, Stage.NOT_HIRED, Stage.WITHDRAWN),
    }
    STAGE_TONES = {
        Stage.HIRED: "ok",
        Stage.NOT_HIRED: "danger",
        Stage.WITHDRAWN: "danger",
        Stage.REFERRED: "warn",
        Stage.INTERVIEW: "warn",
    }

    referral = models.OneToOneField(
        "referrals.Referral", on_delete=models.PROTECT, related_name="job", verbose_name=_("referral to the employer")
    )
    case = models.ForeignKey("reintegration.ReintegrationCase", on_delete=models.PROTECT, related_name="job_referrals")
    vacancy = models.ForeignKey("reintegration.Vacancy", on_delete=models.PROTECT, related_name="referrals")
    referred_on = models.DateField(_("referred on"), default=timezone.localdate)
    interview_on = models.DateField(_("interview on"), null=True, blank=True)
    hired_on = models.DateField(_("hired on"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, blank=True)
    reason = models.CharField(_("reason"), max_length=300, blank=True)

    class Meta:
        ordering = ["-referred_on", "-id"]
        verbose_name = _("job referral")
        verbose_name_plural = _("job referrals")

    def __str__(self) -> str:
        return str(self.vacancy)

    @property
    def stage(self) -> str:
        return job_stage(self.referral.status, self.outcome)

    def get_stage_display(self) -> str:
        return str(self.Stage(self.stage).label)

    @property
    def stage_tone(self) -> str:
        """The colour of the stage badge (``ok``, ``warn``, ``danger``)."""
        return self.STAGE_TONES.get(self.stage, "")

    def next_stages(self) -> list[tuple[str, str]]:
        """The stages the officer may record now, as (value, label)."""
        return [(str(s), str(s.label)) for s in self.MOVES.get(self.stage, ())]


def job_stage(referral_status: str, outcome: str) -> str:
    """A job referral's stage from its referral's status and its outcome (no query).

    pending → referred; accepted → interview; completed → hired (or not hired when the officer
    recorded so); rejected, no-show → not hired; revoked → withdrawn, unless the officer recorded
    "not hired" (which closes the open referral).
    """
    S = JobReferral.Stage
    if referral_status == "pending":
        return S.REFERRED
    if referral_status == "accepted":
        return S.INTERVIEW
    if outcome:
        return S(outcome)
    if referral_status == "completed":
        return S.HIRED
    if referral_status in ("rejected", "no_show"):
        return S.NOT_HIRED
    return S.WITHDRAWN


class BusinessGrant(StatusPipeline, models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft plan")
        SUBMITTED = "submitted", _("Submitted for approval")
        APPROVED = "approved", pgettext_lazy("grant status", "Approved")
        REJECTED = "rejected", pgettext_lazy("grant status", "Rejected")
        DISBURSED = "disbursed", _("Fully disbursed")
        CANCELLED = "cancelled", _("Cancelled")

    TRANSITIONS = {
        Status.DRAFT: {Status.SUBMITTED, Status.CANCELLED},
        Status.SUBMITTED: {Status.APPROVED, Status.REJECTED, Status.DRAFT},
        Status.REJECTED: {Status.DRAFT},  # revised and resubmitted
        Status.APPROVED: {Status.DISBURSED, Status.CANCELLED},
        Status.DISBURSED: set(),
        Status.CANCELLED: set(),
    }
    STATUS_TONES = {
        Status.APPROVED: "ok",
        Status.DISBURSED: "ok",
        Status.REJECTED: "danger",
        Status.CANCELLED: "danger",
        Status.DRAFT: "warn",
        Status.SUBMITTED: "warn",
    }

    case = models.ForeignKey("reintegration.ReintegrationCase", on_delete=models.PROTECT, related_name="grants")
    business_name = models.CharField(_("business"), max_length=200)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    description = models.TextField(_("business plan"))
    skills_abroad = models.TextField(_("skills acquired abroad"), blank=True)
    budget = models.DecimalField(_("total budget (GTQ)"), max_digits=10, decimal_places=2, validators=POSITIVE)
    amount_requested = models.DecimalField(
        _("grant requested (GTQ)"), max_digits=10, decimal_places=2, validators=POSITIVE
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    drafted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.CharField(_("review note"), max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    status_changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("business grant")
        verbose_name_plural = _("business grants")

    def __str__(self) -> str:
        return self.business_name

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.amount_requested and self.budget and self.amount_requested > self.budget:
            raise ValidationError({"amount_requested": _("The grant cannot exceed the business's total budget.")})


class GrantTranche(StatusPipeline, models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", pgettext_lazy("grant tranche", "Planned")
        PAID = "paid", _("Paid")
        CANCELLED = "cancelled", _("Cancelled")

    TRANSITIONS = {Status.PLANNED: {Status.PAID, Status.CANCELLED}, Status.PAID: set(), Status.CANCELLED: set()}
    STATUS_TONES = {Status.PAID: "ok", Status.CANCELLED: "danger", Status.PLANNED: "warn"}

    grant = models.ForeignKey(BusinessGrant, on_delete=models.PROTECT, related_name="tranches")
    number = models.PositiveIntegerField(_("tranche"))
    amount = models.DecimalField(_("amount (GTQ)"), max_digits=10, decimal_places=2, validators=POSITIVE)
    planned_on = models.DateField(_("planned for"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PLANNED)
    status_changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["grant", "number"]
        constraints = [models.UniqueConstraint(fields=["grant", "number"], name="unique_tranche_number")]
        verbose_name = _("tranche")
        verbose_name_plural = _("tranches")

    def __str__(self) -> str:
        return f"{self.grant} #{self.number}"


class EquipmentPurchase(models.Model):
    grant = models.ForeignKey(BusinessGrant, on_delete=models.PROTECT, related_name="equipment")
    description = models.CharField(_("equipment"), max_length=200)
    supplier = models.CharField(_("supplier"), max_length=200, blank=True)
    amount = models.DecimalField(_("cost (GTQ)"), max_digits=10, decimal_places=2, validators=POSITIVE)
    purchased_on = models.DateField(_("purchased on"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["purchased_on", "id"]
        verbose_name = _("equipment purchase")
        verbose_name_plural = _("equipment purchases")

    def __str__(self) -> str:
        return self.description


class SelfHelpGroup(models.Model):
    """A "Club Migrantes" group."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    municipality = models.ForeignKey(
        "geo.Municipality", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("where")
    )
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("facilitator")
    )
    started_on = models.DateField(_("started on"), default=timezone.localdate)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("self-help group")
        verbose_name_plural = _("self-help groups")

    def __str__(self) -> str:
        return self.name


class GroupSession(models.Model):
    class Topic(models.TextChoices):
        RETURN_EXPERIENCE = "return_experience", _("The experience of return")
        EMPLOYMENT = "employment", _("Finding work")
        BUSINESS = "business", _("Starting a business")
        FAMILY = "family", _("Family and community")
        WELLBEING = "wellbeing", _("Wellbeing and stress")
        SUCCESS_STORIES = "success_stories", _("Success stories")
        OTHER = "other", _("Other")

    group = models.ForeignKey(SelfHelpGroup, on_delete=models.PROTECT, related_name="sessions")
    held_on = models.DateField(_("held on"))
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    notes = models.CharField(_("notes"), max_length=500, blank=True)
    attendees = models.ManyToManyField(
        "reintegration.ReintegrationCase", related_name="group_sessions", blank=True, verbose_name=_("attendance")
    )

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("group session")
        verbose_name_plural = _("group sessions")

    def __str__(self) -> str:
        return f"{self.group} {self.held_on}"
