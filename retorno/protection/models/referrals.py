"""Referrals: into protection (from reception), to health services and to specialised shelters."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from retorno.lib.crypto import EncryptedTextField
from retorno.protection.models.base import USER, SealedModel
from retorno.protection.models.cases import ProtectionCase
from retorno.referrals.models import HEALTH_FACILITY_KINDS


class ProtectionReferral(SealedModel):
    """A person put in the protection queue (by reception's flag). Reception records no reason.

    Not a ``referrals.Referral``: it hands a person over inside the programme, to its own protection
    team, not to an organisation. Nothing is shared outside, so no consent and no partner answers;
    taking it opens a case. It stays protection's intake queue.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        TAKEN = "taken", pgettext_lazy("protection referral", "Taken")

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    # A plain id, not a foreign key: the arrival lives in reception and protection must not depend on it.
    arrival_id = models.BigIntegerField(_("arrival"), null=True, blank=True, db_index=True)
    unaccompanied_minor = models.BooleanField(_("unaccompanied minor"), default=False)
    received_at = models.DateTimeField(pgettext_lazy("protection referral", "received"), default=timezone.now)
    received_from = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("referred by"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    taken_at = models.DateTimeField(pgettext_lazy("protection referral", "taken"), null=True, blank=True)
    taken_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["received_at", "id"]
        verbose_name = _("protection referral")
        verbose_name_plural = _("protection referrals")


class HealthReferral(SealedModel):
    """The protection detail of a referral to a health facility: the destination and what the case says.

    The referral (``referral``: to the facility's partner profile, sealed, sharing nothing of the
    person) carries the status, so a facility with an account answers it in the one inbox; the
    outcome the psychosocial page shows is that status in its words. The reason and the outcome
    notes stay here, encrypted, behind the seal. The facility is always a partner organisation of
    service "health": the one staff choose ("other"), or for the three usual destinations the
    directory's entry for it (``HEALTH_FACILITIES``), added on first use for a manager to complete.
    """

    class Destination(models.TextChoices):
        MENTAL_HEALTH_HOSPITAL = "mental_health_hospital", _("National mental-health hospital")
        HOSPITAL = "hospital", _("Hospital (injuries)")
        PROSTHETICS = "prosthetics", _("Prosthetics programme")
        OTHER = "other", _("Other partner")

    # The referral's status in this page's words (and what staff record by hand).
    class Outcome(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ATTENDED = "attended", _("Attended")
        NOT_ATTENDED = "not_attended", _("Did not attend")
        DECLINED = "declined", _("Declined by the service")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    # The referral status each outcome stands for.
    OUTCOME_STATUS = {
        Outcome.ATTENDED: "completed",
        Outcome.NOT_ATTENDED: "no_show",
        Outcome.DECLINED: "rejected",
        Outcome.WITHDRAWN: "revoked",
    }

    # The directory's kinds an "other" health partner is chosen from.
    PARTNER_KINDS = HEALTH_FACILITY_KINDS

    referral = models.OneToOneField(
        "referrals.Referral", on_delete=models.PROTECT, related_name="health", verbose_name=_("referral")
    )
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
    outcome_note = EncryptedTextField(_("outcome notes"), blank=True)
    outcome_at = models.DateTimeField(_("outcome recorded"), null=True, blank=True)

    class Meta:
        ordering = ["-referred_at", "-id"]

    @property
    def outcome(self) -> str:
        return health_outcome(self.referral.status)

    def get_outcome_display(self) -> str:
        return str(self.Outcome(self.outcome).label)


def health_outcome(referral_status: str) -> str:
    """A health referral's outcome from its referral's status (pending and accepted: waiting)."""
    by_status = {status: outcome for outcome, status in HealthReferral.OUTCOME_STATUS.items()}
    return str(by_status.get(referral_status, HealthReferral.Outcome.PENDING))


# The directory entry (slug, name) of the facility for each usual destination.
HEALTH_FACILITIES = {
    HealthReferral.Destination.MENTAL_HEALTH_HOSPITAL: (
        "hospital-nacional-salud-mental",
        "Hospital Nacional de Salud Mental",
    ),
    HealthReferral.Destination.HOSPITAL: ("hospital-lesiones", "Hospital (lesiones)"),
    HealthReferral.Destination.PROSTHETICS: ("programa-protesis", "Programa de prótesis"),
}


class ShelterReferral(SealedModel):
    """The protection detail of a referral to a specialised shelter: what of the sealed case it shares.

    The referral (``referral``, the one record the shelter answers in its inbox and finds among its
    expected arrivals) carries the status; this detail keeps the case, the sections shared under the
    consent recorded inside the case, and when that sharing was revoked.
    """

    class Section(models.TextChoices):
        RISK = "risk", _("Risk level and safety plan")
        SUPPORT = "support", _("Support services")

    # The referral's status in this page's words (a shelter admits, declines, sees the person leave).
    class Answer(models.TextChoices):
        PENDING = "pending", _("Waiting for the shelter")
        ADMITTED = "admitted", _("Admitted")
        DECLINED = "declined", _("Declined")
        LEFT = "left", _("Left the shelter")

    # The directory's kinds a specialised shelter is chosen from.
    ORGANISATION_KINDS = ("shelter", "civil_society", "ngo")

    referral = models.OneToOneField(
        "referrals.Referral", on_delete=models.PROTECT, related_name="protection_shelter", verbose_name=_("referral")
    )
    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="shelter_referrals")
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("shelter")
    )
    referred_at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    shared_sections = models.JSONField(_("shared with the shelter"), default=list, blank=True)
    consent = models.ForeignKey("people.Consent", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-referred_at", "-id"]

    # The partner's answer on the referral, in this referral's words.
    FROM_REFERRAL = {"pending": "pending", "accepted": "admitted", "rejected": "declined", "completed": "left"}

    @property
    def status_label(self) -> str:
        if self.referral.status in self.FROM_REFERRAL:
            return str(dict(self.Answer.choices)[self.FROM_REFERRAL[self.referral.status]])
        return str(self.referral.get_status_display())

    def get_shared_sections_display(self) -> list[str]:
        labels = dict(self.Section.choices)
        return [str(labels.get(s, s)) for s in self.shared_sections]
