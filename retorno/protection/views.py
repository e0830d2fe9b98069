"""Protection pages. Case pages answer 404 to anyone who may not read the case."""

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from retorno.accounts.access import can, permission_required
from retorno.accounts.models import User
from retorno.people.queries import consents_in_force, person_get_for
from retorno.protection import actions, forms, protocol
from retorno.protection.models import (
    BreakGlassAccess,
    CaseKind,
    HealthReferral,
    Identification,
    LegalCase,
    Notification,
    ProtectionCase,
    ProtectionReferral,
)
from retorno.protection.queries import (
    SECTIONS,
    WORK_PERMISSION,
    assignable_users,
    break_glass_queue,
    case_accesses,
    case_get_for,
    case_get_for_break_glass,
    case_get_for_oversight,
    case_get_shared,
    case_read_audit,
    cases_for_oversight,
    cases_readable_by,
    cases_shared_with,
    may_assign,
    referral_queue,
)


def signed_in(view: Callable) -> Callable:
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapped


def _errors(request: HttpRequest, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


def _form_error(request: HttpRequest, form) -> None:
    messages.error(
        request,
        "; ".join(
            f"{form.fields[f].label if f in form.fields else ''}: {m}" for f, ms in form.errors.items() for m in ms
        ),
    )


# --- Lists and the queue ---------------------------------------------------------------------------


def _index(request: HttpRequest, kinds: tuple[str, ...], title: str) -> HttpResponse:
    user = request.user
    staff = {k: assignable_users(k) for k in kinds}
    oversight = cases_for_oversight().filter(kind__in=kinds)[:300] if can(user, "protection.oversight") else None
    context = {
        "title": title,
        "queue": referral_queue() if can(user, "protection.queue") else None,
        "my_cases": cases_readable_by(user).filter(kind__in=kinds).prefetch_related("assignments__user"),
        "oversight": None if oversight is None else [(c, staff[c.kind]) for c in oversight],
        "can_assign": can(user, "protection.assign"),
        "kinds": [c for c in CaseKind.choices if c[0] in kinds],
        # One entry per person, even when they may work on several of these kinds of case.
        "staff": list({u.pk: u for users in staff.values() for u in users}.values()),
        "can_export": can(user, "protection.export_htcds") and CaseKind.TRAFFICKING in kinds,
        "can_review": can(user, "protection.review_break_glass"),
        "unreviewed": BreakGlassAccess.objects.filter(reviewed_at__isnull=True).count()
        if can(user, "protection.review_break_glass")
        else 0,
        "notifications": Notification.objects.filter(user=user, read_at__isnull=True).count(),
    }
    return render(request, "protection/index.html", context)


@permission_required("protection.home")
def index(request: HttpRequest) -> HttpResponse:
    """Protection officers and managers: the queue, my cases and (managers) every case."""
    return _index(request, (CaseKind.TRAFFICKING, CaseKind.MINOR), _("Protection"))


@permission_required("protection.psychosocial_home")
def psychosocial_index(request: HttpRequest) -> HttpResponse:
    return _index(request, (CaseKind.PSYCHOSOCIAL,), _("Psychosocial care"))


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


def case_get_for_readable(user: User, case: ProtectionCase) -> bool:
    try:
        case_get_for(user=user, case_id=case.pk)
    except Http404:
        return False
    return True


@require_POST
@signed_in
def case_open(request: HttpRequest, person_id: int) -> HttpResponse:
    """Open a case from a person's profile (e.g. a psychologist starting psychosocial care)."""
    person = person_get_for(user=request.user, person_id=person_id)
    form = forms.OpenCaseForm(request.POST)
    if not form.is_valid() or not can(request.user, WORK_PERMISSION[form.cleaned_data["kind"]]):
        raise PermissionDenied
    case = actions.case_open(actor=request.user, person=person, kind=form.cleaned_data["kind"], request=request)
    messages.success(request, _("Case #%(id)s opened.") % {"id": case.pk})
    return redirect("protection:case", case_id=case.pk)


# --- A case ----------------------------------------------------------------------------------------------

# Lazy: evaluated in the reader's language, not the language of the process at import.
SECTION_TITLES = {
    "overview": gettext_lazy("Overview"),
    "psychosocial": gettext_lazy("Psychosocial care"),
    "identification": gettext_lazy("Identification protocol"),
    "victim": gettext_lazy("Victim support"),
    "legal": gettext_lazy("Legal case (MP)"),
    "minor": gettext_lazy("Custody and family"),
}


def _section_context(case: ProtectionCase, section: str) -> dict:
    if section == "overview":
        return {
            "notes": case.notes.select_related("author")[:200],
            "consents": consents_in_force(person=case.person, sealed=True).values(),
            "status_changes": case.status_changes.select_related("by"),
            "note_form": forms.NoteForm(),
            "status_form": forms.StatusForm(initial={"status": ""}),
            "consent_form": forms.ConsentForm(),
            "assign_form": forms.AssignForm(),
        }
    if section == "psychosocial":
        return {
            "assessments": case.assessments.select_related("by"),
            "sessions": case.sessions.select_related("by"),
            "health_referrals": case.health_referrals.select_related("organisation"),
            "plan": getattr(case, "follow_up_plan", None) if hasattr(case, "follow_up_plan") else None,
            "assessment_form": forms.AssessmentForm(),
            "session_form": forms.SessionForm(),
            "health_form": forms.HealthReferralForm(),
            "outcomes": HealthReferral.Outcome.choices,
            "plan_form": forms.FollowUpPlanForm(
                initial={
                    "goals": case.follow_up_plan.goals,
                    "next_review_on": case.follow_up_plan.next_review_on,
                    "every_weeks": case.follow_up_plan.every_weeks,
                }
                if hasattr(case, "follow_up_plan")
                else None
            ),
        }
    if section == "identification":
        running = case.identifications.filter(result=Identification.Result.PENDING).first()
        answers = running.answers if running else {}
        return {
            "running": running,
            "concluded": case.identifications.exclude(result=Identification.Result.PENDING).select_related(
                "decided_by"
            ),
            "protocol_form": forms.IdentificationForm(initial=answers),
            "answered": protocol.answered_count(answers),
            "total": len(protocol.INDICATORS),
            "suggested": Identification.Result(protocol.suggested_result(answers)).label,
            "conclude_form": forms.ConcludeForm(initial={"result": protocol.suggested_result(answers)}),
            "signalled": protocol.signalled,
        }
    if section == "victim":
        return {
            "risks": case.risk_assessments.select_related("by"),
            "services": case.support_services.all(),
            "shelters": case.shelter_referrals.select_related("organisation", "consent"),
            "risk_form": forms.RiskForm(),
            "support_form": forms.SupportForm(),
            "shelter_form": forms.ShelterForm(),
        }
    if section == "legal":
        legal = LegalCase.objects.filter(case=case).first()
        return {
            "legal": legal,
            "legal_changes": legal.changes.select_related("by") if legal else [],
            "next_statuses": [(s, LegalCase.Status(s).label) for s in LegalCase.TRANSITIONS[legal.status]]
            if legal
            else [],
            "legal_form": forms.LegalOpenForm(),
            "legal_status_form": forms.LegalStatusForm(),
        }
    if section == "minor":
        return {
            "custody": case.custody_events.select_related("organisation", "recorded_by"),
            "tracing": case.tracing.select_related("by"),
            "decisions": case.best_interest_decisions.select_related("recorded_by"),
            "custody_form": forms.CustodyForm(),
            "tracing_form": forms.TracingForm(),
            "best_interest_form": forms.BestInterestForm(),
        }
    raise Http404


@signed_in
def case_detail(request: HttpRequest, case_id: int, section: str = "overview") -> HttpResponse:
    """One section of a case; every read is audited with its section and basis."""
    case, access = case_get_for(user=request.user, case_id=case_id)
    if section not in SECTIONS[case.kind]:
        raise Http404
    case_read_audit(user=request.user, case=case, access=access, section=section, request=request)
    context = {
        "case": case,
        "access": access,
        "section": section,
        "tabs": [(s, SECTION_TITLES[s]) for s in SECTIONS[case.kind]],
        "assignees": case.assignments.filter(ended_at__isnull=True).select_related("user"),
        "next_statuses": [(s, ProtectionCase.Status(s).label) for s in ProtectionCase.TRANSITIONS[case.status]],
        "staff": assignable_users(case.kind),
        "can_see_accesses": access.basis == "supervisor" or can(request.user, "protection.oversight"),
        "can_assign": may_assign(request.user, case),
        **_section_context(case, section),
    }
    return render(request, "protection/case.html", context)


@signed_in
def identification_review(request: HttpRequest, case_id: int, identification_id: int) -> HttpResponse:
    """A concluded (or running) interview read back: every answer, the result, who and when. Audited."""
    case, access = case_get_for(user=request.user, case_id=case_id)
    if "identification" not in SECTIONS[case.kind]:
        raise Http404
    identification = get_object_or_404(
        case.identifications.select_related("started_by", "decided_by"), pk=identification_id
    )
    case_read_audit(user=request.user, case=case, access=access, section="identification_review", request=request)
    return render(
        request,
        "protection/identification_review.html",
        {
            "case": case,
            "identification": identification,
            "review": protocol.review(identification.answers),
            "answered": protocol.answered_count(identification.answers),
            "total": len(protocol.INDICATORS),
            "suggested": Identification.Result(protocol.suggested_result(identification.answers)).label,
        },
    )


def _identification(case: ProtectionCase, request: HttpRequest) -> Identification:
    running = case.identifications.filter(result=Identification.Result.PENDING).first()
    return running or actions.identification_start(actor=request.user, case=case, request=request)


# Each write: (form, function(request, case, data), section to return to).
WRITES: dict[str, tuple[type, Callable, str]] = {
    "note": (forms.NoteForm, lambda r, c, d: actions.note_add(actor=r.user, case=c, request=r, **d), "overview"),
    "status": (
        forms.StatusForm,
        lambda r, c, d: actions.case_set_status(actor=r.user, case=c, request=r, **d),
        "overview",
    ),
    "consent": (
        forms.ConsentForm,
        lambda r, c, d: actions.case_consent_record(actor=r.user, case=c, request=r, **d),
        "overview",
    ),
    "assessment": (
        forms.AssessmentForm,
        lambda r, c, d: actions.assessment_record(actor=r.user, case=c, request=r, **d),
        "psychosocial",
    ),
    "session": (
        forms.SessionForm,
        lambda r, c, d: actions.session_record(actor=r.user, case=c, request=r, **d),
        "psychosocial",
    ),
    "health_referral": (
        forms.HealthReferralForm,
        lambda r, c, d: actions.health_referral_create(actor=r.user, case=c, request=r, **d),
        "psychosocial",
    ),
    "health_outcome": (
        forms.HealthOutcomeForm,
        lambda r, c, d: actions.health_referral_outcome(
            actor=r.user,
            referral=get_object_or_404(HealthReferral, pk=d["referral"], case=c),
            outcome=d["outcome"],
            note=d["note"],
            request=r,
        ),
        "psychosocial",
    ),
    "plan": (
        forms.FollowUpPlanForm,
        lambda r, c, d: actions.follow_up_plan_save(actor=r.user, case=c, request=r, **d),
        "psychosocial",
    ),
    "answers": (
        forms.IdentificationForm,
        lambda r, c, d: actions.identification_save_answers(
            actor=r.user, identification=_identification(c, r), answers=d, request=r
        ),
        "identification",
    ),
    "conclude": (
        forms.ConcludeForm,
        lambda r, c, d: actions.identification_conclude(
            actor=r.user, identification=_identification(c, r), request=r, **d
        ),
        "identification",
    ),
    "risk": (
        forms.RiskForm,
        lambda r, c, d: actions.risk_assessment_record(actor=r.user, case=c, request=r, **d),
        "victim",
    ),
    "support": (
        forms.SupportForm,
        lambda r, c, d: actions.support_service_add(actor=r.user, case=c, request=r, **d),
        "victim",
    ),
    "shelter": (
        forms.ShelterForm,
        lambda r, c, d: actions.shelter_referral_create(actor=r.user, case=c, request=r, **d),
        "victim",
    ),
    "legal_open": (
        forms.LegalOpenForm,
        lambda r, c, d: actions.legal_case_open(actor=r.user, case=c, request=r, **d),
        "legal",
    ),
    "legal_status": (
        forms.LegalStatusForm,
        lambda r, c, d: actions.legal_case_set_status(
            actor=r.user, legal_case=get_object_or_404(LegalCase, case=c), request=r, **d
        ),
        "legal",
    ),
    "custody": (
        forms.CustodyForm,
        lambda r, c, d: actions.custody_record(actor=r.user, case=c, request=r, **d),
        "minor",
    ),
    "tracing": (forms.TracingForm, lambda r, c, d: actions.tracing_add(actor=r.user, case=c, request=r, **d), "minor"),
    "best_interest": (
        forms.BestInterestForm,
        lambda r, c, d: actions.best_interest_record(actor=r.user, case=c, request=r, **d),
        "minor",
    ),
}

SAVED = {
    "answers": _("Answers saved. You can stop here and continue later."),
    "legal_open": _("Complaint recorded: the case is with the Public Prosecutor's Office."),
}


@require_POST
@signed_in
def case_write(request: HttpRequest, case_id: int, what: str) -> HttpResponse:
    """Every form on a case page posts here; the action named by ``what`` does the work."""
    case, _access = case_get_for(user=request.user, case_id=case_id)
    if what not in WRITES:
        raise Http404
    form_class, write, section = WRITES[what]
    if section not in SECTIONS[case.kind]:
        raise Http404
    form = form_class(request.POST)
    if form.is_valid():
        try:
            write(request, case, form.cleaned_data)
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, SAVED.get(what, _("Saved.")))
    else:
        _form_error(request, form)
    return redirect("protection:case_section", case_id=case.pk, section=section)


