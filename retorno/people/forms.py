"""Validation of registry forms (no rules beyond the input's shape)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from retorno.people.models import Consent, Contact, Language, Person


class PersonForm(forms.ModelForm):
    # Wider than the stored 13 digits: people type DPIs with spaces ("2345 67890 0101").
    cui = forms.CharField(
        label=_("CUI (DPI number)"),
        max_length=20,
        required=False,
        help_text=_("13 digits. A number that fails the check is kept, with a warning."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=Language.choices, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Person
        fields = [
            "given_names",
            "first_surname",
            "second_surname",
            "sex",
            "birth_date",
            "birth_date_precision",
            "cui",
            "nationality",
            "origin_municipality",
            "languages",
            "people_group",
            "education",
        ]
        widgets = {
            "birth_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["origin_municipality"].queryset = self.fields["origin_municipality"].queryset.select_related(
            "department"
        )

    def clean_cui(self) -> str:
        value = self.cleaned_data.get("cui", "")
        digits = "".join(ch for ch in value if ch.isdigit())
        if value and len(digits) != 13:
            raise forms.ValidationError(_("A CUI has 13 digits."))
        return digits


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Name, CUI or document"), max_length=200, required=False)


class ContactForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = ["kind", "value", "where", "label"]


class ConsentForm(forms.ModelForm):
    class Meta:
        model = Consent
        fields = ["purpose", "given", "given_by", "guardian_name", "note"]
        widgets = {"given": forms.Select(choices=[(True, _("Given")), (False, _("Withdrawn / refused"))])}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Consent to protection and victim assistance is recorded inside the protection case (sealed).
        self.fields["purpose"].choices = [
            c for c in self.fields["purpose"].choices if c[0] != Consent.Purpose.PROTECTION
        ]
