"""Check-in pages: the check-in screen, checking a passenger in, no-shows and walk-ins."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from retorno.accounts.access import require
from retorno.lib.views import error_text
from retorno.people.actions import PERSON_FIELDS
from retorno.people.identity import form_record, likely_matches
from retorno.people.queries import person_get_for
from retorno.reception import actions
from retorno.reception.forms import (
    WalkInForm,
)
from retorno.reception.matching import arrival_likely_matches, persons_on_flight
from retorno.reception.models import Arrival
from retorno.reception.queries import (
    arrival_get_for,
    flight_counts,
    flight_get_for,
    flight_overview,
)

# --- Check-in --------------------------------------------------------------------------


@login_required
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
@login_required
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
            return HttpResponse(error_text(error), status=422, content_type="text/plain; charset=utf-8")
        messages.error(request, error_text(error))
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
@login_required
def arrival_no_show(request: HttpRequest, arrival_id: int) -> HttpResponse:
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.checkin")
    try:
        arrival = actions.arrival_mark_no_show(actor=request.user, arrival=arrival, request=request)
    except ValidationError as error:
        if request.headers.get("HX-Request"):
            return HttpResponse(error_text(error), status=422, content_type="text/plain; charset=utf-8")
        messages.error(request, error_text(error))
    if request.headers.get("HX-Request"):
        return _checkin_row(request, arrival)
    return redirect("reception:checkin", flight_id=arrival.flight_id)


@require_http_methods(["GET", "POST"])
@login_required
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
            messages.error(request, error_text(error))
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
            form.add_error(None, error_text(error))
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
