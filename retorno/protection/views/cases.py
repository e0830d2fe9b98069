"""Protection pages: the lists, a case and its sections, assignment, who has seen it. Case pages answer 404 to anyone who may not read the case."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from retorno.accounts.access import can, permission_required
from retorno.accounts.models import User
from retorno.people.queries import person_get_for
from retorno.protection import actions, forms, protocol
from retorno.protection.models import BreakGlassAccess, CaseKind, Identification, Notification, ProtectionCase
from retorno.protection.queries import (
    SECTIONS,
    WORK_PERMISSION,
    assignable_users,
    case_accesses,
    case_get_for,
    case_get_for_oversight,
    case_read_audit,
    cases_for_oversight,
    cases_readable_by,
    may_assign,
    referral_queue,
)
from retorno.protection.views.common import _errors, case_get_for_readable, signed_in
from retorno.protection.views.sections import SECTION_TITLES, _section_context


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
