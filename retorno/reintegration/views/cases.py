"""Person profile panel, worklist, cases, their plan and goals."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from retorno.accounts.access import can, permission_required
from retorno.lib.views import form_errors_to, post_back
from retorno.people.queries import person_get_for
from retorno.reintegration import actions, forms, queries
from retorno.reintegration.models import PlanGoal, ReintegrationCase
from retorno.reintegration.views.common import EDIT, VIEW, act, case_url, status_post


def profile_panel(request: HttpRequest, person) -> dict | None:
    """The reintegration panel on a person's profile: their cases, or a button to open one."""
    if not can(request.user, VIEW):
        return None
    cases = queries.cases_of_person(request.user, person)
    return {
        "title": _("Reintegration"),
        "template": "reintegration/_profile_panel.html",
        "context": {
            "cases": cases,
            "person": person,
            "documents": queries.documents_without_case(request.user, person),
            "can_edit": can(request.user, EDIT),
            "can_open": not any(c.status in ReintegrationCase.LIVE for c in cases),
        },
    }


@permission_required(VIEW)
def worklist(request: HttpRequest) -> HttpResponse:
    """The officer's follow-ups still due (oldest first), unassigned ones, and their open cases."""
    work = queries.worklist(user=request.user)
    cases = queries.cases_live_of_officer(request.user)
    return render(request, "reintegration/worklist.html", {**work, "cases": cases, "today": timezone.localdate()})


@permission_required(VIEW)
def case_list(request: HttpRequest) -> HttpResponse:
    status, mine = request.GET.get("status", ""), bool(request.GET.get("mine"))
    known = status if status in ReintegrationCase.Status.values else ""
    cases = queries.cases_listed(request.user, status=known, mine=mine)
    context = {"cases": cases[:500], "statuses": ReintegrationCase.Status.choices, "status": status, "mine": mine}
    return render(request, "reintegration/case_list.html", context)


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
            form_errors_to(form, error)
        else:
            messages.success(request, _("Reintegration case opened."))
            return redirect(case_url(case.pk))
    return render(request, "reintegration/case_open.html", {"form": form, "person": person})


@permission_required(VIEW)
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    """The case page: plan, documents, training, jobs, grants, payments, groups, follow-ups."""
    case = queries.case_get_for(user=request.user, case_id=case_id, section="reintegration", request=request)
    today = timezone.localdate()
    context = {
        "case": case,
        "today": today,
        **queries.case_services(case),
        "can_edit": can(request.user, EDIT),
        "can_read_history": can(request.user, "reintegration.history_view"),
        "forms": {
            "assign": forms.AssignForm(initial={"officer": case.officer}),
            "plan": forms.PlanForm(initial={"agreed_on": today}),
            "goal": forms.GoalForm(),
            "document": forms.DocumentForm(),
            "enrolment": forms.EnrolmentForm(initial={"starts_on": today}),
            "job": forms.JobReferralForm(can_override=can(request.user, "referral.consent_override")),
            "payment": forms.PaymentForm(case=case, initial={"paid_on": today}),
        },
    }
    return render(request, "reintegration/case_detail.html", context)


@require_POST
@permission_required(EDIT)
def case_status(request: HttpRequest, case_id: int) -> HttpResponse:
    case = queries.case_get_for(user=request.user, case_id=case_id)
    return status_post(
        request,
        action=actions.case_set_status,
        fixed={"case": case},
        extra=("reason",),
        back=case_url(case.pk),
        done=_("Case status changed."),
    )


@require_POST
@permission_required(EDIT)
def case_assign(request: HttpRequest, case_id: int) -> HttpResponse:
    case = queries.case_get_for(user=request.user, case_id=case_id)
    form = forms.AssignForm(request.POST)
    run = act(request, actions.case_assign, case=case)
    return post_back(request, form=form, run=run, back=case_url(case.pk), done_message=_("Case reassigned."))


@require_POST
@permission_required(EDIT)
def case_plan(request: HttpRequest, case_id: int) -> HttpResponse:
    case = queries.case_get_for(user=request.user, case_id=case_id)

    agreed: dict = {}

    def agree(data: dict) -> None:
        _case, agreed["late"] = actions.case_agree_plan(actor=request.user, request=request, case=case, **data)

    form = forms.PlanForm(request.POST)
    done = _("Plan agreed; the case is active.")
    response = post_back(request, form=form, run=agree, back=case_url(case.pk), done_message=done)
    if agreed.get("late"):
        messages.warning(request, _("The plan was agreed more than a month after the return."))
    return response


@require_POST
@permission_required(EDIT)
def goal_add(request: HttpRequest, case_id: int) -> HttpResponse:
    case = queries.case_get_for(user=request.user, case_id=case_id)
    run = act(request, actions.goal_add, case=case)
    return post_back(
        request, form=forms.GoalForm(request.POST), run=run, back=case_url(case.pk), done_message=_("Goal added.")
    )


@require_POST
@permission_required(EDIT)
def goal_status(request: HttpRequest, goal_id: int) -> HttpResponse:
    goal = queries.object_get_for(user=request.user, model=PlanGoal, pk=goal_id)
    return status_post(
        request,
        action=actions.goal_set_status,
        fixed={"goal": goal},
        back=case_url(goal.case_id),
        done=_("Status changed."),
    )
