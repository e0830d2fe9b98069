"""Networks: members, meetings, agreements and the worklist of agreements due."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from retorno.accounts.access import can, permission_required
from retorno.outreach import actions
from retorno.outreach.forms import MeetingForm, MemberForm, NetworkAgreementForm, NetworkForm, StatusForm
from retorno.outreach.models import NetworkAgreement
from retorno.outreach.queries import agreements_due, networks_visible_to
from retorno.outreach.views.common import form_page, post_back


@permission_required("outreach.view")
def network_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "outreach/networks.html",
        {"networks": networks_visible_to(request.user), "can_manage": can(request.user, "outreach.manage")},
    )


@require_http_methods(["GET", "POST"])
@permission_required("outreach.manage")
def network_new(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        form=NetworkForm(request.POST or None),
        title=_("Add a network"),
        run=lambda d: actions.network_create(actor=request.user, request=request, **d),
        done=lambda n: reverse("outreach:network", args=[n.pk]),
        cancel_url=reverse("outreach:networks"),
    )


@permission_required("outreach.view")
def network_detail(request: HttpRequest, network_id: int) -> HttpResponse:
    network = get_object_or_404(networks_visible_to(request.user), pk=network_id)
    return render(
        request,
        "outreach/network_detail.html",
        {
            "network": network,
            "members": network.members.select_related("organisation"),
            "meetings": network.meetings.prefetch_related("organisations_present"),
            "agreements": network.agreements.select_related("owner"),
            "member_form": MemberForm(),
            "meeting_form": MeetingForm(),
            "agreement_form": NetworkAgreementForm(),
            "can_manage": can(request.user, "outreach.manage"),
        },
    )


def _network_post(request, network_id, form, run, message):
    network = get_object_or_404(networks_visible_to(request.user), pk=network_id)
    return post_back(
        request,
        form=form,
        run=lambda d: run(network, d),
        back=reverse("outreach:network", args=[network.pk]),
        done_message=message,
    )


@require_POST
@permission_required("outreach.manage")
def member_add(request: HttpRequest, network_id: int) -> HttpResponse:
    return _network_post(
        request,
        network_id,
        MemberForm(request.POST),
        lambda n, d: actions.network_member_add(actor=request.user, network=n, request=request, **d),
        _("Member added."),
    )


@require_POST
@permission_required("outreach.manage")
def meeting_add(request: HttpRequest, network_id: int) -> HttpResponse:
    return _network_post(
        request,
        network_id,
        MeetingForm(request.POST),
        lambda n, d: actions.meeting_record(actor=request.user, network=n, request=request, **d),
        _("Meeting recorded."),
    )


@require_POST
@permission_required("outreach.manage")
def agreement_add(request: HttpRequest, network_id: int) -> HttpResponse:
    return _network_post(
        request,
        network_id,
        NetworkAgreementForm(request.POST),
        lambda n, d: actions.network_agreement_add(actor=request.user, network=n, request=request, **d),
        _("Agreement recorded."),
    )


@require_POST
@permission_required("outreach.manage")
def agreement_status(request: HttpRequest, agreement_id: int) -> HttpResponse:
    agreement = get_object_or_404(NetworkAgreement, pk=agreement_id)
    back = request.POST.get("next") or reverse("outreach:network", args=[agreement.network_id])
    if not back.startswith("/"):
        back = reverse("outreach:network", args=[agreement.network_id])
    return post_back(
        request,
        form=StatusForm(request.POST),
        run=lambda d: actions.network_agreement_set_status(
            actor=request.user, agreement=agreement, request=request, **d
        ),
        back=back,
        done_message=_("Status changed."),
    )


@permission_required("outreach.view")
def due_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "outreach/due.html",
        {"agreements": agreements_due(user=request.user), "can_manage": can(request.user, "outreach.manage")},
    )
