"""The seal: break-the-glass access and its review, the HTCDS export, partners' shared view, notifications."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from retorno.accounts.access import permission_required
from retorno.protection import actions, forms
from retorno.protection.models import BreakGlassAccess, Notification
from retorno.protection.queries import (
    break_glass_queue,
    case_get_for_break_glass,
    case_get_shared,
    case_read_audit,
    cases_shared_with,
)
from retorno.protection.views.common import _errors, case_get_for_readable, signed_in


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
