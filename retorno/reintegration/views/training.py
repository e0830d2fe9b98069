"""Training: enrolments, their status and attendance."""

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from retorno.accounts.access import permission_required
from retorno.lib.views import post_back
from retorno.reintegration import actions, forms, queries
from retorno.reintegration.models import Enrolment
from retorno.reintegration.views.common import EDIT, act, case_url, status_post


@require_POST
@permission_required(EDIT)
def enrolment_add(request: HttpRequest, case_id: int) -> HttpResponse:
    case = queries.case_get_for(user=request.user, case_id=case_id)
    run = act(request, actions.enrolment_create, case=case)
    done = _("Enrolment recorded.")
    return post_back(
        request, form=forms.EnrolmentForm(request.POST), run=run, back=case_url(case.pk), done_message=done
    )


@require_POST
@permission_required(EDIT)
def enrolment_status(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    enrolment = queries.object_get_for(user=request.user, model=Enrolment, pk=enrolment_id)
    return status_post(
        request,
        action=actions.enrolment_set_status,
        fixed={"enrolment": enrolment},
        extra=("on", "reason", "certificate_number"),
        back=case_url(enrolment.case_id),
        done=_("Status changed."),
    )


@require_POST
@permission_required(EDIT)
def enrolment_attendance(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    enrolment = queries.object_get_for(user=request.user, model=Enrolment, pk=enrolment_id)
    run = act(request, actions.enrolment_record_attendance, enrolment=enrolment)
    form = forms.AttendanceForm(request.POST)
    done = _("Attendance recorded.")
    return post_back(request, form=form, run=run, back=case_url(enrolment.case_id), done_message=done)
