"""Taking a referral from the protection queue."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from retorno.accounts.access import can, permission_required
from retorno.accounts.models import User
from retorno.protection import actions, forms
from retorno.protection.models import ProtectionReferral
from retorno.protection.queries import WORK_PERMISSION
from retorno.protection.views.common import _errors, _form_error, case_get_for_readable


@require_POST
@permission_required("protection.queue")
def referral_take(request: HttpRequest, referral_id: int) -> HttpResponse:
    referral = get_object_or_404(ProtectionReferral, pk=referral_id, status=ProtectionReferral.Status.PENDING)
    form = forms.TakeReferralForm(request.POST)
    if not form.is_valid():
        _form_error(request, form)
        return redirect("protection:index")
    assignee = None
    if form.cleaned_data.get("assignee"):
        assignee = get_object_or_404(User, pk=form.cleaned_data["assignee"], is_active=True)
    elif not can(request.user, WORK_PERMISSION[form.cleaned_data["kind"]]):
        messages.error(request, _("Choose who will work on the case."))
        return redirect("protection:index")
    try:
        case = actions.referral_take(
            actor=request.user, referral=referral, kind=form.cleaned_data["kind"], assignee=assignee, request=request
        )
    except ValidationError as error:
        _errors(request, error)
        return redirect("protection:index")
    messages.success(request, _("Case #%(id)s opened.") % {"id": case.pk})
    if case_get_for_readable(request.user, case):
        return redirect("protection:case", case_id=case.pk)
    return redirect("protection:index")
