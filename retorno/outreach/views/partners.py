"""Partner strengthening: agreements and sub-grants (four eyes), assessments, plans."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from retorno.accounts.access import can, permission_required
from retorno.outreach import actions
from retorno.outreach.forms import (
    AgreementForm,
    AssessmentStartForm,
    ChecklistForm,
    PlanActionForm,
    PlanForm,
    ProgressForm,
    ReportDueForm,
    StatusForm,
    TargetForm,
    TrancheForm,
    TranchePayForm,
)
from retorno.outreach.models import CapacityChecklist, StrengtheningAction, StrengtheningPlan
from retorno.outreach.queries import (
    agreement_get_for,
    agreements_visible_to,
    assessment_get_for,
    assessment_result,
    assessments_visible_to,
)
from retorno.outreach.views.common import form_errors_to, form_page, post_back


@permission_required("agreement.view")
def agreement_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "outreach/agreements.html",
        {
            "agreements": agreements_visible_to(request.user),
            "assessments": assessments_visible_to(request.user),
            "plans": StrengtheningPlan.objects.select_related("organisation")
            if can(request.user, "outreach.view")
            else [],
            "can_manage": can(request.user, "agreement.manage"),
            "show_subnav": can(request.user, "outreach.view"),
        },
    )


@require_http_methods(["GET", "POST"])
@permission_required("agreement.manage")
def agreement_new(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        form=AgreementForm(request.POST or None),
        title=_("Draft a partner agreement"),
        run=lambda d: actions.agreement_create(actor=request.user, request=request, **d),
        done=lambda a: reverse("outreach:agreement", args=[a.pk]),
        cancel_url=reverse("outreach:agreements"),
    )


@permission_required("agreement.view")
def agreement_detail(request: HttpRequest, agreement_id: int) -> HttpResponse:
    agreement = agreement_get_for(user=request.user, agreement_id=agreement_id)
    may_approve = can(request.user, "agreement.approve") and agreement.created_by_id != request.user.pk
    next_statuses = [
        (v, label) for v, label in agreement.next_statuses() if v not in ("approved", "rejected") or may_approve
    ]
    return render(
        request,
        "outreach/agreement_detail.html",
        {
            "agreement": agreement,
            "tranches": agreement.tranches.all(),
            "targets": agreement.targets.all(),
            "reports": agreement.reports.all(),
            "history": agreement.status_changes.select_related("actor"),
            "next_statuses": next_statuses if can(request.user, "agreement.manage") else [],
            "four_eyes_wait": agreement.status == "submitted" and not may_approve,
            "can_manage": can(request.user, "agreement.manage"),
            "editable": agreement.status in ("draft", "rejected"),
            "tranche_form": TrancheForm(),
            "pay_form": TranchePayForm(initial={"paid_on": timezone.localdate()}),
            "target_form": TargetForm(),
            "report_form": ReportDueForm(),
        },
    )


def _agreement_post(request, agreement_id, form, run, message=""):
    agreement = agreement_get_for(user=request.user, agreement_id=agreement_id)
    return post_back(
        request,
        form=form,
        run=lambda d: run(agreement, d),
        back=reverse("outreach:agreement", args=[agreement.pk]),
        done_message=message,
    )


@require_POST
@permission_required("agreement.manage")
def agreement_status(request: HttpRequest, agreement_id: int) -> HttpResponse:
    return _agreement_post(
        request,
        agreement_id,
        StatusForm(request.POST),
        lambda a, d: actions.agreement_set_status(actor=request.user, agreement=a, request=request, **d),
        _("Status changed."),
    )


@require_POST
@permission_required("agreement.manage")
def tranche_add(request: HttpRequest, agreement_id: int) -> HttpResponse:
    return _agreement_post(
        request,
        agreement_id,
        TrancheForm(request.POST),
        lambda a, d: actions.agreement_tranche_add(actor=request.user, agreement=a, request=request, **d),
    )


@require_POST
@permission_required("agreement.manage")
def tranche_pay(request: HttpRequest, agreement_id: int, tranche_id: int) -> HttpResponse:
    def run(agreement, data):
        tranche = get_object_or_404(agreement.tranches, pk=tranche_id)
        return actions.agreement_tranche_pay(actor=request.user, tranche=tranche, request=request, **data)

    return _agreement_post(
        request, agreement_id, TranchePayForm(request.POST), run, _("Tranche paid through the ledger.")
    )


@require_POST
@permission_required("agreement.manage")
def target_add(request: HttpRequest, agreement_id: int) -> HttpResponse:
    return _agreement_post(
        request,
        agreement_id,
        TargetForm(request.POST),
        lambda a, d: actions.agreement_target_add(actor=request.user, agreement=a, request=request, **d),
    )


@require_POST
@permission_required("agreement.manage")
def target_progress(request: HttpRequest, agreement_id: int, target_id: int) -> HttpResponse:
    def run(agreement, data):
        target = get_object_or_404(agreement.targets, pk=target_id)
        return actions.agreement_target_progress(actor=request.user, target=target, request=request, **data)

    return _agreement_post(request, agreement_id, ProgressForm(request.POST), run)


@require_POST
@permission_required("agreement.manage")
def report_add(request: HttpRequest, agreement_id: int) -> HttpResponse:
    return _agreement_post(
        request,
        agreement_id,
        ReportDueForm(request.POST),
        lambda a, d: actions.agreement_report_add(actor=request.user, agreement=a, request=request, **d),
    )


@require_POST
@permission_required("agreement.manage")
def report_receive(request: HttpRequest, agreement_id: int, report_id: int) -> HttpResponse:
    agreement = agreement_get_for(user=request.user, agreement_id=agreement_id)
    report = get_object_or_404(agreement.reports, pk=report_id)
    try:
        actions.agreement_report_receive(actor=request.user, report=report, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Report received."))
    return redirect("outreach:agreement", agreement_id=agreement.pk)


@require_http_methods(["GET", "POST"])
@permission_required("outreach.manage")
def checklist_new(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        form=ChecklistForm(request.POST or None),
        title=_("New capacity checklist"),
        run=lambda d: actions.checklist_create(actor=request.user, request=request, **d),
        done=lambda c: reverse("outreach:assessment_new", args=[c.pk]),
        cancel_url=reverse("outreach:agreements"),
    )


@require_http_methods(["GET", "POST"])
@permission_required("outreach.manage")
def assessment_new(request: HttpRequest, checklist_id: int) -> HttpResponse:
    checklist = get_object_or_404(CapacityChecklist, pk=checklist_id, is_active=True)
    criteria = list(checklist.criteria.all())
    form = AssessmentStartForm(request.POST or None, initial={"assessed_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            scores = {c.pk: int(request.POST.get(f"score_{c.pk}", "")) for c in criteria}
        except ValueError:
            form.add_error(None, _("Score every criterion."))
        else:
            try:
                assessment = actions.assessment_record(
                    actor=request.user, checklist=checklist, scores=scores, request=request, **form.cleaned_data
                )
            except ValidationError as error:
                form_errors_to(form, error)
            else:
                messages.success(request, _("Assessment recorded."))
                return redirect("outreach:assessment", assessment_id=assessment.pk)
    return render(
        request, "outreach/assessment_form.html", {"form": form, "checklist": checklist, "criteria": criteria}
    )


@permission_required("agreement.view")
def assessment_detail(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment = assessment_get_for(user=request.user, assessment_id=assessment_id)
    return render(
        request,
        "outreach/assessment_detail.html",
        {
            "assessment": assessment,
            "result": assessment_result(assessment),
            "scores": assessment.scores.select_related("criterion"),
            "plans": assessment.plans.prefetch_related("actions"),
        },
    )


@require_http_methods(["GET", "POST"])
@permission_required("outreach.manage")
def plan_new(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        form=PlanForm(request.POST or None),
        title=_("New strengthening plan"),
        run=lambda d: actions.plan_create(actor=request.user, request=request, **d),
        done=lambda p: reverse("outreach:plan", args=[p.pk]),
        cancel_url=reverse("outreach:agreements"),
    )


@permission_required("outreach.view")
def plan_detail(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = get_object_or_404(StrengtheningPlan.objects.select_related("organisation"), pk=plan_id)
    return render(
        request,
        "outreach/plan_detail.html",
        {
            "plan": plan,
            "items": plan.actions.all(),
            "action_form": PlanActionForm(),
            "can_manage": can(request.user, "outreach.manage"),
        },
    )


@require_POST
@permission_required("outreach.manage")
def plan_action_add(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = get_object_or_404(StrengtheningPlan, pk=plan_id)
    return post_back(
        request,
        form=PlanActionForm(request.POST),
        run=lambda d: actions.plan_action_add(actor=request.user, plan=plan, request=request, **d),
        back=reverse("outreach:plan", args=[plan.pk]),
    )


@require_POST
@permission_required("outreach.manage")
def plan_action_status(request: HttpRequest, item_id: int) -> HttpResponse:
    item = get_object_or_404(StrengtheningAction, pk=item_id)
    return post_back(
        request,
        form=StatusForm(request.POST),
        run=lambda d: actions.plan_action_set_status(actor=request.user, item=item, request=request, **d),
        back=reverse("outreach:plan", args=[item.plan_id]),
        done_message=_("Status changed."),
    )
