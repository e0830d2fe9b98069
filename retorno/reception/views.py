"""Reception pages: flights, manifest import, check-in, triage, services, transport, closing."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from retorno.accounts.access import can, require
from retorno.audit.actions import audit_event
from retorno.audit.models import AuditEvent
from retorno.people.actions import PERSON_FIELDS
from retorno.people.identity import form_record, likely_matches
from retorno.people.queries import person_get_for
from retorno.reception import actions, exports
from retorno.reception.forms import (
    FIELD_LABELS,
    AssessmentForm,
    BudgetForm,
    FlightForm,
    ManifestUploadForm,
    MappingForm,
    OverrideForm,
    ServiceForm,
    StatusForm,
    TriageForm,
    WalkInForm,
)
from retorno.reception.matching import arrival_likely_matches, persons_on_flight
from retorno.reception.models import Arrival, Flight, ManifestImport, NeedAssessment, TransportOverride
from retorno.reception.queries import (
    arrival_get_for,
    arrival_is_minor,
    decision_text,
    effective_transport,
    flight_close_blockers,
    flight_close_preview,
    flight_counts,
    flight_get_for,
    flight_minors,
    flight_no_shows,
    flight_overview,
    flight_untriaged,
    flights_listed,
    flights_visible_to,
    manifest_import_get_for,
    next_to_triage,
    services_total,
    transport_summary,
    triage_guardian_name,
)


def _errors(error: ValidationError) -> str:
    return " ".join(error.messages)


def _signed_in(view):
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


# --- Flights ---------------------------------------------------------------------------


def _iso_date(text: str):
    try:
        return parse_date(text or "")
    except ValueError:
        return None


@_signed_in
def flights(request: HttpRequest) -> HttpResponse:
    """Today's and recent flights with their figures (protection officers: links to minors)."""
    if not (can(request.user, "reception.flight_view") or can(request.user, "reception.minors_view")):
        raise PermissionDenied
    status, code = request.GET.get("status", ""), request.GET.get("code", "")[:40]
    on = _iso_date(request.GET.get("date", ""))
    rows = flights_listed(request.user, status=status, code=code, on=on).annotate(
        present=Count("arrivals", filter=Q(arrivals__status__in=Arrival.PRESENT)),
    )
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "reception/flights.html",
        {
            "flights": page.object_list,
            "page": page,
            "statuses": Flight.Status.choices,
            "filters": {"status": status, "code": code, "date": on.isoformat() if on else ""},
            "can_view": can(request.user, "reception.flight_view"),
            "can_manage": can(request.user, "reception.flight_manage"),
            "can_minors": can(request.user, "reception.minors_view"),
        },
    )


@require_http_methods(["GET", "POST"])
@_signed_in
def flight_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "reception.flight_manage")
    form = FlightForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            flight = actions.flight_create(actor=request.user, request=request, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, _errors(error))
        else:
            messages.success(request, _("Flight announced."))
            return redirect("reception:flight", flight_id=flight.pk)
    return render(request, "reception/flight_form.html", {"form": form})


def _flight_context(request: HttpRequest, flight: Flight) -> dict:
    overview = flight_overview(flight)
    arrivals = [entry["arrival"] for entry in overview]  # read once for the list and the blockers
    return {
        "flight": flight,
        "counts": flight_counts(flight),
        "overview": overview,
        "transport": transport_summary(flight),
        "services": services_total(flight),
        "blockers": flight_close_blockers(flight, arrivals=arrivals)
        if flight.status == Flight.Status.RECEPTION_OPEN
        else [],
        "next_statuses": [Flight.Status(s) for s in sorted(Flight.TRANSITIONS[flight.status])],
        "imports": flight.manifest_imports.all()[:5],
        "can_manage": can(request.user, "reception.flight_manage"),
        "can_checkin": can(request.user, "reception.checkin"),
        "status_form": StatusForm(),
    }


