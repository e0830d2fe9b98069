"""Unaccompanied minors: the chain of custody and best-interest decisions (family tracing: ``tracing``)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from retorno.lib.crypto import EncryptedCharField, EncryptedTextField
from retorno.protection.models.base import USER, SealedModel
from retorno.protection.models.cases import ProtectionCase


class CustodyEvent(SealedModel):
    """One link in a minor's chain of custody, from the aircraft to a verified handover."""

    class Stage(models.TextChoices):
        RECEPTION = "reception", _("Received at the airport")
        MINORS_SHELTER = "minors_shelter", _("In the minors' shelter")
        HANDOVER_GUARDIAN = "handover_guardian", _("Handed over to parent or guardian")
        HANDOVER_PGN = "handover_pgn", _("Handed over to the PGN")

    HANDOVERS = (Stage.HANDOVER_GUARDIAN, Stage.HANDOVER_PGN)
    # Who may hold a minor (accounts.Organisation.Kind values): never an employer or a training institute.
    ORGANISATION_KINDS = ("shelter", "government", "civil_society", "ngo", "pgn", "svet", "programme")
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
    # A handover to a family member rests on the assessment that recommended reunifying with them.
    assessment = models.ForeignKey(
        "protection.FamilyAssessment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="handovers",
        verbose_name=_("family assessment"),
    )

    class Meta:
        ordering = ["at", "id"]


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
