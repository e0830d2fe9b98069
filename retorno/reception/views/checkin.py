"""Check-in pages: the check-in screen, checking a passenger in, no-shows and walk-ins."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from retorno.accounts.access import require
from retorno.lib.views import error_text, form_page, run_action
from retorno.people.actions import PERSON_FIELDS
from retorno.people.identity import form_record, likely_matches
from retorno.people.models import Person
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


def _desk_action(request: HttpRequest, action, **kwargs):
    """Run a check-in desk action. The desk's rows are swapped by HTMX, which shows a refusal beside
    the row when it comes back as a 422 body; a full page reports it as a message instead.

    Returns ``(result, None)``, or ``(None, response)`` when the action refused an HTMX request.
    """
    try:
        return action(actor=request.user, request=request, **kwargs), None
    except ValidationError as error:
        if request.headers.get("HX-Request"):
            return None, HttpResponse(error_text(error), status=422, content_type="text/plain; charset=utf-8")
        messages.error(request, error_text(error))
        return None, None


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
    done, refused = _desk_action(request, actions.arrival_check_in, arrival=arrival, person=person)
    if refused:
        return refused
    if htmx:
        return _checkin_row(request, done or arrival)
    if done:
        messages.success(
            request,
            _("%(name)s checked in (return no. %(number)s).")
            % {"name": done.person.full_name, "number": done.return_number},
        )
    return redirect("reception:checkin", flight_id=arrival.flight_id)


@require_POST
@login_required
def arrival_no_show(request: HttpRequest, arrival_id: int) -> HttpResponse:
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.checkin")
    done, refused = _desk_action(request, actions.arrival_mark_no_show, arrival=arrival)
    if refused:
        return refused
    if request.headers.get("HX-Request"):
        return _checkin_row(request, done or arrival)
    return redirect("reception:checkin", flight_id=arrival.flight_id)


@require_http_methods(["GET", "POST"])
@login_required
def walk_in(request: HttpRequest, flight_id: int) -> HttpResponse:
    """Register someone who arrived without being on the manifest."""
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.checkin")
    require(request.user, "person.create")
    form = WalkInForm(request.POST or None)
    context = {
        "flight": flight,
        "likely_matches": [],
        "link_name": "link_person",
        "link_label": _("Same person: check in this record"),
    }
    if request.method == "POST" and request.POST.get("link_person"):
        # The clerk recognised the person among the likely matches: check in the existing record.
        person = person_get_for(user=request.user, person_id=request.POST["link_person"])
        message = _("%(name)s checked in (not on the manifest).") % {"name": person.full_name}
        arrival = run_action(request, actions.walk_in_register, message, flight=flight, person=person)
        if arrival:
            return redirect("reception:arrival", arrival_id=arrival.pk)
        return render(request, "reception/walk_in.html", {**context, "form": form})
    if request.method == "POST" and form.is_valid() and not request.POST.get("confirm_new"):
        taken = persons_on_flight(flight.pk)  # never offered: two namesakes on one flight are two people
        context["likely_matches"] = [
            m for m in likely_matches(form_record(form.cleaned_data)) if m["person"].pk not in taken
        ]
        if context["likely_matches"]:
            return render(request, "reception/walk_in.html", {**context, "form": form})
    fields = {f: form.cleaned_data[f] for f in PERSON_FIELDS} if form.is_bound and form.is_valid() else {}
    return form_page(
        request,
        form=form,
        title=_("Register someone not on the manifest"),
        run=lambda data: actions.walk_in_register(actor=request.user, flight=flight, request=request, **fields),
        done=lambda arrival: reverse("reception:arrival", args=[arrival.pk]),
        cancel_url=reverse("reception:checkin", args=[flight.pk]),
        done_message=_("%(name)s checked in (not on the manifest).") % {"name": Person(**fields).full_name},
        template="reception/walk_in.html",
        context=context,
    )
