"""Validation of registry forms (no rules beyond the input's shape)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from retorno.people.models import Consent, Contact, Language, Person


class PersonForm(forms.ModelForm):
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
            "cui": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        }
        help_texts = {"cui": _("13 digits. A number that fails the check is kept, with a warning.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["origin_municipality"].queryset = self.fields["origin_municipality"].queryset.select_related(
            "department"
        )
        self.fields["cui"].max_length = 20

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