@_signed_in
def flight(request: HttpRequest, flight_id: int) -> HttpResponse:
    """The flight page: live figures, the list with returnees again, protection flags, minors alone."""
    flight = flight_get_for(user=request.user, flight_id=flight_id)
    return render(request, "reception/flight.html", _flight_context(request, flight))


@_signed_in
def flight_counts_partial(request: HttpRequest, flight_id: int) -> HttpResponse:
    """The figures only, polled by the flight page."""
    flight = flight_get_for(user=request.user, flight_id=flight_id)
    return render(request, "reception/_counts.html", {"flight": flight, "counts": flight_counts(flight)})


@require_POST
@_signed_in
def flight_status(request: HttpRequest, flight_id: int) -> HttpResponse:
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.flight_manage")
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a valid status."))
        return redirect("reception:flight", flight_id=flight.pk)
    if form.cleaned_data["status"] == Flight.Status.CLOSED and not request.POST.get("confirm"):
        return redirect("reception:flight_close", flight_id=flight.pk)  # show what closing will do first
    try:
        actions.flight_set_status(
            actor=request.user,
            flight=flight,
            status=form.cleaned_data["status"],
            note=form.cleaned_data["note"],
            arrived_count=form.cleaned_data["arrived_count"],
            confirm=bool(request.POST.get("confirm")),
            request=request,
        )
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, _("Flight status changed."))
    return redirect("reception:flight", flight_id=flight.pk)


@_signed_in
def flight_close(request: HttpRequest, flight_id: int) -> HttpResponse:
    """Before closing: who will be marked as not arrived, who is checked in but not triaged."""
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.flight_manage")
    if flight.status != Flight.Status.RECEPTION_OPEN:
        return redirect("reception:flight", flight_id=flight.pk)
    return render(request, "reception/flight_close.html", {"flight": flight, "preview": flight_close_preview(flight)})


# --- Manifest import -------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@_signed_in
def manifest_upload(request: HttpRequest, flight_id: int) -> HttpResponse:
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.flight_manage")
    form = ManifestUploadForm(request.POST or None, request.FILES or None, initial={"source": flight.carrier})
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            staged, _result = actions.manifest_stage(
                actor=request.user,
                flight=flight,
                data=upload.read(),
                filename=upload.name,
                source=form.cleaned_data["source"],
                request=request,
            )
        except ValidationError as error:
            form.add_error(None, _errors(error))
        else:
            return redirect("reception:import", import_id=staged.pk)
    return render(request, "reception/manifest_upload.html", {"flight": flight, "form": form})


def _problem_view(problems: list) -> list[dict]:
    return [
        {
            "field": p.field,
            "field_label": FIELD_LABELS.get(p.field, "") if p.field else "",
            "code": str(p.code),
            "error": p.is_error,
            "message": p.message,
        }
        for p in problems
    ]


