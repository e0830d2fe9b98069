"""Every form on a case page posts to case_write; the action named by what does the work."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from retorno.protection import actions, forms
from retorno.protection.models import HealthReferral, Identification, LegalCase, ProtectionCase
from retorno.protection.queries import SECTIONS, case_get_for
from retorno.protection.views.common import _errors, _form_error, signed_in


def _identification(case: ProtectionCase, request: HttpRequest) -> Identification:
    running = case.identifications.filter(result=Identification.Result.PENDING).first()
    return running or actions.identification_start(actor=request.user, case=case, request=request)


# Each write: (form, function(request, case, data), section to return to).
WRITES: dict[str, tuple[type, Callable, str]] = {
    "note": (forms.NoteForm, lambda r, c, d: actions.note_add(actor=r.user, case=c, request=r, **d), "overview"),
    "status": (
        forms.StatusForm,
        lambda r, c, d: actions.case_set_status(actor=r.user, case=c, request=r, **d),
        "overview",
    ),
    "consent": (
        forms.ConsentForm,
        lambda r, c, d: actions.case_consent_record(actor=r.user, case=c, request=r, **d),
        "overview",
    ),
    "assessment": (
        forms.AssessmentForm,
        lambda r, c, d: actions.assessment_record(actor=r.user, case=c, request=r, **d),
        "psychosocial",
    ),
    "session": (
        forms.SessionForm,
        lambda r, c, d: actions.session_record(actor=r.user, case=c, request=r, **d),
        "psychosocial",
    ),
    "health_referral": (
        forms.HealthReferralForm,
        lambda r, c, d: actions.health_referral_create(actor=r.user, case=c, request=r, **d),
        "psychosocial",
    ),
    "health_outcome": (
        forms.HealthOutcomeForm,
        lambda r, c, d: actions.health_referral_outcome(
            actor=r.user,
            referral=get_object_or_404(HealthReferral, pk=d["referral"], case=c),
            outcome=d["outcome"],
            note=d["note"],
            request=r,
        ),
        "psychosocial",
    ),
    "plan": (
        forms.FollowUpPlanForm,
        lambda r, c, d: actions.follow_up_plan_save(actor=r.user, case=c, request=r, **d),
        "psychosocial",
    ),
    "answers": (
        forms.IdentificationForm,
        lambda r, c, d: actions.identification_save_answers(
            actor=r.user, identification=_identification(c, r), answers=d, request=r
        ),
        "identification",
    ),
    "conclude": (
        forms.ConcludeForm,
        lambda r, c, d: actions.identification_conclude(
            actor=r.user, identification=_identification(c, r), request=r, **d
        ),
        "identification",
    ),
    "risk": (
        forms.RiskForm,
        lambda r, c, d: actions.risk_assessment_record(actor=r.user, case=c, request=r, **d),
        "victim",
    ),
    "support": (
        forms.SupportForm,
        lambda r, c, d: actions.support_service_add(actor=r.user, case=c, request=r, **d),
        "victim",
    ),
    "shelter": (
        forms.ShelterForm,
        lambda r, c, d: actions.shelter_referral_create(actor=r.user, case=c, request=r, **d),
        "victim",
    ),
    "legal_open": (
        forms.LegalOpenForm,
        lambda r, c, d: actions.legal_case_open(actor=r.user, case=c, request=r, **d),
        "legal",
    ),
    "legal_status": (
        forms.LegalStatusForm,
        lambda r, c, d: actions.legal_case_set_status(
            actor=r.user, legal_case=get_object_or_404(LegalCase, case=c), request=r, **d
        ),
        "legal",
    ),
    "custody": (
        forms.CustodyForm,
        lambda r, c, d: actions.custody_record(actor=r.user, case=c, request=r, **d),
        "minor",
    ),
    "tracing": (forms.TracingForm, lambda r, c, d: actions.tracing_add(actor=r.user, case=c, request=r, **d), "minor"),
    "best_interest": (
        forms.BestInterestForm,
        lambda r, c, d: actions.best_interest_record(actor=r.user, case=c, request=r, **d),
        "minor",
    ),
}


SAVED = {
    "answers": _("Answers saved. You can stop here and continue later."),
    "legal_open": _("Complaint recorded: the case is with the Public Prosecutor's Office."),
}


@require_POST
@signed_in
def case_write(request: HttpRequest, case_id: int, what: str) -> HttpResponse:
    """Every form on a case page posts here; the action named by ``what`` does the work."""
    case, _access = case_get_for(user=request.user, case_id=case_id)
    if what not in WRITES:
        raise Http404
    form_class, write, section = WRITES[what]
    if section not in SECTIONS[case.kind]:
        raise Http404
    form = form_class(request.POST)
    if form.is_valid():
        try:
            write(request, case, form.cleaned_data)
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, SAVED.get(what, _("Saved.")))
    else:
        _form_error(request, form)
    return redirect("protection:case_section", case_id=case.pk, section=section)
