"""Training: enrolments, their status and attendance."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from retorno.accounts.access import permission_required
from retorno.reintegration import actions, forms, queries
from retorno.reintegration.models import Enrolment
from retorno.reintegration.views.common import EDIT, _errors, _run, _status_post, _to_case


@require_POST
@permission_required(EDIT)
def enrolment_add(request: HttpRequest, case_id: int) -> HttpResponse:
    case = queries.case_get_for(user=request.user, case_id=case_id)
    form = forms.EnrolmentForm(request.POST)
    if form.is_valid():
        _run(request, actions.enrolment_create, _("Enrolment recorded."), case=case, **form.cleaned_data)
    else:
        messages.error(request, _("Not saved: %(errors)s") % {"errors": _errors(form)})
    return _to_case(case.pk)


@require_POST
@permission_required(EDIT)
def enrolment_status(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    enrolment = _status_post(
        request,
        Enrolment,
        enrolment_id,
        actions.enrolment_set_status,
        "enrolment",
        ("on", "reason", "certificate_number"),
    )
    return _to_case(enrolment.case_id)


@require_POST
@permission_required(EDIT)
def enrolment_attendance(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    enrolment = queries.object_get_for(user=request.user, model=Enrolment, pk=enrolment_id)
    form = forms.AttendanceForm(request.POST)
    if form.is_valid():
        _run(
            request,
            actions.enrolment_record_attendance,
            _("Attendance recorded."),
            enrolment=enrolment,
            **form.cleaned_data,
        )
    else:
        messages.error(request, _("Not saved: %(errors)s") % {"errors": _errors(form)})
    return _to_case(enrolment.case_id)
