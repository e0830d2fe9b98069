"""Validation of the reception forms (no domain rules here)."""

from django import forms
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from retorno.accounts.directory import DirectoryChoiceField
from retorno.geo.models import Country, Municipality
from retorno.people.forms import PersonForm
from retorno.reception.manifest import Field
from retorno.reception.models import (
    Flight,
    LeavingReason,
    MigrationHistory,
    NeedAssessment,
    ServiceGiven,
    Triage,
    TriageNeed,
)
from retorno.referrals.models import HEALTH_FACILITY_KINDS


class FlightForm(forms.ModelForm):
    class Meta:
        model = Flight
        fields = ["kind", "code", "date", "expected_time", "origin", "carrier", "expected_count"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "expected_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=Flight.Status.choices)
    arrived_count = forms.IntegerField(label=_("People who arrived (head count)"), min_value=0, required=False)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class ManifestUploadForm(forms.Form):
    file = forms.FileField(label=_("Manifest file (CSV or XLSX)"))
    source = forms.CharField(label=_("Source (carrier or agency)"), max_length=120, required=False)


# What each manifest field is called on screen (the stored codes never are shown).
FIELD_LABELS = {
    Field.SEQUENCE: _("Passenger No."),
    Field.GIVEN_NAMES: _("Given names"),
    Field.MIDDLE_NAMES: _("Middle names"),
    Field.FIRST_SURNAME: _("First surname"),
    Field.SECOND_SURNAME: _("Second surname"),
    Field.SURNAMES: _("Surnames (both)"),
    Field.FULL_NAME: _("Full name"),
    Field.SEX: _("Sex"),
    Field.BIRTH_DATE: _("Date of birth"),
    Field.AGE: _("Age"),
    Field.NATIONALITY: _("Nationality"),
    Field.CUI: _("CUI (DPI number)"),
    Field.PASSPORT: _("Passport"),
    Field.A_NUMBER: _("A-number"),
    Field.ORIGIN_DEPARTMENT: _("Department of origin"),
    Field.ORIGIN_MUNICIPALITY: _("Municipality of origin"),
    Field.ORIGIN_PLACE: _("Place of origin"),
    Field.UNACCOMPANIED_MINOR: _("Unaccompanied minor"),
    Field.NOTES: _("Notes"),
}
FIELD_CHOICES = [("", _("— not used —"))] + [(str(f), FIELD_LABELS[f]) for f in Field]


class MappingForm(forms.Form):
    """One choice per column header of the file, plus the day/month order of dates."""

    date_order = forms.ChoiceField(
        label=_("Order of dates such as 03/04/1990"),
        choices=[("", _("Decide from the file")), ("dmy", _("day/month/year")), ("mdy", _("month/day/year"))],
        required=False,
    )

    def __init__(self, *args, headers: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.headers = headers
        for index, header in enumerate(headers):
            self.fields[f"col_{index}"] = forms.ChoiceField(label=header, choices=FIELD_CHOICES, required=False)

    def mapping(self) -> dict:
        columns = {
            h: self.cleaned_data[f"col_{i}"] for i, h in enumerate(self.headers) if self.cleaned_data.get(f"col_{i}")
        }
        return {"columns": columns, "date_order": self.cleaned_data.get("date_order") or None}


class TriageForm(forms.ModelForm):
    """The triage as stored: its other needs and the guardian of the consent on record are shown,
    so that saving again changes only what the clerk changed (see ``changed_fields``)."""

    other_needs = forms.ModelMultipleChoiceField(
        queryset=TriageNeed.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Other needs"),
    )
    guardian_name = forms.CharField(label=_("Guardian giving consent (minors)"), max_length=200, required=False)

    def __init__(self, *args, guardian_name: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["guardian_name"].initial = guardian_name
        if self.instance.pk:
            stored = self.instance.other_needs.values_list("pk", flat=True)
            # A need retired from the list since it was ticked stays visible (and kept) on this triage.
            self.fields["other_needs"].queryset = TriageNeed.objects.filter(Q(is_active=True) | Q(pk__in=list(stored)))

    def changed_fields(self) -> dict:
        """The cleaned values the clerk changed: nothing else is written."""
        return {name: self.cleaned_data[name] for name in self.changed_data}

    class Meta:
        model = Triage
        fields = [
            "refreshments",
            "calls_national",
            "calls_international",
            "transport_home",
            "shelter",
            "medical",
            "psychosocial",
            "documents_no_dpi",
            "reintegration_interest",
            "contact_consent",
            "contact_phone",
            "travelling_alone",
            "refer_to_protection",
            "other_needs",
        ]


class ServiceForm(forms.ModelForm):
    class Meta:
        model = ServiceGiven
        fields = ["kind", "quantity", "unit_cost", "currency", "note"]


class AssessmentForm(forms.ModelForm):
    destination = forms.ModelChoiceField(
        queryset=Municipality.objects.select_related("department"), required=False, label=_("Destination")
    )
    vulnerability = forms.IntegerField(min_value=0, max_value=5, initial=0, label=_("Vulnerability (0–5)"))

    class Meta:
        model = NeedAssessment
        fields = ["can_pay", "family_collecting", "destination", "vulnerability"]


class OverrideForm(forms.Form):
    allocate = forms.TypedChoiceField(
        label=_("Override"),
        choices=[("1", _("Give a ticket")), ("0", _("Withhold the ticket"))],
        coerce=lambda v: v == "1",
    )
    reason = forms.CharField(label=_("Reason"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))


class BudgetForm(forms.Form):
    amount = forms.DecimalField(label=_("Budget"), min_value=0, max_digits=10, decimal_places=2)
    currency = forms.CharField(label=_("Currency"), max_length=3, initial="USD")


class WalkInForm(PersonForm):
    """A walk-in is registered with the registry's own person form."""


def _declined():
    return forms.BooleanField(label=_("Prefers not to say"), required=False)


class MigrationHistoryForm(forms.Form):
    """The optional migration history; every question may be left blank or declined."""

    H = MigrationHistory
    NOT_ANSWERED = [("", _("Not answered"))]

    consent = forms.ChoiceField(
        label=_("Does the person agree to answer?"), choices=H.Consent.choices, widget=forms.RadioSelect
    )
    reasons = forms.MultipleChoiceField(
        label=_("Reasons for leaving"),
        choices=[c for c in LeavingReason.Reason.choices if c[0] != LeavingReason.Reason.DECLINED],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    reasons_declined = _declined()
    years_abroad = forms.IntegerField(label=_("Years abroad"), min_value=0, max_value=80, required=False)
    years_abroad_declined = _declined()
    countries = forms.ModelMultipleChoiceField(
        label=_("Countries where the person lived or passed through"),
        queryset=Country.objects.all(),
        to_field_name="alpha2",
        required=False,
    )
    countries_declined = _declined()

    family_abroad = forms.ChoiceField(
        label=_("Family abroad"), choices=NOT_ANSWERED + H.Answer.choices, widget=forms.RadioSelect, required=False
    )
    previous_deportations = forms.IntegerField(
        label=_("Previous deportations"), min_value=0, max_value=50, required=False
    )
    previous_deportations_declined = _declined()
    smuggler_used = forms.ChoiceField(
        label=_("Did the person travel with a smuggler (coyote)?"),
        choices=NOT_ANSWERED + H.Answer.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    smuggler_cost = forms.DecimalField(
        label=_("What the smuggler charged"), min_value=0, max_digits=12, decimal_places=2, required=False
    )
    smuggler_currency = forms.ChoiceField(
        label=_("Currency"),
        choices=[
            ("", "—"),
            ("USD", _("US dollars (USD)")),
            ("GTQ", _("Quetzales (GTQ)")),
            ("MXN", _("Mexican pesos (MXN)")),
        ],
        required=False,
    )
    smuggler_cost_declined = _declined()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # In the reader's alphabet: Country orders by its Spanish name.
        by = "name_en" if (get_language() or "es").startswith("en") else "name_es"
        self.fields["countries"].queryset = Country.objects.order_by(by)


class WorkTakeForm(forms.Form):
    """Taking a work item; a health item names the facility its referral goes to."""

    facility = DirectoryChoiceField(HEALTH_FACILITY_KINDS, label=_("Health facility"), required=False)
