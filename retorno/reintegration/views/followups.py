"""Follow-ups: the detail page, attempts, outcome, status, taking one."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from retorno.accounts.access import can, permission_required
from retorno.reintegration import actions, forms, queries
from retorno.reintegration.fieldforms.reference import followup_reference
from retorno.reintegration.views.common import EDIT, VIEW, _errors, _run
from retorno.reintegration.views.invitations import InviteForm


@permission_required(VIEW)
def followup_detail(request: HttpRequest, followup_id: int) -> HttpResponse:
    followup = queries.followup_get_for(
        user=request.user, followup_id=followup_id, section="reintegration.followup", request=request
    )
    outcome = getattr(followup, "outcome", None)
    context = {
        "followup": followup,
        "attempts": followup.attempts.select_related("by"),
        "outcome": outcome,
        "contacts": followup.person.contacts.all(),
        "can_edit": can(request.user, EDIT),
        "attempt_form": forms.AttemptForm(),
        "outcome_form": forms.OutcomeForm(),
        "invite_form": InviteForm(),
        "reference": followup_reference(followup.pk),
        "invitations": followup.invitations.all(),
    }
    return render(request, "reintegration/followup_detail.html", context)


@require_POST
@permission_required(EDIT)
def followup_attempt(request: HttpRequest, followup_id: int) -> HttpResponse:
    followup = queries.followup_get_for(user=request.user, followup_id=followup_id)
    form = forms.AttemptForm(request.POST)
    if form.is_valid():
        _run(request, actions.followup_attempt, _("Attempt recorded."), followup=followup, **form.cleaned_data)
    return redirect("reintegration:followup", followup_id=followup.pk)


@require_http_methods(["POST"])
@permission_required(EDIT)
def followup_outcome(request: HttpRequest, followup_id: int) -> HttpResponse:
    followup = queries.followup_get_for(user=request.user, followup_id=followup_id)
    form = forms.OutcomeForm(request.POST)
    if form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if not k.startswith("rss_")}
        _run(
            request,
            actions.followup_record_outcome,
            _("Outcome recorded; follow-up done."),
            followup=followup,
            rss_answers=form.answers(),
            **fields,
        )
    else:
        messages.error(request, _("Not saved: %(errors)s") % {"errors": _errors(form)})
    return redirect("reintegration:followup", followup_id=followup.pk)


@require_POST
@permission_required(EDIT)
def followup_status(request: HttpRequest, followup_id: int) -> HttpResponse:
    followup = queries.followup_get_for(user=request.user, followup_id=followup_id)
    form = forms.StatusForm(request.POST)
    if form.is_valid():
        _run(
            request,
            actions.followup_set_status,
            _("Follow-up updated."),
            followup=followup,
            status=form.cleaned_data["status"],
            reason=form.cleaned_data["reason"],
        )
    return redirect("reintegration:followup", followup_id=followup.pk)


@require_POST
@permission_required(EDIT)
def followup_take(request: HttpRequest, followup_id: int) -> HttpResponse:
    followup = queries.followup_get_for(user=request.user, followup_id=followup_id)
    _run(
        request,
        actions.followup_assign,
        _("The follow-up is now on your worklist."),
        followup=followup,
        officer=request.user,
    )
    return redirect("reintegration:worklist")
