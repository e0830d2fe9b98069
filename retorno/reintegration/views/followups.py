"""Follow-ups: the detail page, attempts, outcome, status, taking one."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from retorno.accounts.access import can, permission_required
from retorno.lib.views import post_back, run_action
from retorno.reintegration import actions, forms, queries
from retorno.reintegration.fieldforms.reference import followup_reference
from retorno.reintegration.views.common import EDIT, VIEW, act, status_post
from retorno.reintegration.views.invitations import InviteForm


def _followup_url(followup_id: int) -> str:
    return reverse("reintegration:followup", args=[followup_id])


@permission_required(VIEW)
def followup_detail(request: HttpRequest, followup_id: int) -> HttpResponse:
    followup = queries.followup_get_for(
        user=request.user, followup_id=followup_id, section="reintegration.followup", request=request
    )
    context = {
        "followup": followup,
        **queries.followup_parts(followup),
        "outcome": getattr(followup, "outcome", None),
        "can_edit": can(request.user, EDIT),
        "attempt_form": forms.AttemptForm(),
        "outcome_form": forms.OutcomeForm(),
        "invite_form": InviteForm(),
        "reference": followup_reference(followup.pk),
    }
    return render(request, "reintegration/followup_detail.html", context)


@require_POST
@permission_required(EDIT)
def followup_attempt(request: HttpRequest, followup_id: int) -> HttpResponse:
    followup = queries.followup_get_for(user=request.user, followup_id=followup_id)
    run = act(request, actions.followup_attempt, followup=followup)
    form = forms.AttemptForm(request.POST)
    done = _("Attempt recorded.")
    return post_back(request, form=form, run=run, back=_followup_url(followup.pk), done_message=done)


@require_http_methods(["POST"])
@permission_required(EDIT)
def followup_outcome(request: HttpRequest, followup_id: int) -> HttpResponse:
    followup = queries.followup_get_for(user=request.user, followup_id=followup_id)
    form = forms.OutcomeForm(request.POST)

    def record(data: dict):
        fields = {k: v for k, v in data.items() if not k.startswith("rss_")}
        return actions.followup_record_outcome(
            actor=request.user, request=request, followup=followup, rss_answers=form.answers(), **fields
        )

    done = _("Outcome recorded; follow-up done.")
    return post_back(request, form=form, run=record, back=_followup_url(followup.pk), done_message=done)


@require_POST
@permission_required(EDIT)
def followup_status(request: HttpRequest, followup_id: int) -> HttpResponse:
    followup = queries.followup_get_for(user=request.user, followup_id=followup_id)
    return status_post(
        request,
        action=actions.followup_set_status,
        fixed={"followup": followup},
        extra=("reason",),
        back=_followup_url(followup.pk),
        done=_("Follow-up updated."),
    )


@require_POST
@permission_required(EDIT)
def followup_take(request: HttpRequest, followup_id: int) -> HttpResponse:
    followup = queries.followup_get_for(user=request.user, followup_id=followup_id)
    done = _("The follow-up is now on your worklist.")
    run_action(request, actions.followup_assign, done, followup=followup, officer=request.user)
    return redirect("reintegration:worklist")
