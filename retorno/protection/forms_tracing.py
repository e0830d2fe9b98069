"""Input shapes for family tracing and reunification on a minor's case (rules live in actions)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from retorno.geo.models import Department, Municipality
from retorno.protection.models import FamilyAssessment, Relationship, ReunificationVisit, TracingRequest, TracingStep

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = forms.Textarea(attrs={"rows": 3, "autocomplete": "off"})
OFF = forms.TextInput(attrs={"autocomplete": "off"})


class TracingRequestForm(forms.Form):
    sought_name = forms.CharField(label=_("Person sought"), max_length=200, widget=OFF)
    relationship = forms.ChoiceField(label=_("Relationship to the child"), choices=Relationship.choices)
    department = forms.ModelChoiceField(label=_("Department"), queryset=Department.objects.all(), required=False)
    municipality = forms.ModelChoiceField(
        label=_("Municipality"), queryset=Municipality.objects.select_related("department"), required=False
    )
    address = forms.CharField(label=_("Last known address"), required=False, widget=TEXT, max_length=1000)
    phone = forms.CharField(label=_("Phone numbers"), required=False, max_length=200, widget=OFF)
    contacts_tried = forms.CharField(label=_("Contacts tried"), required=False, widget=TEXT, max_length=4000)


class TracingRequestEditForm(TracingRequestForm):
    """Complete or correct a request (those from the retired log came with no name or relationship)."""

    tracing_request = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, tracing_request: TracingRequest | None = None, **kwargs):
        if tracing_request is not None:
            kwargs.setdefault("initial", {})
            kwargs["initial"].update(
                {f: getattr(tracing_request, f) for f in DETAILS},
                tracing_request=tracing_request.pk,
                department=tracing_request.department_id,
                municipality=tracing_request.municipality_id,
            )
        super().__init__(*args, **kwargs)
        self.fields["relationship"].choices = [("", "—"), *Relationship.choices]


DETAILS = ("sought_name", "relationship", "address", "phone", "contacts_tried")


class TracingStatusForm(forms.Form):
    tracing_request = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(label=_("New status"), choices=TracingRequest.Status.choices)
    outcome = forms.CharField(label=_("Outcome"), required=False, widget=TEXT, max_length=4000)


class TracingStepForm(forms.Form):
    tracing_request = forms.IntegerField(widget=forms.HiddenInput)
    on = forms.DateField(label=_("Date"), widget=DATE, initial=timezone.localdate)
    method = forms.ChoiceField(label=_("Method"), choices=TracingStep.Method.choices)
    result = forms.ChoiceField(label=_("Result"), choices=TracingStep.Result.choices)
    notes = forms.CharField(label=_("Notes"), required=False, widget=TEXT, max_length=4000)


def _level(label):
    return forms.TypedChoiceField(
        label=label, choices=FamilyAssessment.Level.choices, coerce=int, widget=forms.RadioSelect
    )


class FamilyAssessmentForm(forms.Form):
    # The case's tracing requests (choices set by the section); the caregiver defaults to its person sought.
    tracing_request = forms.IntegerField(label=_("Tracing request"), required=False, widget=forms.Select)
    caregiver_name = forms.CharField(label=_("Caregiver assessed"), required=False, max_length=200, widget=OFF)
    relationship = forms.ChoiceField(
        label=_("Relationship to the child"), choices=[("", "—"), *Relationship.choices], required=False
    )
    assessed_on = forms.DateField(label=_("Assessed on"), widget=DATE, initial=timezone.localdate)
    safety = _level(_("A safe home"))
    willingness = _level(_("Willing to care for the child"))
    capacity = _level(_("Able to care for the child"))
    child_view_heard = forms.BooleanField(label=_("The child's view was heard"), required=False)
    risks_found = forms.BooleanField(label=_("Risks found"), required=False)
    recommendation = forms.ChoiceField(label=_("Recommendation"), choices=FamilyAssessment.Recommendation.choices)
    notes = forms.CharField(label=_("Notes"), required=False, widget=TEXT, max_length=4000)


class VisitScheduleForm(forms.Form):
    scheduled_on = forms.DateField(label=_("Visit on"), widget=DATE)


class HandoverAssessmentForm(forms.Form):
    """The assessment a family handover recorded before the rule rests on (choices set by the section)."""

    handover = forms.IntegerField(widget=forms.HiddenInput)
    assessment = forms.IntegerField(label=_("Family assessment recommending this reunification"), widget=forms.Select)


class VisitRecordForm(forms.Form):
    visit = forms.IntegerField(widget=forms.HiddenInput)
    done_on = forms.DateField(label=_("Visited on"), widget=DATE, initial=timezone.localdate)
    wellbeing = forms.TypedChoiceField(
        label=_("The child's situation"), choices=ReunificationVisit.Wellbeing.choices, coerce=int
    )
    concerns = forms.CharField(label=_("Concerns"), required=False, widget=TEXT, max_length=4000)
    notes = forms.CharField(label=_("Notes"), required=False, widget=TEXT, max_length=4000)
    next_visit_on = forms.DateField(label=_("Next visit"), widget=DATE, required=False)
