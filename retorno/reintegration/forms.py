"""Validation of the reintegration forms (the actions hold the rules)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from retorno.accounts.access import PERMISSIONS
from retorno.accounts.directory import DirectoryChoiceField
from retorno.accounts.models import Organisation, User
from retorno.funding.queries import budget_lines_to_pay_from
from retorno.geo.models import Municipality
from retorno.lib.money import format_money
from retorno.referrals.models import SharedField
from retorno.reintegration import rss
from retorno.reintegration.actions.jobs import DEFAULT_EMPLOYER_FIELDS
from retorno.reintegration.models import (
    BusinessGrant,
    Course,
    DocumentRequest,
    FollowUpAttempt,
    FollowUpOutcome,
    GroupSession,
    Payment,
    PlanGoal,
    ReintegrationCase,
    Sector,
    SelfHelpGroup,
    Vacancy,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def officers() -> "forms.models.QuerySet":
    return User.objects.filter(is_active=True, role__in=PERMISSIONS["reintegration.edit"]).order_by(
        "first_name", "username"
    )


class CaseOpenForm(forms.Form):
    returned_on = forms.DateField(label=_("Returned on"), widget=DATE)
    officer = forms.ModelChoiceField(label=_("Officer"), queryset=User.objects.none())
    goals = forms.CharField(label=_("Plan summary"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = officers()


class AssignForm(forms.Form):
    officer = forms.ModelChoiceField(label=_("Officer"), queryset=User.objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = officers()


class StatusForm(forms.Form):
    status = forms.CharField(max_length=20)
    on = forms.DateField(required=False, widget=DATE)
    reason = forms.CharField(max_length=300, required=False)
    certificate_number = forms.CharField(max_length=60, required=False)


class PlanForm(forms.Form):
    agreed_on = forms.DateField(label=_("Plan agreed on"), widget=DATE)


class GoalForm(forms.ModelForm):
    class Meta:
        model = PlanGoal
        fields = ["area", "description", "target_on"]
        widgets = {"target_on": DATE}


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Document"), choices=DocumentRequest.Kind.choices)
    issuer = DirectoryChoiceField(
        DocumentRequest.ISSUER_KINDS,
        label=_("Issued by"),
        required=False,
        help_text=_("From the institutions directory; leave empty for the usual office."),
    )


class EnrolmentForm(forms.Form):
    course = forms.ModelChoiceField(
        label=_("Course"), queryset=Course.objects.filter(is_active=True).select_related("institution")
    )
    starts_on = forms.DateField(label=_("Starts on"), widget=DATE)
    ends_on = forms.DateField(label=_("Ends on"), widget=DATE, required=False)


class AttendanceForm(forms.Form):
    sessions_total = forms.IntegerField(label=_("Sessions held"), min_value=0, max_value=1000)
    sessions_attended = forms.IntegerField(label=_("Sessions attended"), min_value=0, max_value=1000)


class JobReferralForm(forms.Form):
    """A vacancy, and what the employer will see of the person (sent to it as a referral)."""

    vacancy = forms.ModelChoiceField(
        label=_("Vacancy"), queryset=Vacancy.objects.filter(is_open=True).select_related("employer")
    )
    shared_fields = forms.MultipleChoiceField(
        label=_("Data the employer will see"),
        choices=[c for c in SharedField.choices if c[0] != SharedField.FULL_RECORD],
        widget=forms.CheckboxSelectMultiple,
        initial=DEFAULT_EMPLOYER_FIELDS,
    )
    note = forms.CharField(
        label=_("Note for the employer"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    consent_override_reason = forms.CharField(
        label=_("Reason for referring without consent to share data (managers, audited)"),
        max_length=500,
        required=False,
    )

    def __init__(self, *args, can_override: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_override:
            del self.fields["consent_override_reason"]


class LinkForm(forms.Form):
    days_valid = forms.IntegerField(label=_("Valid for (days)"), min_value=1, max_value=30, initial=7)


class GrantForm(forms.ModelForm):
    class Meta:
        model = BusinessGrant
        fields = ["business_name", "sector", "description", "skills_abroad", "budget", "amount_requested"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4}), "skills_abroad": forms.Textarea(attrs={"rows": 2})}


class GrantReviewForm(forms.Form):
    status = forms.ChoiceField(choices=[(s, s) for s in ("submitted", "approved", "rejected", "draft", "cancelled")])
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class TrancheForm(forms.Form):
    amount = forms.DecimalField(label=_("Amount (GTQ)"), max_digits=10, decimal_places=2, min_value=0.01)
    planned_on = forms.DateField(label=_("Planned for"), widget=DATE)


class TranchePayForm(forms.Form):
    status = forms.ChoiceField(choices=[("paid", "paid"), ("cancelled", "cancelled")])
    budget_line = forms.ModelChoiceField(queryset=budget_lines_to_pay_from(), required=False)
    paid_on = forms.DateField(required=False, widget=DATE)
    reference = forms.CharField(max_length=100, required=False)
    override_reason = forms.CharField(max_length=300, required=False)
    reason = forms.CharField(max_length=300, required=False)


class EquipmentForm(forms.Form):
    description = forms.CharField(label=_("Equipment"), max_length=200)
    supplier = forms.CharField(label=_("Supplier"), max_length=200, required=False)
    amount = forms.DecimalField(label=_("Cost (GTQ)"), max_digits=10, decimal_places=2, min_value=0.01)
    purchased_on = forms.DateField(label=_("Purchased on"), widget=DATE)


class PaymentForm(forms.Form):
    budget_line = forms.ModelChoiceField(label=_("Budget line"), queryset=budget_lines_to_pay_from())
    amount = forms.DecimalField(label=_("Amount (GTQ)"), max_digits=12, decimal_places=2, min_value=0.01)
    purpose = forms.ChoiceField(
        label=pgettext_lazy("payment", "Purpose"),
        choices=[c for c in Payment.Purpose.choices if c[0] != Payment.Purpose.GRANT],
    )
    paid_on = forms.DateField(label=_("Paid on"), widget=DATE)
    payee = forms.CharField(label=_("Paid to"), max_length=200, required=False)
    reference = forms.CharField(label=_("Receipt or reference"), max_length=100, required=False)
    document = forms.ModelChoiceField(
        label=_("For the document"), queryset=DocumentRequest.objects.none(), required=False
    )
    override_reason = forms.CharField(
        label=_("Reason to exceed the budget (managers)"),
        max_length=300,
        required=False,
        help_text=_("Only if the line has too little left; a manager's override is audited."),
    )

    def __init__(self, *args, case: ReintegrationCase | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["budget_line"].label_from_instance = line_with_balance
        if case is not None:
            self.fields["document"].queryset = case.documents.all()


def line_with_balance(line) -> str:
    """A budget line as an officer chooses it: code, donor and what is left in the donor's currency."""
    left = format_money(line.balance, line.donor.currency)
    return _("%(code)s · %(name)s · %(donor)s (left %(left)s)") % {
        "code": line.code,
        "name": line.name,
        "donor": line.donor,
        "left": left,
    }


