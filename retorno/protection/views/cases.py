"""Protection pages: the lists, a case and its sections, assignment, who has seen it.

Case pages answer 404 to anyone who may not read the case; reading a section is audited by
``case_get_for`` itself.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from retorno.accounts.access import can, permission_required
from retorno.lib.views import error_text
from retorno.people.queries import person_get_for
from retorno.protection import actions, forms, protocol
from retorno.protection.models import CaseKind, Identification
from retorno.protection.queries import (
    SECTIONS,
    active_user_get,
    assignable_users,
    break_glass_unreviewed_count,
    case_accesses,
    case_get_for,
    case_get_for_oversight,
    cases_for_oversight,
    identification_get,
    live_assignments,
    may_assign,
    my_cases,
    reads_in_full,
    referral_queue,
    tracing_requests_to_complete,
    unread_notifications,
    visits_due,
)
from retorno.protection.views.sections import SECTION_TITLES, section_context


def _index(request: HttpRequest, kinds: tuple[str, ...], title: str) -> HttpResponse:
    user = request.user
    staff = {k: assignable_users(k) for k in kinds}
    oversight = cases_for_oversight(kinds=kinds)[:300] if can(user, "protection.oversight") else None
    context = {
        "title": title,
        "queue": referral_queue() if can(user, "protection.queue") else None,
        "my_cases": my_cases(user, kinds=kinds),
        "oversight": None if oversight is None else [(c, staff[c.kind]) for c in oversight],
        "can_assign": can(user, "protection.assign"),
        "kinds": [c for c in CaseKind.choices if c[0] in kinds],
        # One entry per person, even when they may work on several of these kinds of case.
        "staff": list({u.pk: u for users in staff.values() for u in users}.values()),
        "can_export": can(user, "protection.export_htcds") and CaseKind.TRAFFICKING in kinds,
        "can_review": can(user, "protection.review_break_glass"),
        "unreviewed": break_glass_unreviewed_count() if can(user, "protection.review_break_glass") else 0,
        "notifications": unread_notifications(user).count(),
        "visits_due": list(visits_due(user)) if CaseKind.MINOR in kinds else [],
        "to_complete": list(tracing_requests_to_complete(user)[:200]) if CaseKind.MINOR in kinds else [],
        "today": timezone.localdate(),
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
@login_required
def case_open(request: HttpRequest, person_id: int) -> HttpResponse:
    """Open a case from a person's profile (e.g. a psychologist starting psychosocial care)."""
    person = person_get_for(user=request.user, person_id=person_id)
    form = forms.OpenCaseForm(request.POST)
    if not form.is_valid():
        raise PermissionDenied
    case = actions.case_open(actor=request.user, person=person, kind=form.cleaned_data["kind"], request=request)
    messages.success(request, _("Case #%(id)s opened.") % {"id": case.pk})
    return redirect("protection:case", case_id=case.pk)


@login_required
def case_detail(request: HttpRequest, case_id: int, section: str = "overview") -> HttpResponse:
    """One section of a case; every read is audited with its section and basis."""
    if section not in SECTION_TITLES:
        raise Http404
    case, access = case_get_for(user=request.user, case_id=case_id, section=section, request=request)
    context = {
        "case": case,
        "access": access,
        "section": section,
        "tabs": [(s, SECTION_TITLES[s]) for s in SECTIONS[case.kind]],
        "assignees": live_assignments(case),
        "staff": assignable_users(case.kind),
        "can_see_accesses": access.basis == "supervisor" or can(request.user, "protection.oversight"),
        "can_assign": may_assign(request.user, case),
        **section_context(case, section),
    }
    return render(request, "protection/case.html", context)


@login_required
def identification_review(request: HttpRequest, case_id: int, identification_id: int) -> HttpResponse:
    """A concluded (or running) interview read back: every answer, the result, who and when. Audited."""
    case, _access = case_get_for(user=request.user, case_id=case_id, section="identification_review", request=request)
    identification = identification_get(case=case, identification_id=identification_id)
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
@login_required
def case_assign(request: HttpRequest, case_id: int) -> HttpResponse:
    """Managers, or the case's supervisor, assign a colleague (emergency access never may)."""
    try:
        case, _access = case_get_for(user=request.user, case_id=case_id)
    except Http404:
        case = case_get_for_oversight(user=request.user, case_id=case_id)
    form = forms.AssignForm(request.POST)
    if form.is_valid():
        user = active_user_get(user_id=form.cleaned_data["user"])
        try:
            actions.case_assign(actor=request.user, case=case, user=user, request=request)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("%(user)s assigned.") % {"user": user})
    if reads_in_full(request.user, case):
        return redirect("protection:case", case_id=case.pk)
    return redirect("protection:index")


@login_required
def case_accesses_view(request: HttpRequest, case_id: int) -> HttpResponse:
    """Who has seen this case: for the supervisor and managers."""
    case = case_get_for_oversight(user=request.user, case_id=case_id)
    return render(request, "protection/accesses.html", {"case": case, "events": case_accesses(case=case)[:500]})
