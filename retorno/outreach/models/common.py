"""Choices shared by the outreach models, and the audit action names of the app."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

SCORE = [MinValueValidator(0), MaxValueValidator(100)]
NON_NEGATIVE = [MinValueValidator(0)]


class Sex(models.TextChoices):
    FEMALE = "F", _("Female")
    MALE = "M", _("Male")


class AuditAction(models.TextChoices):
    """Every audit action name the outreach app writes (no free strings)."""

    INSTITUTION_CREATE = "institution.create", _("Institution added")
    INSTITUTION_UPDATE = "institution.update", _("Institution changed")
    CONTACT_ADD = "institution.contact_add", _("Contact added")
    PARTICIPANT_CREATE = "participant.create", _("Participant registered")
    TRAINING_CREATE = "training.create", _("Training planned")
    TRAINING_STATUS = "training.status", _("Training status changed")
    TRAINING_SESSION_ADD = "training.session_add", _("Session added")
    TRAINING_ENROL = "training.enrol", _("Participant enrolled")
    TRAINING_ATTENDANCE = "training.attendance", _("Attendance recorded")
    TRAINING_SCORES = "training.scores", _("Scores recorded")
    CERTIFICATES_PRINT = "training.certificates", _("Certificates printed")
    NETWORK_CREATE = "network.create", _("Network created")
    NETWORK_MEMBER_ADD = "network.member_add", _("Member added")
    MEETING_CREATE = "network.meeting", _("Meeting recorded")
    NETWORK_AGREEMENT_CREATE = "network.agreement_create", _("Network agreement recorded")
    NETWORK_AGREEMENT_STATUS = "network.agreement_status", _("Network agreement status changed")
    CAMPAIGN_CREATE = "campaign.create", _("Campaign created")
    CAMPAIGN_ACTIVITY = "campaign.activity", _("Campaign activity recorded")
    CAMPAIGN_MATERIAL = "campaign.material", _("Campaign material added")
    DIALOGUE_CREATE = "dialogue.create", _("Dialogue event recorded")
    DIALOGUE_PARTICIPANT = "dialogue.participant", _("Dialogue participant added")
    DIALOGUE_FOLLOWUP = "dialogue.followup", _("Follow-up action recorded")
    DIALOGUE_FOLLOWUP_STATUS = "dialogue.followup_status", _("Follow-up action status changed")
    CHECKLIST_CREATE = "capacity.checklist", _("Checklist created")
    ASSESSMENT_CREATE = "capacity.assessment", _("Capacity assessment recorded")
    PLAN_CREATE = "capacity.plan", _("Strengthening plan created")
    PLAN_ACTION_ADD = "capacity.plan_action", _("Strengthening action added")
    PLAN_ACTION_STATUS = "capacity.plan_action_status", _("Strengthening action status changed")
    AGREEMENT_CREATE = "agreement.create", _("Partner agreement drafted")
    AGREEMENT_STATUS = "agreement.status", _("Partner agreement status changed")
    AGREEMENT_TRANCHE = "agreement.tranche", _("Tranche planned")
    AGREEMENT_TRANCHE_PAY = "agreement.tranche_pay", _("Tranche paid")
    AGREEMENT_TARGET = "agreement.target", _("Target set")
    AGREEMENT_TARGET_PROGRESS = "agreement.target_progress", _("Target progress reported")
    AGREEMENT_REPORT = "agreement.report", _("Report due")
    AGREEMENT_REPORT_RECEIVED = "agreement.report_received", _("Report received")


class Audience(models.TextChoices):
    JUDGES = "judges", _("Judges and magistrates")
    PROSECUTORS = "prosecutors", _("Prosecutors and MP staff")
    POLICE = "police", _("Police")
    MIGRATION = "migration", _("Migration officials")
    CONSULAR = "consular", _("Consular staff")
    MUNICIPAL = "municipal", _("Municipal staff")
    HEALTH = "health", _("Health staff")
    TEACHERS = "teachers", _("Teachers")
    CIVIL_SOCIETY = "civil_society", _("Civil-society organisations")
    PARTNERS = "partners", _("Partner staff")
    MIXED = "mixed", _("Several institutions")
