"""Payments and business grants: plan, review, tranches, equipment."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from retorno.accounts.access import can, permission_required
from retorno.lib.views import form_errors_to, post_back
from retorno.reintegration import actions, forms, queries
from retorno.reintegration.models import BusinessGrant, GrantTranche
from retorno.reintegration.views.common import EDIT, VIEW, act, case_url


def _grant_url(grant_id: int) -> str:
    return reverse("reintegration:grant", args=[grant_id])


@require_POST
@permission_required(EDIT)
def payment_add(request: HttpRequest, case_id: int) -> HttpResponse:
    case = queries.case_get_for(user=request.user, case_id=case_id)
    form = forms.PaymentForm(request.POST, case=case)
    run = act(request, actions.payment_record, case=case)
    done = _("Payment entered in the ledger.")
    return post_back(request, form=form, run=run, back=case_url(case.pk), done_message=done)


@require_http_methods(["GET", "POST"])
@permission_required(EDIT)
def grant_new(request: HttpRequest, case_id: int) -> HttpResponse:
    case = queries.case_get_for(user=request.user, case_id=case_id)
    form = forms.GrantForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            grant = actions.grant_draft(actor=request.user, request=request, case=case, **form.cleaned_data)
        except ValidationError as error:
            form_errors_to(form, error)
        else:
            messages.success(request, _("Business plan drafted."))
            return redirect(_grant_url(grant.pk))
    return render(request, "reintegration/grant_form.html", {"form": form, "case": case})


@permission_required(VIEW)
def grant_detail(request: HttpRequest, grant_id: int) -> HttpResponse:
    grant = queries.object_get_for(
        user=request.user, model=BusinessGrant, pk=grant_id, section="reintegration.grant", request=request
    )
    today = timezone.localdate()
    context = {
        "grant": grant,
        "case": grant.case,
        **queries.grant_parts(grant),
        "can_edit": can(request.user, EDIT),
        "can_review": can(request.user, "reintegration.grant_approve") and request.user.pk != grant.drafted_by_id,
        "tranche_form": forms.TrancheForm(initial={"planned_on": today}),
        "pay_form": forms.TranchePayForm(initial={"paid_on": today}),
        "equipment_form": forms.EquipmentForm(initial={"purchased_on": today}),
    }
    return render(request, "reintegration/grant_detail.html", context)


@require_POST
@permission_required(EDIT)
def grant_status(request: HttpRequest, grant_id: int) -> HttpResponse:
    grant = queries.object_get_for(user=request.user, model=BusinessGrant, pk=grant_id)
    run = act(request, actions.grant_set_status, grant=grant)
    form = forms.GrantReviewForm(request.POST)
    return post_back(request, form=form, run=run, back=_grant_url(grant.pk), done_message=_("Grant status changed."))


@require_POST
@permission_required(EDIT)
def tranche_add(request: HttpRequest, grant_id: int) -> HttpResponse:
    grant = queries.object_get_for(user=request.user, model=BusinessGrant, pk=grant_id)
    run = act(request, actions.tranche_plan, grant=grant)
    form = forms.TrancheForm(request.POST)
    return post_back(request, form=form, run=run, back=_grant_url(grant.pk), done_message=_("Tranche planned."))


@require_POST
@permission_required(EDIT)
def tranche_status(request: HttpRequest, tranche_id: int) -> HttpResponse:
    tranche = queries.object_get_for(user=request.user, model=GrantTranche, pk=tranche_id, case_path="grant__case")
    run = act(request, actions.tranche_set_status, tranche=tranche)
    form = forms.TranchePayForm(request.POST)
    back = _grant_url(tranche.grant_id)
    return post_back(request, form=form, run=run, back=back, done_message=_("Tranche updated."))


@require_POST
@permission_required(EDIT)
def equipment_add(request: HttpRequest, grant_id: int) -> HttpResponse:
    grant = queries.object_get_for(user=request.user, model=BusinessGrant, pk=grant_id)
    run = act(request, actions.equipment_record, grant=grant)
    form = forms.EquipmentForm(request.POST)
    return post_back(request, form=form, run=run, back=_grant_url(grant.pk), done_message=_("Equipment recorded."))


@permission_required("reintegration.grant_approve")
def grant_queue(request: HttpRequest) -> HttpResponse:
    """Managers: plans submitted for review; the ones they drafted themselves are marked."""
    return render(request, "reintegration/grant_queue.html", {"grants": queries.grants_awaiting_review(request.user)})