@require_http_methods(["GET", "POST"])
@_signed_in
def manifest_preview(request: HttpRequest, import_id: int) -> HttpResponse:
    """Every row with its problems by field; the column-mapping step posts back here."""
    staged = manifest_import_get_for(user=request.user, import_id=import_id)
    if staged.status != ManifestImport.Status.STAGED:
        return redirect("reception:flight", flight_id=staged.flight_id)
    result = actions.manifest_reread(staged)
    headers = list(result.mapping.columns) + list(result.unmapped_columns)
    initial = {f"col_{i}": str(result.mapping.columns.get(h, "")) for i, h in enumerate(headers)}
    initial["date_order"] = (staged.mapping or {}).get("date_order") or ""
    form = MappingForm(request.POST or None, headers=headers, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.manifest_set_mapping(
                actor=request.user, manifest_import=staged, mapping=form.mapping(), request=request
            )
        except ValidationError as error:
            messages.error(request, _errors(error))
        return redirect("reception:import", import_id=staged.pk)
    rows = [{"row": row, "problems": _problem_view(row.problems)} for row in result.rows]
    return render(
        request,
        "reception/manifest_preview.html",
        {
            "staged": staged,
            "flight": staged.flight,
            "result": result,
            "rows": rows,
            "file_problems": _problem_view(result.problems),
            "form": form,
        },
    )


@require_POST
@_signed_in
def manifest_commit(request: HttpRequest, import_id: int) -> HttpResponse:
    staged = manifest_import_get_for(user=request.user, import_id=import_id)
    try:
        done = actions.manifest_commit(actor=request.user, manifest_import=staged, request=request)
    except ValidationError as error:
        messages.error(request, _errors(error))
        return redirect("reception:import", import_id=staged.pk)
    messages.success(
        request,
        _("Manifest imported: %(created)s new, %(updated)s updated, %(skipped)s skipped, %(withdrawn)s withdrawn.")
        % {
            "created": done.created_rows,
            "updated": done.updated_rows,
            "skipped": done.skipped_rows,
            "withdrawn": done.withdrawn_rows,
        },
    )
    return redirect("reception:flight", flight_id=staged.flight_id)


@require_POST
@_signed_in
def manifest_discard(request: HttpRequest, import_id: int) -> HttpResponse:
    staged = manifest_import_get_for(user=request.user, import_id=import_id)
    try:
        actions.manifest_discard(actor=request.user, manifest_import=staged, request=request)
    except ValidationError as error:
        messages.error(request, _errors(error))
    return redirect("reception:flight", flight_id=staged.flight_id)


# --- Check-in --------------------------------------------------------------------------


@_signed_in
def checkin(request: HttpRequest, flight_id: int) -> HttpResponse:
    """The check-in screen: the whole manifest, filtered in the browser (no names in URLs)."""
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.checkin")
    return render(
        request,
        "reception/checkin.html",
        {"flight": flight, "overview": flight_overview(flight), "counts": flight_counts(flight)},
    )


def _checkin_row(request: HttpRequest, arrival: Arrival) -> HttpResponse:
    (entry,) = flight_overview(arrival.flight, arrival_ids=[arrival.pk])
    return render(request, "reception/_checkin_row.html", {"entry": entry, "flight": arrival.flight})


def _decision_context(arrival: Arrival, matches: list[dict]) -> dict:
    return {
        "arrival": arrival,
        "row": arrival.manifest_row,
        "flight": arrival.flight,
        "likely_matches": matches,
        "link_name": "person",
        "link_label": _("Same person: check in this record"),
        # Enter confirms the safe choice unless the evidence for one person is strong.
        "new_is_default": not any(m.get("default") for m in matches),
    }


@require_POST
@_signed_in
def arrival_check_in(request: HttpRequest, arrival_id: int) -> HttpResponse:
    """Check a passenger in. A manifest passenger with likely matches in the registry first gets a
    decision: the same person as one of them (``person``) or a new person (``confirm_new``).

    The engine is asked only here, when the clerk presses "Check in" (not while they arrow through
    the list): with 135 people waiting, most rows check in with one key and only the few with a
    likely match stop for a decision, in a small panel above the list, the most likely person
    focused so that Enter links them, Esc goes back to the list.
    """
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.checkin")
    htmx = bool(request.headers.get("HX-Request"))
    person = None
    if request.POST.get("person"):
        person = person_get_for(user=request.user, person_id=request.POST["person"])
    elif not request.POST.get("confirm_new") and arrival.status in (Arrival.Status.EXPECTED, Arrival.Status.NO_SHOW):
        matches = arrival_likely_matches(arrival)
        if matches:
            context = _decision_context(arrival, matches)
            if htmx:
                response = render(request, "reception/_checkin_decision.html", {**context, "in_panel": True})
                response["HX-Retarget"] = "#decision"
                response["HX-Reswap"] = "innerHTML"
                return response
            return render(request, "reception/checkin_decide.html", context)
    try:
        arrival = actions.arrival_check_in(actor=request.user, arrival=arrival, person=person, request=request)
    except ValidationError as error:
        if htmx:
            return HttpResponse(_errors(error), status=422, content_type="text/plain; charset=utf-8")
        messages.error(request, _errors(error))
    else:
        if not htmx:
            messages.success(
                request,
                _("%(name)s checked in (return no. %(number)s).")
                % {"name": arrival.person.full_name, "number": arrival.return_number},
            )
    if htmx:
        return _checkin_row(request, arrival)
    return redirect("reception:checkin", flight_id=arrival.flight_id)


@require_POST
@_signed_in
def arrival_no_show(request: HttpRequest, arrival_id: int) -> HttpResponse:
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.checkin")
    try:
        arrival = actions.arrival_mark_no_show(actor=request.user, arrival=arrival, request=request)
    except ValidationError as error:
        if request.headers.get("HX-Request"):
            return HttpResponse(_errors(error), status=422, content_type="text/plain; charset=utf-8")
        messages.error(request, _errors(error))
    if request.headers.get("HX-Request"):
        return _checkin_row(request, arrival)
    return redirect("reception:checkin", flight_id=arrival.flight_id)


@require_http_methods(["GET", "POST"])
@_signed_in
def walk_in(request: HttpRequest, flight_id: int) -> HttpResponse:
    """Register someone who arrived without being on the manifest."""
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.checkin")
    require(request.user, "person.create")
    form = WalkInForm(request.POST or None)
    matches: list[dict] = []
    if request.method == "POST" and request.POST.get("link_person"):
        # The clerk recognised the person among the likely matches: check in the existing record.
        person = person_get_for(user=request.user, person_id=request.POST["link_person"])
        try:
            arrival = actions.walk_in_register(actor=request.user, flight=flight, person=person, request=request)
        except ValidationError as error:
            messages.error(request, _errors(error))
        else:
            messages.success(request, _("%(name)s checked in (not on the manifest).") % {"name": person.full_name})
            return redirect("reception:arrival", arrival_id=arrival.pk)
    elif request.method == "POST" and form.is_valid() and not request.POST.get("confirm_new"):
        taken = persons_on_flight(flight.pk)  # never offered: two namesakes on one flight are two people
        matches = [m for m in likely_matches(form_record(form.cleaned_data)) if m["person"].pk not in taken]
    if request.method == "POST" and form.is_valid() and not matches and not request.POST.get("link_person"):
        try:
            arrival = actions.walk_in_register(
                actor=request.user, flight=flight, request=request, **{f: form.cleaned_data[f] for f in PERSON_FIELDS}
            )
        except ValidationError as error:
            form.add_error(None, _errors(error))
        else:
            messages.success(
                request, _("%(name)s checked in (not on the manifest).") % {"name": arrival.person.full_name}
            )
            return redirect("reception:arrival", arrival_id=arrival.pk)
    return render(
        request,
        "reception/walk_in.html",
        {
            "flight": flight,
            "form": form,
            "likely_matches": matches,
            "link_name": "link_person",
            "link_label": _("Same person: check in this record"),
        },
    )


# --- Arrival: triage, services, need assessment ----------------------------------------


@_signed_in
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
@_signed_in
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
            messages.error(request, _errors(error))
        else:
            messages.success(request, _("Triage saved."))
            following = next_to_triage(arrival) if request.POST.get("next") else None
            if following is not None:
                return redirect(f"{reverse('reception:arrival', args=[following.pk])}#triage-form")
    else:
        messages.error(request, _("The triage was not saved: check the fields."))
    return redirect("reception:arrival", arrival_id=arrival.pk)


@require_POST
@_signed_in
def service(request: HttpRequest, arrival_id: int) -> HttpResponse:
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.service")
    form = ServiceForm(request.POST, prefix="s")
    if form.is_valid():
        try:
            actions.service_record(actor=request.user, arrival=arrival, request=request, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, _errors(error))
        else:
            messages.success(request, _("Service recorded."))
    else:
        messages.error(request, _("The service was not saved: check the fields."))
    return redirect("reception:arrival", arrival_id=arrival.pk)


@require_POST
@_signed_in
def assessment(request: HttpRequest, arrival_id: int) -> HttpResponse:
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.transport")
    form = AssessmentForm(request.POST, prefix="a")
    if form.is_valid():
        try:
            actions.need_assess(actor=request.user, arrival=arrival, request=request, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, _errors(error))
        else:
            messages.success(request, _("Transport need saved."))
    else:
        messages.error(request, _("The assessment was not saved: check the fields."))
    return redirect("reception:arrival", arrival_id=arrival.pk)


# --- Transport -------------------------------------------------------------------------


@_signed_in
def transport(request: HttpRequest, flight_id: int) -> HttpResponse:
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.transport")
    effective = effective_transport(flight)
    arrivals = {
        a.pk: a for a in Arrival.objects.filter(flight=flight).select_related("person", "manifest_row", "ticket")
    }
    summary = transport_summary(flight)
    decisions = []
    if summary["run"] is not None:
        for d in sorted(
            summary["run"].decisions, key=lambda d: (d["priority"] is None, d["priority"] or 0, d["arrival"])
        ):
            state = effective.get(d["arrival"], {})
            decisions.append(
                {
                    "arrival": arrivals.get(d["arrival"]),
                    "decision": d,
                    "message": decision_text(d),
                    "allocated": state.get("allocated", d["allocated"]),
                    "by_override": state.get("by_override", False),
                }
            )
    pending = TransportOverride.objects.filter(
        arrival__flight=flight, status=TransportOverride.Status.PENDING
    ).select_related("arrival__person", "requested_by")
    return render(
        request,
        "reception/transport.html",
        {
            "flight": flight,
            "summary": summary,
            "decisions": decisions,
            "to_issue": sum(
                1 for d in decisions if d["allocated"] and d["arrival"] and not hasattr(d["arrival"], "ticket")
            ),
            "pending": pending,
            "budget_form": BudgetForm(initial={"amount": summary["budget"], "currency": summary["currency"]}),
            "can_budget": can(request.user, "reception.budget_set"),
            "can_approve": can(request.user, "reception.override_approve"),
        },
    )


@require_POST
@_signed_in
def allocate(request: HttpRequest, flight_id: int) -> HttpResponse:
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.transport")
    try:
        run = actions.allocation_run(actor=request.user, flight=flight, request=request)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(
            request,
            _("Transport allocated: %(n)s people get a ticket.")
            % {"n": sum(1 for d in run.decisions if d["allocated"])},
        )
    return redirect("reception:transport", flight_id=flight.pk)


@require_POST
@_signed_in
def budget(request: HttpRequest, flight_id: int) -> HttpResponse:
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.budget_set")
    form = BudgetForm(request.POST)
    if form.is_valid():
        try:
            actions.budget_set(actor=request.user, flight=flight, request=request, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, _errors(error))
        else:
            messages.success(request, _("Budget changed."))
    return redirect("reception:transport", flight_id=flight.pk)


@require_POST
@_signed_in
def override(request: HttpRequest, arrival_id: int) -> HttpResponse:
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.transport")
    form = OverrideForm(request.POST, prefix="o")
    if form.is_valid():
        try:
            done = actions.override_request(actor=request.user, arrival=arrival, request=request, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, _errors(error))
        else:
            messages.success(
                request,
                _("Override approved.")
                if done.status == TransportOverride.Status.APPROVED
                else _("Override sent to a manager for approval."),
            )
    else:
        messages.error(request, _("Give the override and its reason."))
    return redirect("reception:arrival", arrival_id=arrival.pk)


@require_POST
@_signed_in
def override_decide(request: HttpRequest, override_id: int) -> HttpResponse:
    require(request.user, "reception.override_approve")
    found = get_object_or_404(
        TransportOverride.objects.select_related("arrival"),
        pk=override_id,
        arrival__flight__in=flights_visible_to(request.user),
    )
    try:
        actions.override_decide(
            actor=request.user, override=found, approve=request.POST.get("approve") == "1", request=request
        )
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, _("Override decided."))
    return redirect("reception:transport", flight_id=found.arrival.flight_id)


