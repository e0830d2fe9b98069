"""Every form on a case page posts to ``case_write``; ``what`` names the form, the action and the section.

Each action is called as ``action(actor=..., case=..., request=..., **cleaned_data)`` through
``lib.views.post_back``; the few writes that act on a record inside the case (the running
identification, the legal case, a health referral) are small named functions of that shape.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from retorno.accounts.models import User
from retorno.lib.views import post_back
from retorno.protection import actions, forms, forms_tracing
from retorno.protection.models import Identification, LegalCase, ProtectionCase
from retorno.protection.queries import SECTIONS, case_get_for, legal_case_get
from retorno.protection.views.referrals import health_outcome_record
from retorno.protection.views.tracing import (
    assessment_write,
    custody_write,
    handover_assessment_write,
    tracing_request_edit,
    tracing_status_record,
    tracing_step_record,
    visit_done_record,
)


def identification_answers_record(
    *, actor: User, case: ProtectionCase, request: HttpRequest, **answers: str
) -> Identification:
    """Save the answers so far on the running identification (starting one if none runs)."""
    running = actions.identification_start(actor=actor, case=case, request=request)
    return actions.identification_save_answers(actor=actor, identification=running, answers=answers, request=request)


def identification_result_record(
    *, actor: User, case: ProtectionCase, request: HttpRequest, **result
) -> Identification:
    running = actions.identification_start(actor=actor, case=case, request=request)
    return actions.identification_conclude(actor=actor, identification=running, request=request, **result)


def legal_status_record(*, actor: User, case: ProtectionCase, request: HttpRequest, **step) -> LegalCase:
    return actions.legal_case_set_status(actor=actor, legal_case=legal_case_get(case=case), request=request, **step)


# what -> (form, action, the section the form belongs to and returns to)
WRITES = {
    "note": (forms.NoteForm, actions.note_add, "overview"),
    "status": (forms.StatusForm, actions.case_set_status, "overview"),
    "consent": (forms.ConsentForm, actions.case_consent_record, "overview"),
    "assessment": (forms.AssessmentForm, actions.assessment_record, "psychosocial"),
    "session": (forms.SessionForm, actions.session_record, "psychosocial"),
    "health_referral": (forms.HealthReferralForm, actions.health_referral_create, "psychosocial"),
    "health_outcome": (forms.HealthOutcomeForm, health_outcome_record, "psychosocial"),
    "plan": (forms.FollowUpPlanForm, actions.follow_up_plan_save, "psychosocial"),
    "answers": (forms.IdentificationForm, identification_answers_record, "identification"),
    "conclude": (forms.ConcludeForm, identification_result_record, "identification"),
    "risk": (forms.RiskForm, actions.risk_assessment_record, "victim"),
    "support": (forms.SupportForm, actions.support_service_add, "victim"),
    "shelter": (forms.ShelterForm, actions.shelter_referral_create, "victim"),
    "legal_open": (forms.LegalOpenForm, actions.legal_case_open, "legal"),
    "legal_status": (forms.LegalStatusForm, legal_status_record, "legal"),
    "custody": (forms.CustodyForm, custody_write, "minor"),
    "handover_assessment": (forms_tracing.HandoverAssessmentForm, handover_assessment_write, "minor"),
    "tracing_request": (forms_tracing.TracingRequestForm, actions.tracing_request_open, "minor"),
    "tracing_edit": (forms_tracing.TracingRequestEditForm, tracing_request_edit, "minor"),
    "tracing_status": (forms_tracing.TracingStatusForm, tracing_status_record, "minor"),
    "tracing_step": (forms_tracing.TracingStepForm, tracing_step_record, "minor"),
    "family_assessment": (forms_tracing.FamilyAssessmentForm, assessment_write, "minor"),
    "visit_schedule": (forms_tracing.VisitScheduleForm, actions.visit_schedule, "minor"),
    "visit_record": (forms_tracing.VisitRecordForm, visit_done_record, "minor"),
    "best_interest": (forms.BestInterestForm, actions.best_interest_record, "minor"),
}

SAVED = {
    "answers": _("Answers saved. You can stop here and continue later."),
    "legal_open": _("Complaint recorded: the case is with the Public Prosecutor's Office."),
    "handover_assessment": _("The handover now rests on the family assessment."),
}


@require_POST
@login_required
def case_write(request: HttpRequest, case_id: int, what: str) -> HttpResponse:
    """Every form on a case page posts here; the action named by ``what`` does the work."""
    case, _access = case_get_for(user=request.user, case_id=case_id)
    if what not in WRITES:
        raise Http404
    form_class, action, section = WRITES[what]
    if section not in SECTIONS[case.kind]:
        raise Http404
    return post_back(
        request,
        form=form_class(request.POST),
        run=lambda data: action(actor=request.user, case=case, request=request, **data),
        back=reverse("protection:case_section", kwargs={"case_id": case.pk, "section": section}),
        done_message=str(SAVED.get(what, "")),
    )
