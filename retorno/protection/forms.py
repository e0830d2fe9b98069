"""Input shapes for the protection pages (rules live in actions.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from retorno.accounts.directory import DirectoryChoiceField
from retorno.people.models import Consent
from retorno.protection import protocol
from retorno.protection.models import (
    BestInterestDecision,
    BreakGlassAccess,
    CaseKind,
    CustodyEvent,
    HealthReferral,
    Identification,
    LegalCase,
    ProtectionCase,
    PsychosocialAssessment,
    PsychosocialSession,
    RiskAssessment,
    ShelterReferral,
    SupportService,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = forms.Textarea(attrs={"rows": 3, "autocomplete": "off"})


class TakeReferralForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of case"), choices=CaseKind.choices, initial=CaseKind.TRAFFICKING)
    assignee = forms.IntegerField(label=_("Assign to"), required=False, widget=forms.Select)


class OpenCaseForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of case"), choices=CaseKind.choices)


class AssignForm(forms.Form):
    user = forms.IntegerField(label=_("Staff member"), widget=forms.Select)


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=ProtectionCase.Status.choices)
    reason = forms.CharField(label=_("Reason for closure"), required=False, widget=TEXT, max_length=4000)


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Note"), widget=TEXT, max_length=20000)


class ConsentForm(forms.Form):
    purpose = forms.ChoiceField(
        label=_("Purpose"),
        choices=[
            (p.value, p.label)
            for p in (Consent.Purpose.PROTECTION, Consent.Purpose.PSYCHOSOCIAL, Consent.Purpose.SHARE_WITH_PARTNERS)
        ],
    )
    given = forms.TypedChoiceField(
        label=_("Decision"), choices=[("1", _("Given")), ("0", _("Withdrawn or refused"))], coerce=lambda v: v == "1"
    )
    given_by = forms.ChoiceField(label=_("Given by"), choices=Consent.GivenBy.choices, initial=Consent.GivenBy.SELF)
    guardian_name = forms.CharField(label=_("Guardian or decision-maker"), required=False, max_length=200)


class AssessmentForm(forms.Form):
    distress = forms.ChoiceField(label=_("Distress level"), choices=PsychosocialAssessment.Distress.choices)
    risk_to_self = forms.ChoiceField(label=_("Risk to self"), choices=PsychosocialAssessment.RiskToSelf.choices)
    needs = forms.MultipleChoiceField(
        label=_("Needs"),
        choices=PsychosocialAssessment.Need.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    observations = forms.CharField(label=_("Observations"), required=False, widget=TEXT, max_length=20000)


class SessionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=PsychosocialSession.Kind.choices)
    duration_minutes = forms.IntegerField(label=_("Duration (minutes)"), min_value=5, max_value=600)
    notes = forms.CharField(label=_("Session notes"), required=False, widget=TEXT, max_length=20000)


class HealthReferralForm(forms.Form):
    destination = forms.ChoiceField(label=_("Destination"), choices=HealthReferral.Destination.choices)
    organisation = DirectoryChoiceField(HealthReferral.PARTNER_KINDS, label=_("Partner"), required=False)
    reason = forms.CharField(label=_("Reason for referral"), required=False, widget=TEXT, max_length=4000)


class HealthOutcomeForm(forms.Form):
    referral = forms.IntegerField(widget=forms.HiddenInput)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=HealthReferral.Outcome.choices)
    note = forms.CharField(label=_("Outcome notes"), required=False, widget=TEXT, max_length=4000)


class FollowUpPlanForm(forms.Form):
    goals = forms.CharField(label=_("Goals and agreed actions"), widget=TEXT, max_length=20000)
    next_review_on = forms.DateField(label=_("Next review"), widget=DATE)
    every_weeks = forms.IntegerField(label=_("Review every (weeks)"), min_value=1, max_value=52, initial=4)


class IdentificationForm(forms.Form):
    """One radio group per indicator; every answer is optional (the interview may stop)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for indicator in protocol.INDICATORS:
            self.fields[indicator.code] = forms.ChoiceField(
                label=indicator.question, choices=protocol.ANSWERS, required=False, widget=forms.RadioSelect
            )

    def by_category(self):
        return [
            (label, [self[i.code] for i in protocol.INDICATORS if i.category == code])
            for code, label in protocol.Category.LABELS.items()
        ]