class AttemptForm(forms.Form):
    channel = forms.ChoiceField(label=_("How"), choices=FollowUpAttempt.Channel.choices)
    reached = forms.TypedChoiceField(
        label=_("Result"), choices=[("1", _("Reached")), ("0", _("Not reached"))], coerce=lambda v: v == "1"
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


YES_NO_UNKNOWN = [("", "—"), ("1", _("Yes")), ("0", _("No"))]


def _yes_no(value):
    return {"1": True, "0": False}.get(value)


class OutcomeForm(forms.Form):
    working = forms.ChoiceField(label=_("Working"), choices=FollowUpOutcome.Working.choices)
    income_band = forms.ChoiceField(label=_("Monthly income"), choices=FollowUpOutcome.IncomeBand.choices)
    business_operating = forms.TypedChoiceField(
        label=_("Business still operating"), choices=YES_NO_UNKNOWN, coerce=_yes_no, required=False, empty_value=None
    )
    still_with_employer = forms.TypedChoiceField(
        label=_("Still with the employer referred to"),
        choices=YES_NO_UNKNOWN,
        coerce=_yes_no,
        required=False,
        empty_value=None,
    )
    living_in = forms.ModelChoiceField(
        label=_("Living in (municipality)"), queryset=Municipality.objects.select_related("department"), required=False
    )
    intends_to_migrate = forms.ChoiceField(
        label=_("Intends to migrate again"), choices=FollowUpOutcome.Intention.choices
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for question in rss.questions():
            self.fields[f"rss_{question.code}"] = forms.ChoiceField(
                label=question.text,
                required=False,
                choices=[("", "—")] + [(o, RSS_OPTION_LABELS.get(o, o)) for o in question.options],
            )

    def rss_fields(self):
        return [self[name] for name in self.fields if name.startswith("rss_")]

    def main_fields(self):
        return [self[name] for name in self.fields if not name.startswith("rss_")]

    def answers(self) -> dict:
        return {name[4:]: value for name, value in self.cleaned_data.items() if name.startswith("rss_") and value}


RSS_OPTION_LABELS = rss.OPTION_LABELS


class CourseForm(forms.ModelForm):
    class Meta:
        model = Course
        fields = ["institution", "name", "kind", "sector", "hours", "cost"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].queryset = Organisation.objects.filter(
            is_active=True, kind__in=[Organisation.Kind.TRAINING, Organisation.Kind.GOVERNMENT]
        )


class VacancyForm(forms.ModelForm):
    class Meta:
        model = Vacancy
        fields = ["employer", "title", "sector", "positions", "municipality", "requirements", "posted_on"]
        widgets = {"posted_on": DATE, "requirements": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employer"].queryset = Organisation.objects.filter(is_active=True, kind=Organisation.Kind.EMPLOYER)
        self.fields["sector"].choices = Sector.choices


class GroupForm(forms.ModelForm):
    class Meta:
        model = SelfHelpGroup
        fields = ["name", "municipality", "facilitator", "started_on"]
        widgets = {"started_on": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["facilitator"].queryset = officers()


class SessionForm(forms.Form):
    held_on = forms.DateField(label=_("Held on"), widget=DATE)
    topic = forms.ChoiceField(label=_("Topic"), choices=GroupSession.Topic.choices)
    notes = forms.CharField(label=_("Notes"), max_length=500, required=False)
    attendees = forms.ModelMultipleChoiceField(
        label=_("Attendance"),
        queryset=ReintegrationCase.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = ReintegrationCase.objects.filter(
            status__in=ReintegrationCase.LIVE
        ).select_related("person")
        self.fields["attendees"].label_from_instance = lambda c: f"{c.person.full_name} (#{c.pk})"


class RescoreForm(forms.Form):
    version = forms.ChoiceField(label=_("Scoring version"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].choices = [(s.code, f"{s.name} ({s.code})") for s in rss.VERSIONS.values()]
        self.fields["version"].initial = rss.CURRENT_VERSION
