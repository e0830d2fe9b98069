"""An arrival's page: triage, services given and the transport need assessment."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from retorno.accounts.access import can
from retorno.audit.actions import audit_event
from retorno.audit.models import AuditEvent
from retorno.lib.views import error_text
from retorno.reception import actions
from retorno.reception.forms import (
    AssessmentForm,
    OverrideForm,
    ServiceForm,
    TriageForm,
)
from retorno.reception.models import NeedAssessment
from retorno.reception.queries import (
    arrival_get_for,
    arrival_is_minor,
    decision_text,
    effective_transport,
    next_to_triage,
    triage_guardian_name,
)

# --- Arrival: triage, services, need assessment ----------------------------------------


@login_required
def arrival(request: HttpRequest, arrival_id: int) -> HttpResponse:
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id)
    triage = getattr(arrival, "triage", None)
    assessment = NeedAssessment.objects.filter(arrival=arrival).first()
    if arrival.person_id:
        audit_event(
            actor=request.user,
            kind=AuditEvent.Kind.VIEW,
            action="reception.arrival.view",
            obj=arrival,
            person_id=arrival.person_id,
            section="arrival",
            request=request,
        )
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
            "assessment_form": AssessmentForm(instance=assessment, prefix="a"),
            "override_form": OverrideForm(prefix="o"),
            "services": arrival.services.select_related("given_by"),
            "overrides": arrival.transport_overrides.all(),
            "transport": effective_transport(arrival.flight).get(arrival.pk),
            "transport_text": decision_text(
                (effective_transport(arrival.flight).get(arrival.pk) or {}).get("decision")
            ),
            "ticket": getattr(arrival, "ticket", None),
            "can_triage": can(request.user, "reception.triage"),
            "can_transport": can(request.user, "reception.transport"),
            "can_approve": can(request.user, "reception.override_approve"),
        },
    )


@require_POST
@login_required
def triage(request: HttpRequest, arrival_id: int) -> HttpResponse:
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.triage")
    stored = getattr(arrival, "triage", None)
    guardian_on_record = triage_guardian_name(arrival)
    form = TriageForm(request.POST, instance=stored, prefix="t", guardian_name=guardian_on_record)
    if form.is_valid():
        # Only what the clerk changed is written: a field the form could not show is never erased.
        data = form.changed_fields() if stored else dict(form.cleaned_data)
        other, guardian = data.pop("other_needs", None), data.pop("guardian_name", None)
        try:
            actions.triage_record(
                actor=request.user,
                arrival=arrival,
                other_needs=None if other is None else list(other),
                guardian_name=guardian,
                request=request,
                **data,
            )
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Triage saved."))
            following = next_to_triage(arrival) if request.POST.get("next") else None
            if following is not None:
                return redirect(f"{reverse('reception:arrival', args=[following.pk])}#triage-form")
    else:
        messages.error(request, _("The triage was not saved: check the fields."))
    return redirect("reception:arrival", arrival_id=arrival.pk)


@require_POST
@login_required
def service(request: HttpRequest, arrival_id: int) -> HttpResponse:
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.service")
    form = ServiceForm(request.POST, prefix="s")
    if form.is_valid():
        try:
            actions.service_record(actor=request.user, arrival=arrival, request=request, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Service recorded."))
    else:
        messages.error(request, _("The service was not saved: check the fields."))
    return redirect("reception:arrival", arrival_id=arrival.pk)


@require_POST
@login_required
def assessment(request: HttpRequest, arrival_id: int) -> HttpResponse:
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.transport")
    form = AssessmentForm(request.POST, prefix="a")
    if form.is_valid():
        try:
            actions.need_assess(actor=request.user, arrival=arrival, request=request, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Transport need saved."))
    else:
        messages.error(request, _("The assessment was not saved: check the fields."))
    return redirect("reception:arrival", arrival_id=arrival.pk)
