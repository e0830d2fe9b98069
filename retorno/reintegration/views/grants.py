"""Payments and business grants: plan, review, tranches, equipment."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from retorno.accounts.access import can, permission_required
from retorno.reintegration import actions, forms, queries
from retorno.reintegration.models import BusinessGrant, GrantTranche
from retorno.reintegration.views.common import EDIT, VIEW, _errors, _run, _to_case


@require_POST
@permission_required(EDIT)
def payment_add(request: HttpRequest, case_id: int) -> HttpResponse:
    case = queries.case_get_for(user=request.user, case_id=case_id)
    form = forms.PaymentForm(request.POST, case=case)
    if form.is_valid():
        _run(request, actions.payment_record, _("Payment entered in the ledger."), case=case, **form.cleaned_data)
    else:
        messages.error(request, _("Not saved: %(errors)s") % {"errors": _errors(form)})
    return _to_case(case.pk)


@require_http_methods(["GET", "POST"])
@permission_required(EDIT)
def grant_new(request: HttpRequest, case_id: int) -> HttpResponse:
    case = queries.case_get_for(user=request.user, case_id=case_id)
    form = forms.GrantForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            grant = actions.grant_draft(actor=request.user, request=request, case=case, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, " ".join(error.messages))
        else:
            messages.success(request, _("Business plan drafted."))
            return redirect("reintegration:grant", grant_id=grant.pk)
    return render(request, "reintegration/grant_form.html", {"form": form, "case": case})


@permission_required(VIEW)
def grant_detail(request: HttpRequest, grant_id: int) -> HttpResponse:
    grant = queries.object_get_for(
        user=request.user, model=BusinessGrant, pk=grant_id, section="reintegration.grant", request=request
    )
    context = {
        "grant": grant,
        "case": grant.case,
        "tranches": grant.tranches.select_related("payment__budget_line"),
        "equipment": grant.equipment.all(),
        "followups": grant.followups.select_related("outcome"),
        "can_edit": can(request.user, EDIT),
        "can_review": can(request.user, "reintegration.grant_approve") and request.user.pk != grant.drafted_by_id,
        "tranche_form": forms.TrancheForm(initial={"planned_on": timezone.localdate()}),
        "pay_form": forms.TranchePayForm(initial={"paid_on": timezone.localdate()}),
        "equipment_form": forms.EquipmentForm(initial={"purchased_on": timezone.localdate()}),
        "budget_lines": queries.budget_lines_with_balance().filter(is_active=True),
    }
    return render(request, "reintegration/grant_detail.html", context)


@require_POST
@permission_required(EDIT)
def grant_status(request: HttpRequest, grant_id: int) -> HttpResponse:
    grant = queries.object_get_for(user=request.user, model=BusinessGrant, pk=grant_id)
    form = forms.GrantReviewForm(request.POST)
    if form.is_valid():
        _run(request, actions.grant_set_status, _("Grant status changed."), grant=grant, **form.cleaned_data)
    return redirect("reintegration:grant", grant_id=grant.pk)


@require_POST
@permission_required(EDIT)
def tranche_add(request: HttpRequest, grant_id: int) -> HttpResponse:
    grant = queries.object_get_for(user=request.user, model=BusinessGrant, pk=grant_id)
    form = forms.TrancheForm(request.POST)
    if form.is_valid():
        _run(request, actions.tranche_plan, _("Tranche planned."), grant=grant, **form.cleaned_data)
    else:
        messages.error(request, _("Not saved: %(errors)s") % {"errors": _errors(form)})
    return redirect("reintegration:grant", grant_id=grant.pk)


@require_POST
@permission_required(EDIT)
def tranche_status(request: HttpRequest, tranche_id: int) -> HttpResponse:
    tranche = queries.object_get_for(user=request.user, model=GrantTranche, pk=tranche_id, case_path="grant__case")
    form = forms.TranchePayForm(request.POST)
    if form.is_valid():
        _run(request, actions.tranche_set_status, _("Tranche updated."), tranche=tranche, **form.cleaned_data)
    return redirect("reintegration:grant", grant_id=tranche.grant_id)


@require_POST
@permission_required(EDIT)
def equipment_add(request: HttpRequest, grant_id: int) -> HttpResponse:
    grant = queries.object_get_for(user=request.user, model=BusinessGrant, pk=grant_id)
    form = forms.EquipmentForm(request.POST)
    if form.is_valid():
        _run(request, actions.equipment_record, _("Equipment recorded."), grant=grant, **form.cleaned_data)
    else:
        messages.error(request, _("Not saved: %(errors)s") % {"errors": _errors(form)})
    return redirect("reintegration:grant", grant_id=grant.pk)


@permission_required("reintegration.grant_approve")
def grant_queue(request: HttpRequest) -> HttpResponse:
    """Managers: plans submitted for review; the ones they drafted themselves are marked."""
    return render(request, "reintegration/grant_queue.html", {"grants": queries.grants_awaiting_review(request.user)})
