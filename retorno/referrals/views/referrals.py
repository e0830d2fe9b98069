"""Programme staff's referral pages, the officer's worklist, and the partner's inbox."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from retorno.accounts.access import can, permission_required
from retorno.audit.actions import audit_view
from retorno.messaging.queries import messages_about
from retorno.people.queries import person_get_for
from retorno.referrals import actions
from retorno.referrals.forms import LinkForm, LinkSendForm, ReferralForm, StatusForm
from retorno.referrals.models import Referral, ReferralLink, Service
from retorno.referrals.queries import (
    consent_withdrawn_referrals,
    overdue_referrals,
    partner_inbox,
    partner_send_channels,
    person_referrals,
    referral_get_for,
    referral_history,
    referral_links,
    referrals_filtered,
    referrals_visible_to,
    shared_data,
    sharing_allowed,
    waiting_referrals,
)
from retorno.referrals.views.common import form_errors_to


@permission_required("referral.list")
def worklist(request: HttpRequest) -> HttpResponse:
    """The officer's referrals waiting for an answer: overdue first."""
    context = {
        "overdue": overdue_referrals(user=request.user),
        "withdrawn": consent_withdrawn_referrals(user=request.user),
        "waiting": waiting_referrals(user=request.user),
    }
    return render(request, "referrals/worklist.html", context)


@permission_required("referral.list")
def referral_list(request: HttpRequest) -> HttpResponse:
    """Every referral, filtered by status and service (no personal data in the query string)."""
    status, service = request.GET.get("status", ""), request.GET.get("service", "")
    referrals = referrals_filtered(user=request.user, status=status, service=service)
    page = Paginator(referrals, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "referrals/list.html",
        {
            "page": page,
            "status": status,
            "service": service,
            "statuses": Referral.Status.choices,
            "services": Service.choices,
        },
    )


@require_http_methods(["GET", "POST"])
@permission_required("referral.create")
def referral_new(request: HttpRequest, person_id: int) -> HttpResponse:
    person = person_get_for(user=request.user, person_id=person_id)
    can_override = can(request.user, "referral.consent_override")
    form = ReferralForm(request.POST or None, can_override=can_override)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            referral = actions.referral_create(
                actor=request.user,
                person=person,
                partner=data["partner"],
                purpose=data["purpose"],
                service=data["service"],
                shared_fields=data["shared_fields"],
                consent_override_reason=data.get("consent_override_reason", ""),
                note=data["note"],
                shelter=data["shelter"],
                request=request,
            )
        except ValidationError as error:
            form_errors_to(form, error)
        else:
            messages.success(request, _("Referral sent."))
            return redirect("referrals:detail", referral_id=referral.pk)
    return render(request, "referrals/new.html", {"form": form, "person": person})


def _detail_context(request: HttpRequest, referral: Referral, **extra) -> dict:
    return {
        "referral": referral,
        "history": referral_history(referral),
        "links": referral_links(referral),
        "sharing_allowed": sharing_allowed(referral),
        "status_form": StatusForm(statuses=[value for value, _label in referral.next_statuses()]),
        "link_form": LinkForm(),
        "send_form": LinkSendForm(channels=partner_send_channels(referral)),
        "sent_messages": messages_about(referral),
        "can_link": can(request.user, "referral.link") and bool(referral.partner_answers()),
        **extra,
    }


@permission_required("referral.list")
def referral_detail(request: HttpRequest, referral_id: int) -> HttpResponse:
    referral = referral_get_for(user=request.user, referral_id=referral_id, section="referral", request=request)
    return render(request, "referrals/detail.html", _detail_context(request, referral))


