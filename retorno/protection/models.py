"""The sealed protection compartment (tier 2): psychosocial care, trafficking cases, minors.

Every narrative field and identifier here is encrypted at rest (``retorno.lib.crypto``).
Who may read what is decided in ``queries.case_access``; nothing here checks roles.
"""

import json

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from retorno.lib.crypto import EncryptedCharField, EncryptedTextField

USER = settings.AUTH_USER_MODEL


class SealedModel(models.Model):
    """Base of every protection record: its text form never shows its content (logs, admin, errors)."""

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} #{self.pk}"


class CaseKind(models.TextChoices):
    PSYCHOSOCIAL = "psychosocial", _("Psychosocial care")
    TRAFFICKING = "trafficking", _("Trafficking identification and victim case")
    MINOR = "minor", _("Unaccompanied minor")


class ProtectionReferral(SealedModel):
    """A person put in the protection queue (by reception's flag). Reception records no reason."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        TAKEN = "taken", _("Taken")

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    # A plain id, not a foreign key: the arrival lives in reception and protection must not depend on it.
    arrival_id = models.BigIntegerField(_("arrival"), null=True, blank=True, db_index=True)
    unaccompanied_minor = models.BooleanField(_("unaccompanied minor"), default=False)
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    received_from = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("referred by"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    taken_at = models.DateTimeField(_("taken"), null=True, blank=True)
    taken_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["received_at", "id"]
        verbose_name = _("protection referral")
        verbose_name_plural = _("protection referrals")


class ProtectionCase(SealedModel):
    """One sealed case about one person. Statuses follow HTCDS ``cas_Status``."""

    class Status(models.TextChoices):
        ACTIVE = "Active", _("Active")
        FOLLOW_UP = "FollowUp", _("Follow-up")
        CLOSED = "Closed", _("Closed")
        CLOSED_REFERRED = "ClosedReferred", _("Closed (referred)")

    TRANSITIONS = {
        Status.ACTIVE: {Status.FOLLOW_UP, Status.CLOSED, Status.CLOSED_REFERRED},
        Status.FOLLOW_UP: {Status.ACTIVE, Status.CLOSED, Status.CLOSED_REFERRED},
        Status.CLOSED: {Status.ACTIVE},
        Status.CLOSED_REFERRED: {Status.ACTIVE},
    }

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="protection_cases")
    kind = models.CharField(_("kind"), max_length=20, choices=CaseKind.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    referral = models.ForeignKey(
        ProtectionReferral, on_delete=models.PROTECT, null=True, blank=True, related_name="cases"
    )
    arrival_id = models.BigIntegerField(_("arrival"), null=True, blank=True, db_index=True)
    opened_at = models.DateTimeField(_("opened"), default=timezone.now)
    opened_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closure_reason = EncryptedTextField(_("reason for closure"), blank=True)

    class Meta:
        ordering = ["-opened_at", "-id"]
        verbose_name = _("protection case")
        verbose_name_plural = _("protection cases")

    @property
    def is_closed(self) -> bool:
        return self.status in (self.Status.CLOSED, self.Status.CLOSED_REFERRED)


class CaseAssignment(SealedModel):
    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="assignments")
    user = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="protection_assignments")
    assigned_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    assigned_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["case", "user"], condition=models.Q(ended_at__isnull=True), name="one_live_assignment"
            )
        ]


class CaseStatusChange(SealedModel):
    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="status_changes")
    old = models.CharField(max_length=20, blank=True)
    new = models.CharField(max_length=20)
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["at", "id"]

    @property
    def new_label(self) -> str:
        return str(dict(ProtectionCase.Status.choices).get(self.new, self.new))


class CaseNote(SealedModel):
    """A narrative note (tier 2, encrypted)."""

    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="notes")
    text = EncryptedTextField(_("note"))
    author = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]


# --- Psychosocial care ------------------------------------------------------------------


class PsychosocialAssessment(SealedModel):
    class Distress(models.TextChoices):
        NONE = "none", _("No distress observed")
        MILD = "mild", _("Mild")
        MODERATE = "moderate", _("Moderate")
        SEVERE = "severe", _("Severe")

    class RiskToSelf(models.TextChoices):
        NONE = "none", _("None identified")
        LOW = "low", _("Low")
        MODERATE = "moderate", _("Moderate")
        HIGH = "high", _("High — act now")

    class Need(models.TextChoices):
        EMOTIONAL_SUPPORT = "emotional_support", _("Emotional support")
        MENTAL_HEALTH = "mental_health", _("Specialised mental-health care")
        MEDICAL = "medical", _("Medical care for injuries")
        PROSTHETICS = "prosthetics", _("Prosthetics or rehabilitation")
        FAMILY_CONTACT = "family_contact", _("Contact with family")
        SHELTER = "shelter", _("Safe place to stay")
        PROTECTION = "protection", _("Protection assessment")

    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="assessments")
    at = models.DateTimeField(_("when"), default=timezone.now)
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    distress = models.CharField(_("distress level"), max_length=10, choices=Distress.choices)
    risk_to_self = models.CharField(_("risk to self"), max_length=10, choices=RiskToSelf.choices)
    needs = models.JSONField(_("needs"), default=list, blank=True)
    observations = EncryptedTextField(_("observations"), blank=True)

    class Meta:
        ordering = ["-at", "-id"]

    def get_needs_display(self) -> list[str]:
        labels = dict(self.Need.choices)
        return [str(labels.get(n, n)) for n in self.needs]


class PsychosocialSession(SealedModel):
    class Kind(models.TextChoices):
        INDIVIDUAL = "individual", _("Individual")
        GROUP = "group", _("Group")

    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="sessions")
    at = models.DateTimeField(_("when"), default=timezone.now)
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"))
    notes = EncryptedTextField(_("session notes"), blank=True)

    class Meta:
        ordering = ["-at", "-id"]


class HealthReferral(SealedModel):
    class Destination(models.TextChoices):
        MENTAL_HEALTH_HOSPITAL = "mental_health_hospital", _("National mental-health hospital")
        HOSPITAL = "hospital", _("Hospital (injuries)")
        PROSTHETICS = "prosthetics", _("Prosthetics programme")
        OTHER = "other", _("Other partner")

    class Outcome(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ATTENDED = "attended", _("Attended")
        NOT_ATTENDED = "not_attended", _("Did not attend")
        DECLINED = "declined", _("Declined by the service")

    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="health_referrals")
    destination = models.CharField(_("destination"), max_length=30, choices=Destination.choices)
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("partner"),
    )
    reason = EncryptedTextField(_("reason for referral"), blank=True)
    referred_at = models.DateTimeField(_("referred"), default=timezone.now)
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    outcome = models.CharField(_("outcome"), max_length=15, choices=Outcome.choices, default=Outcome.PENDING)
    outcome_note = EncryptedTextField(_("outcome notes"), blank=True)
    outcome_at = models.DateTimeField(_("outcome recorded"), null=True, blank=True)

    class Meta:
        ordering = ["-referred_at", "-id"]


class FollowUpPlan(SealedModel):
    case = models.OneToOneField(ProtectionCase, on_delete=models.CASCADE, related_name="follow_up_plan")
    goals = EncryptedTextField(_("goals and agreed actions"))
    next_review_on = models.DateField(_("next review"))
    every_weeks = models.PositiveSmallIntegerField(_("review every (weeks)"), default=4)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")


# --- Trafficking --------------------------------------------------------------------------


class Identification(SealedModel):
    """One run of the identification protocol; answers are saved as they come (interruptible)."""

    class Result(models.TextChoices):
        PENDING = "pending", _("Not concluded")
        NONE = "none", _("No indicators")
        POSSIBLE = "possible", _("Possible victim")
        PROBABLE = "probable", _("Probable victim")
        CONFIRMED = "confirmed", _("Confirmed by the competent authority")

    class Authority(models.TextChoices):
        """HTCDS ``vic_TraffickingStatusDecisionMakingOrg``."""

        POLICE = "Police", _("Police")
        NGO = "NGO", _("NGO")
        COURT_OR_PROSECUTION = "CourtOrProsecution", _("Court or prosecution")
        NON_POLICE_GOVERNMENT = "NonPoliceGovernmentalOrganization", _("Non-police government body")
        OTHER = "Other", _("Other")

    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="identifications")
    started_at = models.DateTimeField(default=timezone.now)
    started_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(default=timezone.now)
    answers_sealed = EncryptedTextField(blank=True)
    result = models.CharField(_("result"), max_length=10, choices=Result.choices, default=Result.PENDING)
    decided_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    authority = models.CharField(_("deciding authority"), max_length=40, choices=Authority.choices, blank=True)
    authority_name = EncryptedCharField(_("who decided (authority, office)"), max_length=200, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]

    @property
    def answers(self) -> dict:
        return json.loads(self.answers_sealed) if self.answers_sealed else {}

    @answers.setter
    def answers(self, value: dict) -> None:
        self.answers_sealed = json.dumps(value, sort_keys=True)


class RiskAssessment(SealedModel):
    class Level(models.TextChoices):
        LOW = "low", _("Low")
        MEDIUM = "medium", _("Medium")
        HIGH = "high", _("High")

    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="risk_assessments")
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    level = models.CharField(_("risk level"), max_length=10, choices=Level.choices)
    risk_factors = EncryptedTextField(_("risk factors"), blank=True)
    safety_plan = EncryptedTextField(_("safety plan"), blank=True)

    class Meta:
        ordering = ["-at", "-id"]


class SupportService(SealedModel):
    class Type(models.TextChoices):
        """HTCDS ``spl_Type``."""

        EDUCATION = "Education", _("Education")
        FINANCIAL = "Financial", _("Financial")
        HEALTH = "Health", _("Health")
        LABOUR_REHAB = "LabourExploitationRehabilitation", _("Labour-exploitation rehabilitation")
        LEGAL = "Legal", _("Legal")
        LIVELIHOOD = "Livelihood", _("Livelihood")
        RIGHTS_TRAINING = "RightsBasedTraining", _("Rights-based training")
        SEXUAL_REHAB = "SexualExploitationRehabilitation", _("Sexual-exploitation rehabilitation")
        SOCIAL_CARE = "SocialCare", _("Social care")

    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="support_services")
    type = models.CharField(_("type"), max_length=40, choices=Type.choices)
    description = EncryptedTextField(_("description"), blank=True)
    started_on = models.DateField(_("started"))
    planned_end_on = models.DateField(_("planned end"), null=True, blank=True)
    ended_on = models.DateField(_("ended"), null=True, blank=True)
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-started_on", "-id"]


class ShelterReferral(SealedModel):
    """Referral to a specialised shelter; it is also what a partner may read, with consent."""

    class Section(models.TextChoices):
        RISK = "risk", _("Risk level and safety plan")
        SUPPORT = "support", _("Support services")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the shelter")
        ADMITTED = "admitted", _("Admitted")
        DECLINED = "declined", _("Declined")
        LEFT = "left", _("Left the shelter")

    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="shelter_referrals")
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("shelter")
    )
    referred_at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    shared_sections = models.JSONField(_("shared with the shelter"), default=list, blank=True)
    consent = models.ForeignKey("people.Consent", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    revoked_at = models.DateTimeField(null=True, blank=True)
    # What the partner acts on: the shared referral record (tier 1 only: the case stays sealed).
    referral = models.OneToOneField(
        "referrals.Referral",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="protection_shelter_referral",
    )

    class Meta:
        ordering = ["-referred_at", "-id"]

    # The partner's answer on the shared referral, in this referral's words.
    FROM_REFERRAL = {"pending": "pending", "accepted": "admitted", "rejected": "declined", "completed": "left"}

    @property
    def status_label(self) -> str:
        if self.referral_id and self.referral.status in self.FROM_REFERRAL:
            return str(dict(self.Status.choices)[self.FROM_REFERRAL[self.referral.status]])
        if self.referral_id:
            return str(self.referral.get_status_display())
        return str(self.get_status_display())

    def get_shared_sections_display(self) -> list[str]:
        labels = dict(self.Section.choices)
        return [str(labels.get(s, s)) for s in self.shared_sections]


class LegalCase(SealedModel):
    """The criminal case with the Public Prosecutor's Office (Ministerio Público)."""

    class Status(models.TextChoices):
        COMPLAINT_FILED = "complaint_filed", _("Complaint filed")
        INVESTIGATION = "investigation", _("Investigation")
        PROSECUTION = "prosecution", _("Prosecution")
        CONVICTION = "conviction", _("Verdict: conviction")
        ACQUITTAL = "acquittal", _("Verdict: acquittal")
        DISMISSAL = "dismissal", _("Dismissal")

    TRANSITIONS = {
        Status.COMPLAINT_FILED: {Status.INVESTIGATION, Status.DISMISSAL},
        Status.INVESTIGATION: {Status.PROSECUTION, Status.DISMISSAL},
        Status.PROSECUTION: {Status.CONVICTION, Status.ACQUITTAL, Status.DISMISSAL},
        Status.CONVICTION: set(),
        Status.ACQUITTAL: set(),
        Status.DISMISSAL: set(),
    }

    case = models.OneToOneField(ProtectionCase, on_delete=models.CASCADE, related_name="legal_case")
    complaint_number = EncryptedCharField(_("complaint number (MP)"), max_length=60)
    prosecutor_office = models.CharField(_("prosecutor's office"), max_length=200)
    # The directory entry for ``prosecutor_office`` (the text stays as written; filled by migration 0002).
    prosecutor_office_org = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("prosecutor's office (directory)"),
    )
    prosecutor = EncryptedCharField(_("prosecutor"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.COMPLAINT_FILED)
    filed_on = models.DateField(_("complaint filed on"))
    witness_protection = models.BooleanField(_("in witness protection"), default=False)
    witness_protection_note = EncryptedTextField(_("witness protection notes"), blank=True)
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    @property
    def is_concluded(self) -> bool:
        return not self.TRANSITIONS[self.status]


class LegalStatusChange(SealedModel):
    legal_case = models.ForeignKey(LegalCase, on_delete=models.CASCADE, related_name="changes")
    old = models.CharField(max_length=20, blank=True)
    new = models.CharField(max_length=20)
    on = models.DateField(_("date"))
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["on", "at", "id"]

    @property
    def new_label(self) -> str:
        return str(dict(LegalCase.Status.choices).get(self.new, self.new))


# --- Unaccompanied minors ------------------------------------------------------------------


class CustodyEvent(SealedModel):
    """One link in a minor's chain of custody, from the aircraft to a verified handover."""

    class Stage(models.TextChoices):
        RECEPTION = "reception", _("Received at the airport")
        MINORS_SHELTER = "minors_shelter", _("In the minors' shelter")
        HANDOVER_GUARDIAN = "handover_guardian", _("Handed over to parent or guardian")
        HANDOVER_PGN = "handover_pgn", _("Handed over to the PGN")

    HANDOVERS = (Stage.HANDOVER_GUARDIAN, Stage.HANDOVER_PGN)
    # Who may hold a minor (accounts.Organisation.Kind values): never an employer or a training institute.
    ORGANISATION_KINDS = ("shelter", "government", "civil_society", "programme")
    NEXT = {
        None: {Stage.RECEPTION},
        Stage.RECEPTION: {Stage.MINORS_SHELTER, Stage.HANDOVER_GUARDIAN, Stage.HANDOVER_PGN},
        Stage.MINORS_SHELTER: {Stage.HANDOVER_GUARDIAN, Stage.HANDOVER_PGN},
        Stage.HANDOVER_GUARDIAN: set(),
        Stage.HANDOVER_PGN: set(),
    }

    class Relationship(models.TextChoices):
        MOTHER = "mother", _("Mother")
        FATHER = "father", _("Father")
        GRANDPARENT = "grandparent", _("Grandparent")
        SIBLING = "sibling", _("Adult sibling")
        OTHER_RELATIVE = "other_relative", _("Other relative")
        LEGAL_GUARDIAN = "legal_guardian", _("Legal guardian")

    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="custody_events")
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)
    at = models.DateTimeField(_("when"), default=timezone.now)
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("institution"),
    )
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    guardian_name = EncryptedCharField(_("name of the parent or guardian"), max_length=200, blank=True)
    relationship = models.CharField(_("relationship"), max_length=20, choices=Relationship.choices, blank=True)
    document_checked = models.BooleanField(_("identity document checked"), default=False)
    document_number = EncryptedCharField(_("document number"), max_length=40, blank=True)
    # Who authorised a handover names the official of a child's case: sealed like the guardian.
    authorised_by = EncryptedCharField(_("authorised by"), max_length=200, blank=True)
    note = EncryptedTextField(_("notes"), blank=True)

    class Meta:
        ordering = ["at", "id"]


