"""Validation of the outreach forms (the rules live in the actions)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from retorno.accounts.models import Organisation
from retorno.outreach.models import (
    Campaign,
    CampaignActivity,
    DialogueEvent,
    DialogueFollowUp,
    DialogueParticipant,
    Meeting,
    Network,
    NetworkAgreement,
    NetworkMember,
    Participant,
    PartnerAgreement,
    Training,
    TrainingSession,
)
from retorno.outreach.models.campaigns import Channel

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _dates(form: forms.ModelForm) -> None:
    for field in form.fields.values():
        if isinstance(field, forms.DateField):
            field.widget = DATE


class OutreachModelForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _dates(self)
        for name in ("institutions", "organisations_present", "partners", "municipalities"):
            if name in self.fields:
                self.fields[name].widget.attrs["size"] = 8


class InstitutionForm(OutreachModelForm):
    class Meta:
        model = Organisation
        fields = [
            "name",
            "acronym",
            "slug",
            "kind",
            "parent",
            "department",
            "municipality",
            "address",
            "phone",
            "email",
        ]


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    position = forms.CharField(label=_("Position"), max_length=200, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    email = forms.EmailField(label=_("Email"), required=False)


class TrainingForm(OutreachModelForm):
    class Meta:
        model = Training
        fields = [
            "title",
            "topic",
            "audience",
            "modality",
            "starts_on",
            "ends_on",
            "place",
            "department",
            "institutions",
            "trainers",
            "materials",
            "cost",
            "budget_line",
            "pass_mark",
        ]
        widgets = {"materials": forms.Textarea(attrs={"rows": 3})}


class SessionForm(OutreachModelForm):
    class Meta:
        model = TrainingSession
        fields = ["date", "subject", "hours"]


class ParticipantForm(OutreachModelForm):
    """Enrol an official: found in the register by name and institution, or added to it."""

    class Meta:
        model = Participant
        fields = ["full_name", "institution", "position", "department", "sex", "phone", "email"]

    def validate_unique(self) -> None:
        # A known participant is found again by the action, not refused.
        return None


class StatusForm(forms.Form):
    status = forms.CharField(max_length=20)
    reason = forms.CharField(label=_("Reason"), max_length=500, required=False)


class NetworkForm(OutreachModelForm):
    class Meta:
        model = Network
        fields = ["name", "kind", "department", "coordinator", "purpose", "founded_on"]
        widgets = {"purpose": forms.Textarea(attrs={"rows": 3})}


class MemberForm(OutreachModelForm):
    class Meta:
        model = NetworkMember
        fields = ["organisation", "representative", "representative_position", "joined_on"]


class MeetingForm(OutreachModelForm):
    class Meta:
        model = Meeting
        fields = ["date", "place", "agenda", "minutes", "organisations_present", "people_present"]
        widgets = {"agenda": forms.Textarea(attrs={"rows": 3}), "minutes": forms.Textarea(attrs={"rows": 4})}


class NetworkAgreementForm(OutreachModelForm):
    class Meta:
        model = NetworkAgreement
        fields = ["commitment", "owner", "due_on"]


class CampaignForm(OutreachModelForm):
    channels = forms.MultipleChoiceField(
        label=_("Channels"), choices=Channel.choices, widget=forms.CheckboxSelectMultiple, required=False
    )

    class Meta:
        model = Campaign
        fields = ["name", "objective", "audience", "channels", "starts_on", "ends_on", "municipalities", "partners"]
        widgets = {"objective": forms.Textarea(attrs={"rows": 3})}


class ActivityForm(OutreachModelForm):
    class Meta:
        model = CampaignActivity
        fields = [
            "kind",
            "date",
            "municipality",
            "description",
            "reached_female",
            "reached_male",
            "reached_unknown",
            "reached_minors",
            "schools",
            "broadcasts",
        ]


class MaterialForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(label=_("File"))


class DialogueForm(OutreachModelForm):
    class Meta:
        model = DialogueEvent
        fields = ["kind", "title", "date", "place", "positions_presented", "outcomes"]
        widgets = {
            "positions_presented": forms.Textarea(attrs={"rows": 3}),
            "outcomes": forms.Textarea(attrs={"rows": 3}),
        }


class DialogueParticipantForm(OutreachModelForm):
    class Meta:
        model = DialogueParticipant
        fields = ["organisation", "people", "position"]


class FollowUpForm(OutreachModelForm):
    class Meta:
        model = DialogueFollowUp
        fields = ["action", "owner", "due_on"]


class AgreementForm(OutreachModelForm):
    class Meta:
        model = PartnerAgreement
        fields = [
            "organisation",
            "kind",
            "title",
            "purpose",
            "amount",
            "currency",
            "budget_line",
            "starts_on",
            "ends_on",
        ]
        widgets = {"purpose": forms.Textarea(attrs={"rows": 3})}


class TrancheForm(forms.Form):
    amount = forms.DecimalField(label=_("Amount"), max_digits=12, decimal_places=2, min_value=0.01)
    due_on = forms.DateField(label=_("Due on"), widget=DATE)


class TranchePayForm(forms.Form):
    paid_on = forms.DateField(label=_("Paid on"), widget=DATE, required=False)
    reference = forms.CharField(label=_("Payment reference"), max_length=100, required=False)


class TargetForm(forms.Form):
    indicator = forms.CharField(label=_("Indicator"), max_length=200)
    target = forms.IntegerField(label=_("Target"), min_value=0)


class ProgressForm(forms.Form):
    achieved = forms.IntegerField(label=_("Achieved"), min_value=0)


class ReportDueForm(forms.Form):
    title = forms.CharField(label=_("Report"), max_length=200)
    due_on = forms.DateField(label=_("Due on"), widget=DATE)


class ChecklistForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    criteria = forms.CharField(
        label=_("Criteria"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("One per line: area | criterion | maximum score (e.g. “Governance | Has a board | 3”)."),
    )

    def clean_criteria(self) -> list[tuple[str, str, int]]:
        rows = []
        for number, line in enumerate(self.cleaned_data["criteria"].splitlines(), start=1):
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split("|")]
            if len(parts) != 3 or not parts[0] or not parts[1] or not parts[2].isdigit() or int(parts[2]) < 1:
                raise forms.ValidationError(_("Line %(n)s: write area | criterion | maximum score.") % {"n": number})
            rows.append((parts[0], parts[1], int(parts[2])))
        if not rows:
            raise forms.ValidationError(_("A checklist needs at least one criterion."))
        return rows


class AssessmentStartForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Partner"), queryset=Organisation.objects.filter(is_active=True))
    assessed_on = forms.DateField(label=_("Assessed on"), widget=DATE)
    notes = forms.CharField(label=_("Notes"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class PlanForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Partner"), queryset=Organisation.objects.filter(is_active=True))
    title = forms.CharField(label=_("Title"), max_length=200)


class PlanActionForm(forms.Form):
    action = forms.CharField(label=_("Action"), max_length=300)
    due_on = forms.DateField(label=_("Due on"), widget=DATE)