@require_POST
@signed_in
def case_assign(request: HttpRequest, case_id: int) -> HttpResponse:
    """Managers, or the case's supervisor, assign a colleague (emergency access never may)."""
    try:
        case, _access = case_get_for(user=request.user, case_id=case_id)
    except Http404:
        case = case_get_for_oversight(user=request.user, case_id=case_id)
    form = forms.AssignForm(request.POST)
    if form.is_valid():
        user = get_object_or_404(User, pk=form.cleaned_data["user"], is_active=True)
        try:
            actions.case_assign(actor=request.user, case=case, user=user, request=request)
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("%(user)s assigned.") % {"user": user})
    if case_get_for_readable(request.user, case):
        return redirect("protection:case", case_id=case.pk)
    return redirect("protection:index")


@signed_in
def case_accesses_view(request: HttpRequest, case_id: int) -> HttpResponse:
    """Who has seen this case: for the supervisor and managers."""
    case = case_get_for_oversight(user=request.user, case_id=case_id)
    return render(request, "protection/accesses.html", {"case": case, "events": case_accesses(case=case)[:500]})


# --- Break the glass -------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@permission_required("protection.break_glass")
def break_glass(request: HttpRequest, case_id: int) -> HttpResponse:
    case = case_get_for_break_glass(user=request.user, case_id=case_id)
    if case_get_for_readable(request.user, case):
        return redirect("protection:case", case_id=case.pk)
    form = forms.BreakGlassForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            access = actions.break_glass_open(
                actor=request.user, case=case, reason=form.cleaned_data["reason"], request=request
            )
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.warning(
                request,
                _("Emergency access granted until %(time)s. Your supervisor has been notified.")
                % {"time": access.expires_at.strftime("%H:%M")},
            )
            return redirect("protection:case", case_id=case.pk)
    return render(request, "protection/break_glass.html", {"case": case, "form": form})


