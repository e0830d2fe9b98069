"""An arrival's page: triage, services given and the transport need assessment."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from retorno.accounts.access import can
from retorno.lib.views import run_action
from retorno.reception import actions
from retorno.reception.forms import AssessmentForm, OverrideForm, ServiceForm, TriageForm
from retorno.reception.queries import (
    arrival_details,
    arrival_get_for,
    arrival_is_minor,
    migration_history_consent,
    next_to_triage,
    triage_guardian_name,
)


@login_required
def arrival(request: HttpRequest, arrival_id: int) -> HttpResponse:
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, section="arrival", request=request)
    triage = getattr(arrival, "triage", None)
    details = arrival_details(arrival)
    return render(
        request,
        "reception/arrival.html",
        {
            "arrival": arrival,
            "flight": arrival.flight,
            "minor": arrival_is_minor(arrival),
            "triage": triage,
            "triage_form": TriageForm(instance=triage, prefix="t", guardian_name=triage_guardian_name(arrival)),
            "service_form": ServiceForm(prefix="s"),
            "assessment_form": AssessmentForm(instance=details["assessment"], prefix="a"),
            "override_form": OverrideForm(prefix="o"),
            "services": details["services"],
            "overrides": details["overrides"],
            "transport": details["transport"],
            "transport_text": details["transport_text"],
            "ticket": getattr(arrival, "ticket", None),
            "can_triage": can(request.user, "reception.triage"),
            "can_transport": can(request.user, "reception.transport"),
            "can_approve": can(request.user, "reception.override_approve"),
            "can_history": can(request.user, "reception.history_view"),
            "can_history_sealed": can(request.user, "reception.history_sealed_view"),
            "history_consent": migration_history_consent(arrival),
        },
    )


@require_POST
@login_required
def triage(request: HttpRequest, arrival_id: int) -> HttpResponse:
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.triage")
    stored = getattr(arrival, "triage", None)
    form = TriageForm(request.POST, instance=stored, prefix="t", guardian_name=triage_guardian_name(arrival))
    if not form.is_valid():
        messages.error(request, _("The triage was not saved: check the fields."))
        return redirect("reception:arrival", arrival_id=arrival.pk)
    # Only what the clerk changed is written: a field the form could not show is never erased.
    data = form.changed_fields() if stored else dict(form.cleaned_data)
    other, guardian = data.pop("other_needs", None), data.pop("guardian_name", None)
    saved = run_action(
        request,
        actions.triage_record,
        _("Triage saved."),
        arrival=arrival,
        other_needs=None if other is None else list(other),
        guardian_name=guardian,
        **data,
    )
    following = next_to_triage(arrival) if saved and request.POST.get("next") else None
    if following is not None:
        return redirect(f"{reverse('reception:arrival', args=[following.pk])}#triage-form")
    return redirect("reception:arrival", arrival_id=arrival.pk)


@require_POST
@login_required
def service(request: HttpRequest, arrival_id: int) -> HttpResponse:
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.service")
    form = ServiceForm(request.POST, prefix="s")
    if form.is_valid():
        run_action(request, actions.service_record, _("Service recorded."), arrival=arrival, **form.cleaned_data)
    else:
        messages.error(request, _("The service was not saved: check the fields."))
    return redirect("reception:arrival", arrival_id=arrival.pk)


@require_POST
@login_required
def assessment(request: HttpRequest, arrival_id: int) -> HttpResponse:
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.transport")
    form = AssessmentForm(request.POST, prefix="a")
    if form.is_valid():
        run_action(request, actions.need_assess, _("Transport need saved."), arrival=arrival, **form.cleaned_data)
    else:
        messages.error(request, _("The assessment was not saved: check the fields."))
    return redirect("reception:arrival", arrival_id=arrival.pk)
