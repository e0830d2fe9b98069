"""Person profile panel, worklist, cases, their plan and goals."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from retorno.accounts.access import can, permission_required
from retorno.people.queries import person_get_for
from retorno.reintegration import actions, forms, queries
from retorno.reintegration.models import PlanGoal, ReintegrationCase
from retorno.reintegration.views.common import EDIT, VIEW, _errors, _run, _status_post, _to_case


def profile_panel(request: HttpRequest, person) -> dict | None:
    """The reintegration panel on a person's profile: their cases, or a button to open one."""
    if not can(request.user, VIEW):
        return None
    cases = list(queries.cases_visible_to(request.user).filter(person=person))
    return {
        "title": _("Reintegration"),
        "template": "reintegration/_profile_panel.html",
        "context": {
            "cases": cases,
            "person": person,
            "can_open": not any(c.status in ReintegrationCase.LIVE for c in cases),
        },
    }


@permission_required(VIEW)
def worklist(request: HttpRequest) -> HttpResponse:
    """The officer's follow-ups still due (oldest first), unassigned ones, and their open cases."""
    work = queries.worklist(user=request.user)
    cases = queries.cases_visible_to(request.user).filter(officer=request.user, status__in=ReintegrationCase.LIVE)
    return render(request, "reintegration/worklist.html", {**work, "cases": cases, "today": timezone.localdate()})


@permission_required(VIEW)
def case_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    cases = queries.cases_visible_to(request.user)
    if status in ReintegrationCase.Status.values:
        cases = cases.filter(status=status)
    if request.GET.get("mine"):
        cases = cases.filter(officer=request.user)
    return render(
        request,
        "reintegration/case_list.html",
        {
            "cases": cases[:500],
            "statuses": ReintegrationCase.Status.choices,
            "status": status,
            "mine": bool(request.GET.get("mine")),
        },
    )


@require_http_methods(["GET", "POST"])
@permission_required(EDIT)
def case_open(request: HttpRequest, person_id: int) -> HttpResponse:
    person = person_get_for(user=request.user, person_id=person_id)
    form = forms.CaseOpenForm(
        request.POST or None, initial={"officer": request.user, "returned_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            case = actions.case_open(actor=request.user, request=request, person=person, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, " ".join(error.messages))
        else:
            messages.success(request, _("Reintegration case opened."))
            return _to_case(case.pk)
    return render(request, "reintegration/case_open.html", {"form": form, "person": person})


@permission_required(VIEW)
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    """The case page: plan, documents, training, jobs, grants, payments, groups, follow-ups."""
    case = queries.case_get_for(user=request.user, case_id=case_id, section="reintegration", request=request)
    context = {
        "case": case,
        "today": timezone.localdate(),
        "goals": case.goals_set.all(),
        "documents": case.documents.prefetch_related("payments"),
        "enrolments": case.enrolments.select_related("course__institution"),
        "job_referrals": case.job_referrals.select_related("vacancy__employer", "referral").prefetch_related(
            "followups__outcome"
        ),
        "grants": case.grants.all(),
        "payments": case.payments.select_related("budget_line__donor", "document", "enrolment"),
        "followups": case.followups.select_related("officer").order_by("due_on"),
        "sessions": case.group_sessions.select_related("group"),
        "remigrations": case.remigrations.all(),
        "can_edit": can(request.user, EDIT),
        "forms": {
            "assign": forms.AssignForm(initial={"officer": case.officer}),
            "plan": forms.PlanForm(initial={"agreed_on": timezone.localdate()}),
            "goal": forms.GoalForm(),
            "document": forms.DocumentForm(),
            "enrolment": forms.EnrolmentForm(initial={"starts_on": timezone.localdate()}),
            "job": forms.JobReferralForm(can_override=can(request.user, "referral.consent_override")),
            "payment": forms.PaymentForm(case=case, initial={"paid_on": timezone.localdate()}),
        },
    }
    return render(request, "reintegration/case_detail.html", context)


@require_POST
@permission_required(EDIT)
def case_status(request: HttpRequest, case_id: int) -> HttpResponse:
    case = queries.case_get_for(user=request.user, case_id=case_id)
    form = forms.StatusForm(request.POST)
    if form.is_valid():
        _run(
            request,
            actions.case_set_status,
            _("Case status changed."),
            case=case,
            status=form.cleaned_data["status"],
            reason=form.cleaned_data["reason"],
        )
    return _to_case(case.pk)


@require_POST
@permission_required(EDIT)
def case_assign(request: HttpRequest, case_id: int) -> HttpResponse:
    case = queries.case_get_for(user=request.user, case_id=case_id)
    form = forms.AssignForm(request.POST)
    if form.is_valid():
        _run(request, actions.case_assign, _("Case reassigned."), case=case, officer=form.cleaned_data["officer"])
    return _to_case(case.pk)


@require_POST
@permission_required(EDIT)
def case_plan(request: HttpRequest, case_id: int) -> HttpResponse:
    case = queries.case_get_for(user=request.user, case_id=case_id)
    form = forms.PlanForm(request.POST)
    if form.is_valid():
        try:
            case, late = actions.case_agree_plan(
                actor=request.user, case=case, agreed_on=form.cleaned_data["agreed_on"], request=request
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Plan agreed; the case is active."))
            if late:
                messages.warning(request, _("The plan was agreed more than a month after the return."))
    return _to_case(case.pk)


@require_POST
@permission_required(EDIT)
def goal_add(request: HttpRequest, case_id: int) -> HttpResponse:
    case = queries.case_get_for(user=request.user, case_id=case_id)
    form = forms.GoalForm(request.POST)
    if form.is_valid():
        _run(request, actions.goal_add, _("Goal added."), case=case, **form.cleaned_data)
    else:
        messages.error(request, _("Not saved: %(errors)s") % {"errors": _errors(form)})
    return _to_case(case.pk)


@require_POST
@permission_required(EDIT)
def goal_status(request: HttpRequest, goal_id: int) -> HttpResponse:
    goal = _status_post(request, PlanGoal, goal_id, actions.goal_set_status, "goal")
    return _to_case(goal.case_id)