@require_POST
@_signed_in
def ticket(request: HttpRequest, arrival_id: int) -> HttpResponse:
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.transport")
    try:
        actions.ticket_issue(actor=request.user, arrival=arrival, request=request)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, _("Ticket issued."))
    if request.POST.get("back") == "transport":
        return redirect("reception:transport", flight_id=arrival.flight_id)
    return redirect("reception:arrival", arrival_id=arrival.pk)


@require_POST
@_signed_in
def tickets_bulk(request: HttpRequest, flight_id: int) -> HttpResponse:
    """Issue every allocated ticket of the flight at once."""
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.transport")
    try:
        done = actions.tickets_issue_allocated(actor=request.user, flight=flight, request=request)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, _("%(n)s tickets issued.") % {"n": len(done)})
    return redirect("reception:transport", flight_id=flight.pk)


# --- Minors (protection) ---------------------------------------------------------------


@_signed_in
def minors(request: HttpRequest, flight_id: int) -> HttpResponse:
    """The flight's minors and their handover to protection (protection officers, managers)."""
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.minors_view")
    audit_event(
        actor=request.user,
        kind=AuditEvent.Kind.VIEW,
        action="reception.minors.view",
        obj=flight,
        section="minors",
        request=request,
    )
    return render(
        request,
        "reception/minors.html",
        {
            "flight": flight,
            "minors": flight_minors(flight),
            "can_acknowledge": can(request.user, "reception.protection_acknowledge"),
        },
    )