@permission_required("protection.review_break_glass")
def break_glass_queue_view(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "protection/break_glass_queue.html",
        {"accesses": break_glass_queue()[:500], "form": forms.ReviewForm()},
    )


@require_POST
@permission_required("protection.review_break_glass")
def break_glass_review(request: HttpRequest, access_id: int) -> HttpResponse:
    access = get_object_or_404(BreakGlassAccess, pk=access_id)
    form = forms.ReviewForm(request.POST)
    if form.is_valid():
        try:
            actions.break_glass_review(actor=request.user, access=access, request=request, **form.cleaned_data)
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("Review recorded."))
    return redirect("protection:break_glass_queue")


# --- Export, partners, notifications ----------------------------------------------------------------------


@permission_required("protection.export_htcds")
def htcds_export(request: HttpRequest, fmt: str) -> HttpResponse:
    rows, text = actions.htcds_export(actor=request.user, fmt=fmt, request=request)
    if fmt == "json":
        response = JsonResponse(rows, safe=False)
    else:
        response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="htcds-victim-cases.{fmt}"'
    return response


@permission_required("protection.partner_shared")
def shared_list(request: HttpRequest) -> HttpResponse:
    return render(request, "protection/shared_list.html", {"shared": cases_shared_with(request.user)})


@permission_required("protection.partner_shared")
def shared_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    case, access = case_get_shared(user=request.user, case_id=case_id)
    case_read_audit(
        user=request.user, case=case, access=access, section="shared:" + ",".join(access.sections), request=request
    )
    context = {
        "case": case,
        "sections": access.sections,
        "risk": case.risk_assessments.first() if "risk" in access.sections else None,
        "services": case.support_services.all() if "support" in access.sections else None,
        "referrals": case.shelter_referrals.filter(organisation=request.user.organisation, revoked_at__isnull=True),
    }
    return render(request, "protection/shared_detail.html", context)


@require_http_methods(["GET", "POST"])
@signed_in
def notifications(request: HttpRequest) -> HttpResponse:
    rows = Notification.objects.filter(user=request.user)
    if request.method == "POST":
        for note in rows.filter(read_at__isnull=True):
            actions.notification_mark_read(actor=request.user, notification=note)
        return redirect("protection:notifications")
    return render(request, "protection/notifications.html", {"rows": rows[:200]})
