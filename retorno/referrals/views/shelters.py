"""Shelters: occupancy, expected arrivals, check-in and check-out."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django.views.decorators.http import require_http_methods, require_POST

from retorno.accounts.access import can, permission_required
from retorno.referrals import actions
from retorno.referrals.forms import CheckInForm, CheckOutForm, ShelterForm
from retorno.referrals.hooks import Handover
from retorno.referrals.models import BedType
from retorno.referrals.queries import (
    current_stays,
    expected_arrivals,
    occupancy_by_day,
    occupancy_today,
    referrals_visible_to,
    shelter_get_for,
    shelters_visible_to,
    stay_get_for,
    stay_handover,
    stay_warnings,
    suggested_bed_type,
)
from retorno.referrals.views.common import form_errors_to
from retorno.referrals.views.referrals import _shared_name

NO_ASSESSMENT = gettext_lazy(
    "The handover to the family was recorded before family assessments were required: no family assessment "
    "recorded. The protection officer should record one for the minor's follow-up."
)


@permission_required("shelter.view")
def shelter_list(request: HttpRequest) -> HttpResponse:
    shelters = [
        {"shelter": s, "occupancy": occupancy_today(s), "expected": expected_arrivals(s, user=request.user).count()}
        for s in shelters_visible_to(request.user)
    ]
    for row in shelters:
        row["present"] = sum(o["present"] for o in row["occupancy"])
    context = {
        "shelters": shelters,
        "warnings": [(s, _shared_name(s.referral)) for s in stay_warnings(user=request.user)],
        "can_manage": can(request.user, "shelter.manage"),
    }
    return render(request, "referrals/shelters.html", context)


@permission_required("shelter.view")
def shelter_detail(request: HttpRequest, shelter_id: int) -> HttpResponse:
    shelter = shelter_get_for(user=request.user, shelter_id=shelter_id)
    now = timezone.now()
    days = occupancy_by_day(shelter, days=14)
    context = {
        "shelter": shelter,
        "occupancy": occupancy_today(shelter),
        "stays": [
            {
                "stay": s,
                "name": _shared_name(s.referral),
                "warning": s.warning_level(now),
                "handover": stay_handover(s),
            }
            for s in current_stays(shelter, user=request.user)
        ],
        "expected": [
            {
                "referral": r,
                "name": _shared_name(r),
                "form": CheckInForm(initial={"bed_type": suggested_bed_type(r.person)}, prefix=f"r{r.pk}"),
            }
            for r in expected_arrivals(shelter, user=request.user)
        ],
        "days": days,
        "bed_types": BedType.choices,
        "checkout_form": CheckOutForm(),
        "can_manage": can(request.user, "shelter.manage"),
        "can_stay": can(request.user, "stay.manage"),
    }
    return render(request, "referrals/shelter_detail.html", context)


@require_http_methods(["GET", "POST"])
@permission_required("shelter.manage")
def shelter_new(request: HttpRequest) -> HttpResponse:
    form = ShelterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            shelter = actions.shelter_create(actor=request.user, request=request, **form.cleaned_data)
        except ValidationError as error:
            form_errors_to(form, error)
        else:
            messages.success(request, _("Shelter added."))
            return redirect("referrals:shelter_detail", shelter_id=shelter.pk)
    return render(request, "referrals/shelter_form.html", {"form": form, "title": _("Add a shelter")})


@require_http_methods(["GET", "POST"])
@permission_required("shelter.manage")
def shelter_edit(request: HttpRequest, shelter_id: int) -> HttpResponse:
    shelter = shelter_get_for(user=request.user, shelter_id=shelter_id)
    form = ShelterForm(request.POST or None, instance=type(shelter).objects.get(pk=shelter.pk), editing=True)
    if request.method == "POST" and form.is_valid():
        try:
            actions.shelter_update(actor=request.user, shelter=shelter, request=request, **form.cleaned_data)
        except ValidationError as error:
            form_errors_to(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("referrals:shelter_detail", shelter_id=shelter.pk)
    return render(
        request,
        "referrals/shelter_form.html",
        {"form": form, "shelter": shelter, "title": pgettext("organisation", "Edit %(name)s") % {"name": shelter}},
    )


@require_POST
@permission_required("stay.manage")
def check_in(request: HttpRequest, shelter_id: int, referral_id: int) -> HttpResponse:
    shelter = shelter_get_for(user=request.user, shelter_id=shelter_id)
    referral = get_object_or_404(referrals_visible_to(request.user), pk=referral_id, shelter=shelter)
    form = CheckInForm(request.POST, prefix=f"r{referral.pk}")
    if form.is_valid():
        try:
            actions.stay_check_in(
                actor=request.user, referral=referral, bed_type=form.cleaned_data["bed_type"], request=request
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, pgettext("shelter", "Checked in."))
    else:
        messages.error(request, _("Choose a bed type."))
    return redirect("referrals:shelter_detail", shelter_id=shelter.pk)


@require_POST
@permission_required("stay.manage")
def check_out(request: HttpRequest, stay_id: int) -> HttpResponse:
    stay = stay_get_for(user=request.user, stay_id=stay_id)
    form = CheckOutForm(request.POST)
    if form.is_valid():
        try:
            actions.stay_check_out(actor=request.user, stay=stay, note=form.cleaned_data["note"], request=request)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, pgettext("shelter", "Checked out."))
            if stay_handover(stay) == Handover.WITHOUT_ASSESSMENT:
                messages.warning(request, NO_ASSESSMENT)
    return redirect("referrals:shelter_detail", shelter_id=stay.shelter_id)