class FamilyTracingEntry(SealedModel):
    class Method(models.TextChoices):
        PHONE = "phone", _("Phone call")
        VISIT = "visit", _("Home visit")
        CONSULATE = "consulate", _("Consulate")
        PGN = "pgn", _("Through the PGN")
        OTHER = "other", _("Other")

    class Outcome(models.TextChoices):
        NO_ANSWER = "no_answer", _("No answer")
        LOCATED = "located", _("Family located")
        NOT_LOCATED = "not_located", _("Not located")
        REFUSED = "refused", _("Family refused")

    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="tracing")
    at = models.DateTimeField(_("when"), default=timezone.now)
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    method = models.CharField(_("method"), max_length=12, choices=Method.choices)
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices)
    notes = EncryptedTextField(_("notes"), blank=True)

    class Meta:
        ordering = ["-at", "-id"]


class BestInterestDecision(SealedModel):
    class Assent(models.TextChoices):
        AGREES = "agrees", _("The minor agrees")
        DISAGREES = "disagrees", _("The minor disagrees")
        UNABLE = "unable", _("Too young or unable to express a view")

    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="best_interest_decisions")
    decided_on = models.DateField(_("decided on"))
    # The deciding authority or panel identifies the child's situation (PGN, a court): sealed.
    decided_by = EncryptedCharField(_("decided by (authority or panel)"), max_length=200)
    decision = EncryptedTextField(_("decision"))
    minor_assent = models.CharField(_("the minor's own assent"), max_length=10, choices=Assent.choices)
    minor_views = EncryptedTextField(_("the minor's views"), blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-decided_on", "-id"]


# --- The seal: emergency access and notifications ------------------------------------------


class BreakGlassAccess(SealedModel):
    class Outcome(models.TextChoices):
        JUSTIFIED = "justified", _("Justified")
        NOT_JUSTIFIED = "not_justified", _("Not justified")

    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="break_glass")
    user = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("stated reason"))
    granted_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    reviewed_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(_("review outcome"), max_length=15, choices=Outcome.choices, blank=True)
    review_note = models.TextField(_("review note"), blank=True)

    class Meta:
        ordering = ["-granted_at", "-id"]


class Notification(SealedModel):
    """An in-app message to one user (no tier-2 content: only what happened and where)."""

    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="protection_notifications")
    message = models.CharField(max_length=300)
    url = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