@require_POST
@_signed_in
def acknowledge(request: HttpRequest, arrival_id: int) -> HttpResponse:
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.protection_acknowledge")
    try:
        actions.protection_acknowledge(actor=request.user, arrival=arrival, request=request)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, _("Received by protection."))
    return redirect("reception:minors", flight_id=arrival.flight_id)


# --- Summary and exports ---------------------------------------------------------------


@_signed_in
def summary(request: HttpRequest, flight_id: int) -> HttpResponse:
    """The printable per-flight summary (print CSS)."""
    flight = flight_get_for(user=request.user, flight_id=flight_id)
    return render(
        request,
        "reception/summary.html",
        {
            "flight": flight,
            "counts": flight_counts(flight),
            "transport": transport_summary(flight),
            "services": services_total(flight),
            "header": exports.summary_header(),
            "rows": exports.summary_rows(flight),
            "no_shows": flight_no_shows(flight),
            "untriaged": flight_untriaged(flight),
        },
    )


def _export(request: HttpRequest, flight: Flight, fmt: str) -> None:
    audit_event(
        actor=request.user,
        kind=AuditEvent.Kind.EXPORT,
        action=f"reception.summary.{fmt}",
        obj=flight,
        request=request,
        detail={"format": fmt},
    )


@_signed_in
def summary_pdf(request: HttpRequest, flight_id: int) -> HttpResponse:
    flight = flight_get_for(user=request.user, flight_id=flight_id)
    _export(request, flight, "pdf")
    response = HttpResponse(exports.summary_pdf(flight), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="vuelo-{flight.pk}.pdf"'
    return response


@_signed_in
def summary_csv(request: HttpRequest, flight_id: int) -> HttpResponse:
    flight = flight_get_for(user=request.user, flight_id=flight_id)
    _export(request, flight, "csv")
    response = HttpResponse(exports.summary_csv(flight), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="vuelo-{flight.pk}.csv"'
    return response