class ConcludeForm(forms.Form):
    result = forms.ChoiceField(
        label=_("Result"), choices=[c for c in Identification.Result.choices if c[0] != "pending"]
    )
    authority = forms.ChoiceField(
        label=_("Deciding authority (if confirmed)"),
        choices=[("", "—"), *Identification.Authority.choices],
        required=False,
    )
    authority_name = forms.CharField(label=_("Who decided (authority, office)"), required=False, max_length=200)


class RiskForm(forms.Form):
    level = forms.ChoiceField(label=_("Risk level"), choices=RiskAssessment.Level.choices)
    risk_factors = forms.CharField(label=_("Risk factors"), required=False, widget=TEXT, max_length=20000)
    safety_plan = forms.CharField(label=_("Safety plan"), required=False, widget=TEXT, max_length=20000)


class SupportForm(forms.Form):
    type = forms.ChoiceField(label=_("Type"), choices=SupportService.Type.choices)
    started_on = forms.DateField(label=_("Started"), widget=DATE)
    planned_end_on = forms.DateField(label=_("Planned end"), widget=DATE, required=False)
    description = forms.CharField(label=_("Description"), required=False, widget=TEXT, max_length=4000)


class ShelterForm(forms.Form):
    organisation = DirectoryChoiceField(ShelterReferral.ORGANISATION_KINDS, label=_("Specialised shelter"))
    shared_sections = forms.MultipleChoiceField(
        label=_("Share with the shelter"),
        choices=ShelterReferral.Section.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    consent_given = forms.BooleanField(label=_("The person consents to sharing these sections"), required=False)


class LegalOpenForm(forms.Form):
    complaint_number = forms.CharField(
        label=_("Complaint number (MP)"), max_length=60, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )
    prosecutor_office = DirectoryChoiceField(
        LegalCase.PROSECUTOR_KINDS,
        label=_("Prosecutor's office"),
        help_text=_("The Public Prosecutor's Office or one of its units, from the institutions directory."),
    )
    prosecutor = forms.CharField(label=_("Prosecutor"), required=False, max_length=200)
    filed_on = forms.DateField(label=_("Complaint filed on"), widget=DATE)
    witness_protection = forms.BooleanField(label=_("In witness protection"), required=False)
    witness_protection_note = forms.CharField(
        label=_("Witness protection notes"), required=False, widget=TEXT, max_length=4000
    )


class LegalStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=LegalCase.Status.choices)
    on = forms.DateField(label=_("Date"), widget=DATE)


class CustodyForm(forms.Form):
    stage = forms.ChoiceField(label=_("Step"), choices=CustodyEvent.Stage.choices)
    organisation = DirectoryChoiceField(CustodyEvent.ORGANISATION_KINDS, label=_("Institution"), required=False)
    guardian_name = forms.CharField(label=_("Name of the parent or guardian"), required=False, max_length=200)
    relationship = forms.ChoiceField(
        label=_("Relationship"), choices=[("", "—"), *CustodyEvent.Relationship.choices], required=False
    )
    document_checked = forms.BooleanField(label=_("Identity document checked"), required=False)
    document_number = forms.CharField(label=_("Document number"), required=False, max_length=40)
    authorised_by = forms.CharField(label=_("Authorised by"), required=False, max_length=200)
    note = forms.CharField(label=_("Notes"), required=False, widget=TEXT, max_length=4000)
    # The case's assessments recommending reunification (choices set by the section).
    assessment = forms.IntegerField(
        label=_("Family assessment (for a handover to a family member)"), required=False, widget=forms.Select
    )


class BestInterestForm(forms.Form):
    decided_on = forms.DateField(label=_("Decided on"), widget=DATE)
    decided_by = forms.CharField(label=_("Decided by (authority or panel)"), max_length=200)
    decision = forms.CharField(label=_("Decision"), widget=TEXT, max_length=20000)
    minor_assent = forms.ChoiceField(label=_("The minor's own assent"), choices=BestInterestDecision.Assent.choices)
    minor_views = forms.CharField(label=_("The minor's views"), required=False, widget=TEXT, max_length=4000)


class BreakGlassForm(forms.Form):
    reason = forms.CharField(
        label=_("Why do you need to open this case now?"), widget=TEXT, min_length=10, max_length=1000
    )


class ReviewForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=BreakGlassAccess.Outcome.choices)
    note = forms.CharField(label=_("Review note"), required=False, max_length=1000)
