"""Reintegration pages: worklist, cases and their services, follow-ups, reference lists, budgets, figures."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from retorno.accounts.access import can, permission_required
from retorno.audit.actions import audit_view
from retorno.messaging.queries import messages_about
from retorno.people.queries import person_get_for
from retorno.referrals.queries import partner_send_channels
from retorno.reintegration import actions, forms, queries
from retorno.reintegration.fieldforms.reference import followup_reference
from retorno.reintegration.invitation_views import InviteForm
from retorno.reintegration.models import (
    BusinessGrant,
    Course,
    DocumentRequest,
    Donor,
    Enrolment,
    GrantTranche,
    JobReferral,
    Payment,
    PlanGoal,
    ReintegrationCase,
    SelfHelpGroup,
    Vacancy,
)

VIEW, EDIT = "reintegration.view", "reintegration.edit"


def _errors(form) -> str:
    return "; ".join(
        f"{form.fields[f].label if f in form.fields else ''} {m}".strip() for f, ms in form.errors.items() for m in ms
    )


def _run(request: HttpRequest, action: Callable, success: str, **kwargs):
    """Call ``action`` as the user and report the result as a message; falsy on failure."""
    try:
        result = action(actor=request.user, request=request, **kwargs)
    except (ValidationError, PermissionDenied) as error:
        text = (
            " ".join(error.messages) if isinstance(error, ValidationError) else str(error) or _("You may not do this.")
        )
        messages.error(request, text)
        return False
    messages.success(request, success)
    return result or True


def _to_case(case_id: int) -> HttpResponse:
    return redirect("reintegration:case", case_id=case_id)


# Person profile panel ---------------------------------------------------------------------------


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


# Worklist and cases -----------------------------------------------------------------------------


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
    case = queries.case_get_for(user=request.user, case_id=case_id)
    audit_view(actor=request.user, obj=case, person_id=case.person_id, section="reintegration", request=request)
    context = {
        "case": case,
        "today": timezone.localdate(),
        "goals": case.goals_set.all(),
        "documents": case.documents.prefetch_related("payments"),
        "enrolments": case.enrolments.select_related("course__institution"),
        "job_referrals": case.job_referrals.select_related("vacancy__employer", "partner_referral").prefetch_related(
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


def _status_post(
    request: HttpRequest,
    model,
    pk: int,
    action: Callable,
    keyword: str,
    extra: tuple[str, ...] = (),
    case_path: str = "case",
):
    obj = queries.object_get_for(user=request.user, model=model, pk=pk, case_path=case_path)
    form = forms.StatusForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        _run(
            request,
            action,
            _("Status changed."),
            **{keyword: obj, "status": data["status"]},
            **{k: data[k] for k in extra},
        )
    return obj


@require_POST
@permission_required(EDIT)
def goal_status(request: HttpRequest, goal_id: int) -> HttpResponse:
    goal = _status_post(request, PlanGoal, goal_id, actions.goal_set_status, "goal")
    return _to_case(goal.case_id)


@require_POST
@permission_required(EDIT)
def document_add(request: HttpRequest, case_id: int) -> HttpResponse:
    case = queries.case_get_for(user=request.user, case_id=case_id)
    form = forms.DocumentForm(request.POST)
    if form.is_valid():
        _run(request, actions.document_request, _("Document requested."), case=case, **form.cleaned_data)
    return _to_case(case.pk)


@require_POST
@permission_required(EDIT)
def document_status(request: HttpRequest, document_id: int) -> HttpResponse:
    document = _status_post(
        request, DocumentRequest, document_id, actions.document_set_status, "document", ("on", "reason")
    )
    return _to_case(document.case_id)


@require_POST
@permission_required(EDIT)
def enrolment_add(request: HttpRequest, case_id: int) -> HttpResponse:
    case = queries.case_get_for(user=request.user, case_id=case_id)
    form = forms.EnrolmentForm(request.POST)
    if form.is_valid():
        _run(request, actions.enrolment_create, _("Enrolment recorded."), case=case, **form.cleaned_data)
    else:
        messages.error(request, _("Not saved: %(errors)s") % {"errors": _errors(form)})
    return _to_case(case.pk)


@require_POST
@permission_required(EDIT)
def enrolment_status(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    enrolment = _status_post(
        request,
        Enrolment,
        enrolment_id,
        actions.enrolment_set_status,
        "enrolment",
        ("on", "reason", "certificate_number"),
    )
    return _to_case(enrolment.case_id)


@require_POST
@permission_required(EDIT)
def enrolment_attendance(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    enrolment = queries.object_get_for(user=request.user, model=Enrolment, pk=enrolment_id)
    form = forms.AttendanceForm(request.POST)
    if form.is_valid():
        _run(
            request,
            actions.enrolment_record_attendance,
            _("Attendance recorded."),
            enrolment=enrolment,
            **form.cleaned_data,
        )
    else:
        messages.error(request, _("Not saved: %(errors)s") % {"errors": _errors(form)})
    return _to_case(enrolment.case_id)


@require_POST
@permission_required(EDIT)
def job_referral_add(request: HttpRequest, case_id: int) -> HttpResponse:
    case = queries.case_get_for(user=request.user, case_id=case_id)
    form = forms.JobReferralForm(request.POST, can_override=can(request.user, "referral.consent_override"))
    if not form.is_valid():
        messages.error(request, _("Not saved: %(errors)s") % {"errors": _errors(form)})
        return _to_case(case.pk)
    _run(
        request,
        actions.job_referral_create,
        _("Referred to the vacancy; the employer has the referral to answer."),
        case=case,
        **form.cleaned_data,
    )
    return _to_case(case.pk)


def _job_context(request: HttpRequest, job: JobReferral, **extra) -> dict:
    referral = job.partner_referral
    return {
        "job": job,
        "case": job.case,
        "referral": referral,
        "history": queries.partner_referral_history(job),
        "links": referral.links.select_related("created_by") if referral else [],
        "can_edit": can(request.user, EDIT),
        "can_link": can(request.user, EDIT) and can(request.user, "referral.link") and queries.employer_may_answer(job),
        "link_form": forms.LinkForm(),
        "send_channels": partner_send_channels(referral) if referral else [],
        "sent_messages": messages_about(referral) if referral else [],
        "today": timezone.localdate(),
        **extra,
    }


@permission_required(VIEW)
def job_referral_detail(request: HttpRequest, job_referral_id: int) -> HttpResponse:
    """One job referral: the vacancy, the employer's answers, and signed links for employers without an account."""
    job = queries.job_referral_get_for(user=request.user, job_referral_id=job_referral_id)
    audit_view(actor=request.user, obj=job, person_id=job.case.person_id, section="reintegration", request=request)
    return render(request, "reintegration/job_referral.html", _job_context(request, job))


