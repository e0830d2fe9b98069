"""What each section of a case page shows: the section's records (from queries) and its forms."""

from django.http import Http404
from django.utils.translation import gettext_lazy

from retorno.protection import forms, forms_tracing, protocol
from retorno.protection.handovers import assessments_for, without_assessment
from retorno.protection.models import HealthReferral, Identification, ProtectionCase
from retorno.protection.queries import (
    identification_running,
    identifications_concluded,
    legal_case_of,
    legal_changes,
    minor_data,
    overview_data,
    psychosocial_data,
    victim_data,
)

# Lazy: evaluated in the reader's language, not the language of the process at import.
SECTION_TITLES = {
    "overview": gettext_lazy("Overview"),
    "psychosocial": gettext_lazy("Psychosocial care"),
    "identification": gettext_lazy("Identification protocol"),
    "victim": gettext_lazy("Victim support"),
    "legal": gettext_lazy("Legal case (MP)"),
    "minor": gettext_lazy("Custody and family"),
}


def _overview(case: ProtectionCase) -> dict:
    return {
        **overview_data(case),
        "note_form": forms.NoteForm(),
        "status_form": forms.StatusForm(initial={"status": ""}),
        "consent_form": forms.ConsentForm(),
        "assign_form": forms.AssignForm(),
    }


def _psychosocial(case: ProtectionCase) -> dict:
    data = psychosocial_data(case)
    plan = data["plan"]
    return {
        **data,
        "assessment_form": forms.AssessmentForm(),
        "session_form": forms.SessionForm(),
        "health_form": forms.HealthReferralForm(),
        "outcomes": HealthReferral.Outcome.choices,
        "plan_form": forms.FollowUpPlanForm(
            initial={"goals": plan.goals, "next_review_on": plan.next_review_on, "every_weeks": plan.every_weeks}
            if plan
            else None
        ),
    }


def _identification(case: ProtectionCase) -> dict:
    running = identification_running(case)
    answers = running.answers if running else {}
    return {
        "running": running,
        "concluded": identifications_concluded(case),
        "protocol_form": forms.IdentificationForm(initial=answers),
        "answered": protocol.answered_count(answers),
        "total": len(protocol.INDICATORS),
        "suggested": Identification.Result(protocol.suggested_result(answers)).label,
        "conclude_form": forms.ConcludeForm(initial={"result": protocol.suggested_result(answers)}),
        "signalled": protocol.signalled,
    }


def _victim(case: ProtectionCase) -> dict:
    return {
        **victim_data(case),
        "risk_form": forms.RiskForm(),
        "support_form": forms.SupportForm(),
        "shelter_form": forms.ShelterForm(),
    }


def _legal(case: ProtectionCase) -> dict:
    legal = legal_case_of(case)
    return {
        "legal": legal,
        "legal_changes": legal_changes(legal),
        "legal_form": forms.LegalOpenForm(),
        "legal_status_form": forms.LegalStatusForm(),
    }


def _minor(case: ProtectionCase) -> dict:
    data = minor_data(case)
    for row in data["tracing_requests"]:
        row.status_form = forms_tracing.TracingStatusForm(initial={"tracing_request": row.pk}, auto_id=f"ts{row.pk}_%s")
        row.status_form.fields["status"].choices = row.next_statuses()
        row.step_form = forms_tracing.TracingStepForm(initial={"tracing_request": row.pk}, auto_id=f"st{row.pk}_%s")
        row.edit_form = forms_tracing.TracingRequestEditForm(tracing_request=row, auto_id=f"te{row.pk}_%s")
    for visit in data["visits"]:
        visit.record_form = forms_tracing.VisitRecordForm(initial={"visit": visit.pk}, auto_id=f"vr{visit.pk}_%s")
    custody = list(data["custody"])
    for event in custody:
        if without_assessment(event):
            event.link_form = _handover_assessment_form(event, data["assessments"])
    custody_form = forms.CustodyForm()
    custody_form.fields["assessment"].widget.choices = [
        ("", "—"),
        *((a.pk, _assessment_label(a)) for a in data["assessments"] if a.recommends_reunification),
    ]
    assessment_form = forms_tracing.FamilyAssessmentForm(auto_id="fa_%s")
    assessment_form.fields["tracing_request"].widget.choices = [
        ("", "—"),
        *((r.pk, r.sought_label) for r in data["tracing_requests"]),
    ]
    return {
        **data,
        "custody": custody,
        "custody_form": custody_form,
        "tracing_request_form": forms_tracing.TracingRequestForm(auto_id="tr_%s"),
        "assessment_form": assessment_form,
        "visit_form": forms_tracing.VisitScheduleForm(auto_id="vs_%s"),
        "best_interest_form": forms.BestInterestForm(),
    }


def _handover_assessment_form(event, assessments) -> forms_tracing.HandoverAssessmentForm | None:
    """The form naming the assessment a legacy family handover rests on; None while the case has none that fits."""
    fitting = assessments_for(event, assessments)
    if not fitting:
        return None
    form = forms_tracing.HandoverAssessmentForm(initial={"handover": event.pk}, auto_id=f"ha{event.pk}_%s")
    form.fields["assessment"].widget.choices = [(a.pk, _assessment_label(a)) for a in fitting]
    return form


def _assessment_label(assessment) -> str:
    return (
        f"{assessment.caregiver_name} · {assessment.assessed_on:%d/%m/%Y} · {assessment.get_recommendation_display()}"
    )


SECTION_CONTEXT = {
    "overview": _overview,
    "psychosocial": _psychosocial,
    "identification": _identification,
    "victim": _victim,
    "legal": _legal,
    "minor": _minor,
}


def section_context(case: ProtectionCase, section: str) -> dict:
    if section not in SECTION_CONTEXT:
        raise Http404
    return SECTION_CONTEXT[section](case)
