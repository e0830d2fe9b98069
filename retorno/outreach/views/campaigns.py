"""Campaigns and prevention: activities, reach, materials, and the view by department."""

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from retorno.accounts.access import can, permission_required
from retorno.outreach import actions
from retorno.outreach.forms import ActivityForm, CampaignForm, MaterialForm
from retorno.outreach.models import CampaignMaterial
from retorno.outreach.queries import campaigns_by_department, campaigns_visible_to
from retorno.outreach.views.common import form_page, post_back


@permission_required("outreach.view")
def campaign_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "outreach/campaigns.html",
        {
            "campaigns": campaigns_visible_to(request.user).prefetch_related("municipalities__department"),
            "by_department": campaigns_by_department(request.user),
            "can_manage": can(request.user, "outreach.manage"),
        },
    )


@require_http_methods(["GET", "POST"])
@permission_required("outreach.manage")
def campaign_new(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        form=CampaignForm(request.POST or None),
        title=_("Start a campaign"),
        run=lambda d: actions.campaign_create(actor=request.user, request=request, **d),
        done=lambda c: reverse("outreach:campaign", args=[c.pk]),
        cancel_url=reverse("outreach:campaigns"),
    )


@permission_required("outreach.view")
def campaign_detail(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign = get_object_or_404(campaigns_visible_to(request.user), pk=campaign_id)
    return render(
        request,
        "outreach/campaign_detail.html",
        {
            "campaign": campaign,
            "activities": campaign.activities.select_related("municipality"),
            "materials": campaign.materials.all(),
            "activity_form": ActivityForm(),
            "material_form": MaterialForm(),
            "can_manage": can(request.user, "outreach.manage"),
        },
    )


@require_POST
@permission_required("outreach.manage")
def activity_add(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign = get_object_or_404(campaigns_visible_to(request.user), pk=campaign_id)
    return post_back(
        request,
        form=ActivityForm(request.POST),
        run=lambda d: actions.campaign_activity_record(actor=request.user, campaign=campaign, request=request, **d),
        back=reverse("outreach:campaign", args=[campaign.pk]),
        done_message=_("Activity recorded."),
    )


@require_POST
@permission_required("outreach.manage")
def material_add(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign = get_object_or_404(campaigns_visible_to(request.user), pk=campaign_id)
    return post_back(
        request,
        form=MaterialForm(request.POST, request.FILES),
        run=lambda d: actions.campaign_material_add(actor=request.user, campaign=campaign, request=request, **d),
        back=reverse("outreach:campaign", args=[campaign.pk]),
        done_message=_("Material added."),
    )


@permission_required("outreach.view")
def material_download(request: HttpRequest, material_id: int) -> FileResponse:
    material = get_object_or_404(CampaignMaterial, pk=material_id)
    return FileResponse(material.file.open("rb"), as_attachment=True, filename=material.file.name.rsplit("/", 1)[-1])