@require_POST
@permission_required(EDIT)
def job_referral_link_send(request: HttpRequest, job_referral_id: int) -> HttpResponse:
    """Send the employer a signed link to the email or phone on file."""
    job = queries.job_referral_get_for(user=request.user, job_referral_id=job_referral_id)
    form = forms.LinkForm(request.POST)
    channel = request.POST.get("channel", "")
    if form.is_valid():
        _run(
            request,
            actions.job_referral_link_send,
            _("The link is on its way to the employer."),
            job_referral=job,
            channel=channel,
            days_valid=form.cleaned_data["days_valid"],
        )
    else:
        messages.error(request, _("Not saved: %(errors)s") % {"errors": _errors(form)})
    return redirect("reintegration:job_referral", job_referral_id=job.pk)


@require_POST
@permission_required(EDIT)
def job_referral_link(request: HttpRequest, job_referral_id: int) -> HttpResponse:
    """Issue a signed link for the employer and show it this once (it is never stored)."""
    job = queries.job_referral_get_for(user=request.user, job_referral_id=job_referral_id)
    form = forms.LinkForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Not saved: %(errors)s") % {"errors": _errors(form)})
        return redirect("reintegration:job_referral", job_referral_id=job.pk)
    path = _run(
        request,
        actions.job_referral_link_create,
        _("Link created: send it to the employer now, it is not shown again."),
        job_referral=job,
        days_valid=form.cleaned_data["days_valid"],
    )
    if not path:
        return redirect("reintegration:job_referral", job_referral_id=job.pk)
    context = _job_context(request, job, new_link=request.build_absolute_uri(path))
    response = render(request, "reintegration/job_referral.html", context)
    response["Cache-Control"] = "no-store, private"
    return response


@require_POST
@permission_required(EDIT)
def job_referral_status(request: HttpRequest, job_referral_id: int) -> HttpResponse:
    referral = _status_post(
        request, JobReferral, job_referral_id, actions.job_referral_set_status, "job_referral", ("on", "reason")
    )
    if request.POST.get("next") == "job":
        return redirect("reintegration:job_referral", job_referral_id=referral.pk)
    return _to_case(referral.case_id)


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