@require_POST
@permission_required("referral.answer")
def referral_status(request: HttpRequest, referral_id: int) -> HttpResponse:
    """Staff record a partner's answer given by phone, or revoke the referral."""
    referral = referral_get_for(user=request.user, referral_id=referral_id)
    if not can(request.user, "referral.list"):
        return redirect("referrals:inbox_detail", referral_id=referral.pk)
    form = StatusForm(request.POST, statuses=[value for value, _label in referral.next_statuses()])
    if form.is_valid():
        try:
            actions.referral_set_status(actor=request.user, referral=referral, request=request, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Status changed."))
    else:
        messages.error(request, _("Choose a status the referral can move to."))
    return redirect("referrals:detail", referral_id=referral.pk)


@require_POST
@permission_required("referral.link")
def link_create(request: HttpRequest, referral_id: int) -> HttpResponse:
    """Issue a signed link and show it once, so the officer can send it to the partner."""
    referral = referral_get_for(user=request.user, referral_id=referral_id)
    form = LinkForm(request.POST)
    if form.is_valid():
        try:
            path = actions.signed_link_create(
                actor=request.user, referral=referral, days_valid=form.cleaned_data["days_valid"], request=request
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            context = _detail_context(request, referral, new_link=request.build_absolute_uri(path))
            return render(request, "referrals/detail.html", context)
    return redirect("referrals:detail", referral_id=referral.pk)


@require_POST
@permission_required("referral.link")
def link_send(request: HttpRequest, referral_id: int) -> HttpResponse:
    """Send a fresh signed link to the partner's email or phone on file."""
    referral = referral_get_for(user=request.user, referral_id=referral_id)
    form = LinkSendForm(request.POST, channels=partner_send_channels(referral))
    if form.is_valid():
        try:
            actions.referral_link_send(
                actor=request.user,
                referral=referral,
                channel=form.cleaned_data["channel"],
                days_valid=form.cleaned_data["days_valid"],
                request=request,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The link is on its way to the partner."))
    else:
        messages.error(request, " ".join(m for errors in form.errors.values() for m in errors))
    return redirect("referrals:detail", referral_id=referral.pk)


@require_POST
@permission_required("referral.link")
def link_revoke(request: HttpRequest, link_id: int) -> HttpResponse:
    link = get_object_or_404(ReferralLink, pk=link_id, referral__in=referrals_visible_to(request.user))
    try:
        actions.link_revoke(actor=request.user, link=link, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Link revoked: it no longer opens."))
    return redirect("referrals:detail", referral_id=link.referral_id)


def referrals_panel(request: HttpRequest, person) -> dict | None:
    """The person's referrals on their profile (programme staff)."""
    if not can(request.user, "referral.list"):
        return None
    referrals = person_referrals(user=request.user, person=person)
    audit_view(actor=request.user, obj=person, person_id=person.pk, section="referrals", request=request)
    return {
        "title": _("Referrals"),
        "template": "referrals/_panel.html",
        "context": {"referrals": referrals, "person": person, "can_refer": can(request.user, "referral.create")},
    }


# --- the partner's side -------------------------------------------------------------------


@permission_required("referral.inbox")
def inbox(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    referrals = partner_inbox(user=request.user, status=status if status in Referral.Status.values else "")
    page = Paginator(referrals, 50).get_page(request.GET.get("page"))
    rows = [{"referral": r, "name": _shared_name(r), "visible": sharing_allowed(r)} for r in page]
    return render(
        request,
        "referrals/inbox.html",
        {"page": page, "rows": rows, "status": status, "statuses": Referral.Status.choices},
    )


def _shared_name(referral: Referral) -> str:
    if "name" in referral.shared_fields and sharing_allowed(referral):
        return referral.person.full_name
    return _("Person #%(n)s") % {"n": referral.pk}


@require_http_methods(["GET", "POST"])
@permission_required("referral.inbox")
def inbox_detail(request: HttpRequest, referral_id: int) -> HttpResponse:
    """One referral as the partner sees it: the purpose and only the data shared."""
    shown = {"section": "referral_shared_data", "request": request}  # a page shown is an audited read
    posted = request.method == "POST"
    referral = referral_get_for(user=request.user, referral_id=referral_id, **({} if posted else shown))
    form = StatusForm(request.POST or None, statuses=referral.partner_answers())
    if request.method == "POST" and form.is_valid():
        try:
            actions.referral_set_status(actor=request.user, referral=referral, request=request, **form.cleaned_data)
        except ValidationError as error:
            form_errors_to(form, error)
        else:
            messages.success(request, _("Your answer was recorded."))
            return redirect("referrals:inbox_detail", referral_id=referral.pk)
    if posted:  # the answer was refused: the page shows the referral again, as it is now
        referral = referral_get_for(user=request.user, referral_id=referral_id, **shown)
    context = {
        "referral": referral,
        "shared": shared_data(referral),
        "visible": sharing_allowed(referral),
        "form": form,
        "answers": bool(referral.partner_answers()),
        "history": referral_history(referral),
    }
    return render(request, "referrals/inbox_detail.html", context)
