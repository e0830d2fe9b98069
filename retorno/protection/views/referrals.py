"""Referrals on the pages: taking one from the protection queue, a health referral's outcome."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from retorno.accounts.access import can, permission_required
from retorno.accounts.models import User
from retorno.lib.views import error_text, form_problems
from retorno.protection import actions, forms
from retorno.protection.models import HealthReferral, ProtectionCase
from retorno.protection.queries import (
    WORK_PERMISSION,
    active_user_get,
    health_referral_get,
    reads_in_full,
    referral_get_waiting,
)


@require_POST
@permission_required("protection.queue")
def referral_take(request: HttpRequest, referral_id: int) -> HttpResponse:
    referral = referral_get_waiting(referral_id=referral_id)
    form = forms.TakeReferralForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_problems(form))
        return redirect("protection:index")
    assignee = None
    if form.cleaned_data.get("assignee"):
        assignee = active_user_get(user_id=form.cleaned_data["assignee"])
    elif not can(request.user, WORK_PERMISSION[form.cleaned_data["kind"]]):
        messages.error(request, _("Choose who will work on the case."))
        return redirect("protection:index")
    try:
        case = actions.referral_take(
            actor=request.user, referral=referral, kind=form.cleaned_data["kind"], assignee=assignee, request=request
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
        return redirect("protection:index")
    messages.success(request, _("Case #%(id)s opened.") % {"id": case.pk})
    if reads_in_full(request.user, case):
        return redirect("protection:case", case_id=case.pk)
    return redirect("protection:index")


def health_outcome_record(
    *, actor: User, case: ProtectionCase, request: HttpRequest, referral: int, outcome: str, note: str
) -> HealthReferral:
    """The outcome of a health referral of this case (``referral`` is its id, from the form)."""
    return actions.health_referral_outcome(
        actor=actor,
        referral=health_referral_get(case=case, referral_id=referral),
        outcome=outcome,
        note=note,
        request=request,
    )
