"""Validation of referral, partner and shelter forms (the rules live in actions)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from retorno.accounts.models import Organisation
from retorno.geo.models import Department, Municipality
from retorno.referrals.models import (
    DEFAULT_SHELTER_FIELDS,
    BedType,
    Partner,
    Referral,
    Service,
    SharedField,
    Shelter,
    TargetGroup,
)


class ReferralForm(forms.Form):
    partner = forms.ModelChoiceField(
        label=_("Partner"), queryset=Partner.objects.filter(is_active=True).select_related("organisation")
    )
    service = forms.ChoiceField(label=_("Service"), choices=Service.choices)
    shelter = forms.ModelChoiceField(
        label=_("Shelter"),
        queryset=Shelter.objects.filter(is_active=True),
        required=False,
        help_text=_("Only for a shelter referral: the person then appears as an expected arrival there."),
    )
    purpose = forms.CharField(label=_("Purpose"), max_length=300, help_text=_("What for; the partner sees it."))
    note = forms.CharField(
        label=_("Note for the partner"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    shared_fields = forms.MultipleChoiceField(
        label=_("Data shared with the partner"),
        choices=SharedField.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=DEFAULT_SHELTER_FIELDS,
    )
    consent_override_reason = forms.CharField(
        label=_("Refer without consent: why (managers only)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, can_override: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_override:
            del self.fields["consent_override_reason"]


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=())
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=500,
        help_text=_("Required to reject, revoke or record a no-show."),
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=1000)

    def __init__(self, *args, statuses: list[str] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(s, ANSWER_LABELS[s]) for s in statuses]


class LinkForm(forms.Form):
    days_valid = forms.IntegerField(label=_("Valid for (days)"), min_value=1, max_value=30, initial=7)


class LinkSendForm(forms.Form):
    channel = forms.ChoiceField(label=_("Send by"), choices=[])
    days_valid = forms.IntegerField(label=_("Valid for (days)"), min_value=1, max_value=30, initial=7)

    def __init__(self, *args, channels: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["channel"].choices = channels


class PartnerForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Existing organisation"),
        queryset=Organisation.objects.filter(partner__isnull=True).exclude(kind=Organisation.Kind.PROGRAMME),
        required=False,
        help_text=_("Or leave empty and give the name and kind of a new one."),
    )
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", "—"), *Organisation.Kind.choices[1:]], required=False)
    services = forms.MultipleChoiceField(
        label=_("Offers"), choices=Service.choices, widget=forms.CheckboxSelectMultiple
    )
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    target_groups = forms.MultipleChoiceField(
        label=_("For whom"), choices=TargetGroup.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    department = forms.ModelChoiceField(label=_("Department"), queryset=Department.objects.all(), required=False)
    municipality = forms.ModelChoiceField(
        label=_("Municipality"), queryset=Municipality.objects.select_related("department"), required=False
    )
    address = forms.CharField(label=_("Address"), max_length=300, required=False)
    contact_name = forms.CharField(label=_("Contact person"), max_length=200, required=False)
    contact_phone = forms.CharField(label=_("Contact phone"), max_length=40, required=False)
    contact_email = forms.EmailField(label=_("Contact email"), required=False)
    answer_days = forms.IntegerField(label=_("Days to answer a referral"), min_value=1, max_value=60, initial=3)
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            for name in ("organisation", "name", "kind"):
                del self.fields[name]

    def clean(self):
        data = super().clean()
        new_organisation = "organisation" in self.fields and not data.get("organisation")
        if new_organisation and (not data.get("name") or not data.get("kind")):
            raise forms.ValidationError(_("Choose an organisation, or give the name and kind of a new one."))
        return data


class ShelterForm(forms.ModelForm):
    class Meta:
        model = Shelter
        fields = [
            "partner",
            "name",
            "municipality",
            "address",
            "capacity_adults",
            "capacity_women",
            "capacity_minors",
            "capacity_trafficking",
            "stay_limit_hours",
            "warning_hours",
            "is_active",
        ]

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = Partner.objects.filter(offers__service=Service.SHELTER).select_related(
            "organisation"
        )
        if editing:
            del self.fields["partner"]


class CheckInForm(forms.Form):
    bed_type = forms.ChoiceField(label=_("Bed"), choices=BedType.choices)


class CheckOutForm(forms.Form):
    note = forms.CharField(label=_("Where they went / note"), required=False, max_length=500)


class LinkAnswerForm(forms.Form):
    status = forms.ChoiceField(label=_("Your answer"), choices=(), widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=500,
        help_text=_("Required if you reject or the person did not come."),
    )
    note = forms.CharField(
        label=_("Note for the programme"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, statuses: list[str] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(s, ANSWER_LABELS[s]) for s in statuses]


ANSWER_LABELS = {
    Referral.Status.ACCEPTED: _("Accept"),
    Referral.Status.REJECTED: _("Reject"),
    Referral.Status.COMPLETED: _("Completed: the service was given"),
    Referral.Status.NO_SHOW: _("The person did not come"),
    Referral.Status.REVOKED: _("Revoke the referral"),
}
