"""The partner directory."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods

from retorno.accounts.access import can, permission_required
from retorno.referrals import actions
from retorno.referrals.actions.partners import PARTNER_FIELDS
from retorno.referrals.forms import PartnerForm
from retorno.referrals.models import Service
from retorno.referrals.queries import (
    directory_departments,
    partner_directory,
    partner_get_for,
    partner_referral_counts,
)
from retorno.referrals.views.common import form_errors_to


@permission_required("partner.view")
def partner_list(request: HttpRequest) -> HttpResponse:
    service = request.GET.get("service", "")
    department = request.GET.get("department", "")
    partners = partner_directory(
        user=request.user,
        service=service if service in Service.values else "",
        department_id=int(department) if department.isdigit() else None,
    )
    context = {
        "partners": partners,
        "service": service,
        "department": department,
        "services": Service.choices,
        "departments": directory_departments(),
        "can_manage": can(request.user, "partner.manage"),
    }
    return render(request, "referrals/partners.html", context)


@permission_required("partner.view")
def partner_detail(request: HttpRequest, partner_id: int) -> HttpResponse:
    partner = partner_get_for(user=request.user, partner_id=partner_id)
    context = {
        "partner": partner,
        "counts": partner_referral_counts(partner),
        "shelters": partner.shelters.all(),
        "can_manage": can(request.user, "partner.manage"),
    }
    return render(request, "referrals/partner_detail.html", context)


@require_http_methods(["GET", "POST"])
@permission_required("partner.manage")
def partner_new(request: HttpRequest) -> HttpResponse:
    form = PartnerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            partner = actions.partner_create(
                actor=request.user,
                organisation=data["organisation"],
                name=data["name"],
                kind=data["kind"],
                services=data["services"],
                request=request,
                **{f: data[f] for f in PARTNER_FIELDS},
            )
        except ValidationError as error:
            form_errors_to(form, error)
        else:
            messages.success(request, _("Partner added to the directory."))
            return redirect("referrals:partner_detail", partner_id=partner.pk)
    return render(request, "referrals/partner_form.html", {"form": form, "title": _("Add a partner")})


@require_http_methods(["GET", "POST"])
@permission_required("partner.manage")
def partner_edit(request: HttpRequest, partner_id: int) -> HttpResponse:
    partner = partner_get_for(user=request.user, partner_id=partner_id)
    initial = {f: getattr(partner, f) for f in PARTNER_FIELDS} | {"services": partner.services}
    form = PartnerForm(request.POST or None, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.partner_update(
                actor=request.user,
                partner=partner,
                services=data["services"],
                request=request,
                **{f: data[f] for f in PARTNER_FIELDS},
            )
        except ValidationError as error:
            form_errors_to(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("referrals:partner_detail", partner_id=partner.pk)
    return render(
        request,
        "referrals/partner_form.html",
        {"form": form, "partner": partner, "title": pgettext("organisation", "Edit %(name)s") % {"name": partner}},
    )