# Business grants ---------------------------------------------------------------------------------


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
    grant = queries.object_get_for(user=request.user, model=BusinessGrant, pk=grant_id)
    audit_view(
        actor=request.user, obj=grant, person_id=grant.case.person_id, section="reintegration.grant", request=request
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


# Follow-ups --------------------------------------------------------------------------------------


@permission_required(VIEW)
def followup_detail(request: HttpRequest, followup_id: int) -> HttpResponse:
    followup = queries.followup_get_for(user=request.user, followup_id=followup_id)
    audit_view(
        actor=request.user,
        obj=followup,
        person_id=followup.person_id,
        section="reintegration.followup",
        request=request,
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


# Reference lists: courses, vacancies, groups -----------------------------------------------------


@require_http_methods(["GET", "POST"])
@permission_required(VIEW)
def course_list(request: HttpRequest) -> HttpResponse:
    form = forms.CourseForm(request.POST or None)
    if request.method == "POST":
        if not can(request.user, EDIT):
            raise PermissionDenied
        if form.is_valid() and _run(request, actions.course_create, _("Course added."), **form.cleaned_data):
            return redirect("reintegration:courses")
    courses = Course.objects.select_related("institution")
    return render(request, "reintegration/course_list.html", {"courses": courses, "form": form})


@require_http_methods(["GET", "POST"])
@permission_required(VIEW)
def vacancy_list(request: HttpRequest) -> HttpResponse:
    form = forms.VacancyForm(request.POST or None, initial={"posted_on": timezone.localdate()})
    if request.method == "POST":
        if not can(request.user, EDIT):
            raise PermissionDenied
        if form.is_valid() and _run(request, actions.vacancy_create, _("Vacancy published."), **form.cleaned_data):
            return redirect("reintegration:vacancies")
    vacancies = Vacancy.objects.select_related("employer", "municipality")
    return render(request, "reintegration/vacancy_list.html", {"vacancies": vacancies, "form": form})


@require_POST
@permission_required(EDIT)
def vacancy_open(request: HttpRequest, vacancy_id: int) -> HttpResponse:
    vacancy = get_object_or_404(Vacancy, pk=vacancy_id)
    is_open = request.POST.get("is_open") == "1"
    _run(
        request,
        actions.vacancy_set_open,
        _("Vacancy reopened.") if is_open else _("Vacancy closed."),
        vacancy=vacancy,
        is_open=is_open,
    )
    return redirect("reintegration:vacancies")


@require_http_methods(["GET", "POST"])
@permission_required(VIEW)
def group_list(request: HttpRequest) -> HttpResponse:
    form = forms.GroupForm(
        request.POST or None, initial={"facilitator": request.user, "started_on": timezone.localdate()}
    )
    if request.method == "POST":
        if not can(request.user, EDIT):
            raise PermissionDenied
        if form.is_valid() and _run(request, actions.group_create, _("Group started."), **form.cleaned_data):
            return redirect("reintegration:groups")
    groups = SelfHelpGroup.objects.select_related("municipality", "facilitator")
    return render(request, "reintegration/group_list.html", {"groups": groups, "form": form})


@require_http_methods(["GET", "POST"])
@permission_required(VIEW)
def group_detail(request: HttpRequest, group_id: int) -> HttpResponse:
    group = get_object_or_404(SelfHelpGroup, pk=group_id)
    form = forms.SessionForm(request.POST or None, initial={"held_on": timezone.localdate()})
    if request.method == "POST":
        if not can(request.user, EDIT):
            raise PermissionDenied
        if form.is_valid() and _run(
            request, actions.group_session_record, _("Session recorded."), group=group, **form.cleaned_data
        ):
            return redirect("reintegration:group", group_id=group.pk)
    sessions = group.sessions.prefetch_related("attendees__person")
    return render(
        request,
        "reintegration/group_detail.html",
        {"group": group, "sessions": sessions, "form": form, "can_edit": can(request.user, EDIT)},
    )


# Budgets and figures -----------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@permission_required("reintegration.budget_manage")
def budgets(request: HttpRequest) -> HttpResponse:
    """Managers: budget lines by donor with what is spent and left; new lines and donors."""
    line_form = forms.BudgetLineForm(request.POST if request.POST.get("form") == "line" else None, prefix="line")
    donor_form = forms.DonorForm(request.POST if request.POST.get("form") == "donor" else None, prefix="donor")
    if request.method == "POST":
        form, action, done = (
            (line_form, actions.budget_line_create, _("Budget line opened."))
            if request.POST.get("form") == "line"
            else (donor_form, actions.donor_create, _("Donor added."))
        )
        if form.is_valid() and _run(request, action, done, **form.cleaned_data):
            return redirect("reintegration:budgets")
    lines = list(queries.budget_lines_with_balance())
    overrides = Payment.objects.filter(override_by__isnull=False).select_related("budget_line", "override_by")[:50]
    return render(
        request,
        "reintegration/budgets.html",
        {
            "lines": lines,
            "line_form": line_form,
            "donor_form": donor_form,
            "donors": Donor.objects.all(),
            "overrides": overrides,
            "amount_form": forms.BudgetAmountForm(),
        },
    )


@require_POST
@permission_required("reintegration.budget_manage")
def budget_amount(request: HttpRequest, line_id: int) -> HttpResponse:
    from retorno.reintegration.models import BudgetLine

    line = get_object_or_404(BudgetLine, pk=line_id)
    form = forms.BudgetAmountForm(request.POST)
    if form.is_valid():
        _run(request, actions.budget_line_set_amount, _("Budget changed."), line=line, **form.cleaned_data)
    else:
        messages.error(request, _("Not saved: %(errors)s") % {"errors": _errors(form)})
    return redirect("reintegration:budgets")


@permission_required("reintegration.figures")
def figures(request: HttpRequest) -> HttpResponse:
    """Programme figures with no names (M&E may see them)."""
    context = {"figures": queries.programme_figures(), "cohorts": queries.followup_response_by_cohort()}
    return render(request, "reintegration/figures.html", context)
