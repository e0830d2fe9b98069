"""The seal: break-the-glass access and its review, the HTCDS export, partners' shared view, notifications."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from retorno.accounts.access import permission_required
from retorno.lib.views import error_text, post_back
from retorno.protection import actions, forms
from retorno.protection.queries import (
    break_glass_get,
    break_glass_queue,
    case_get_for_break_glass,
    case_get_shared,
    cases_shared_with,
    notifications_for,
    reads_in_full,
    shared_data,
    unread_notifications,
)


@require_http_methods(["GET", "POST"])
@permission_required("protection.break_glass")
def break_glass(request: HttpRequest, case_id: int) -> HttpResponse:
    case = case_get_for_break_glass(user=request.user, case_id=case_id)
    if reads_in_full(request.user, case):
        return redirect("protection:case", case_id=case.pk)
    form = forms.BreakGlassForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            access = actions.break_glass_open(
                actor=request.user, case=case, reason=form.cleaned_data["reason"], request=request
            )
        except ValidationError as error:
            messages.error(request, error_text(error))
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
    access = break_glass_get(access_id=access_id)
    return post_back(
        request,
        form=forms.ReviewForm(request.POST),
        run=lambda data: actions.break_glass_review(actor=request.user, access=access, request=request, **data),
        back=reverse("protection:break_glass_queue"),
        done_message=_("Review recorded."),
    )


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
    """What a shelter referral shares with the partner's organisation; the read is audited."""
    case, access = case_get_shared(user=request.user, case_id=case_id, request=request)
    context = {
        "case": case,
        "sections": access.sections,
        **shared_data(case=case, sections=access.sections, organisation_id=request.user.organisation_id),
    }
    return render(request, "protection/shared_detail.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        for note in unread_notifications(request.user):
            actions.notification_mark_read(actor=request.user, notification=note)
        return redirect("protection:notifications")
    return render(request, "protection/notifications.html", {"rows": notifications_for(request.user)[:200]})
