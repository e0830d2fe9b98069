"""Arrivals: the flight's list, check-in, likely matches, no-shows, walk-ins, triage, services, assessment."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Status

from retorno.accounts.access import require
from retorno.geo.queries import municipality_by_code
from retorno.people.queries import person_get_for
from retorno.reception import actions
from retorno.reception.api.router import router
from retorno.reception.api.schemas import (
    ArrivalOut,
    AssessmentIn,
    CheckInIn,
    DeskCandidateOut,
    ServiceIn,
    ServiceOut,
    TriageIn,
    TriageOut,
    WalkInIn,
)
from retorno.reception.matching import arrival_likely_matches as likely
from retorno.reception.models import Arrival, TriageNeed
from retorno.reception.queries import (
    arrival_get_for,
    flight_get_for,
    flight_overview,
)


def _arrival_out(entry: dict) -> dict:
    a = entry["arrival"]
    return {
        "id": a.pk,
        "status": a.status,
        "person_id": a.person_id,
        "name": a.display_name,
        "row_number": a.manifest_row.row_number if a.manifest_row_id else None,
        "passenger_number": a.manifest_row.passenger_number if a.manifest_row_id else None,
        "return_number": a.return_number,
        "prior_arrivals": entry.get("prior_arrivals", 0),
        "protection_flag": entry.get("protection_flag", False),
        "minor": entry.get("minor", False),
        "unaccompanied_minor": entry.get("alone", False),
    }


@router.get("/flights/{flight_id}/arrivals", response=list[ArrivalOut])
def arrival_list(request: HttpRequest, flight_id: int):
    """The flight's list with who returns again, protection flags (flag only) and minors alone."""
    flight = flight_get_for(user=request.user, flight_id=flight_id)
    return [_arrival_out(e) for e in flight_overview(flight)]


def _one(arrival: Arrival) -> dict:
    return _arrival_out({"arrival": arrival})


@router.post("/arrivals/{arrival_id}/checkin", response=ArrivalOut)
def arrival_check_in(request: HttpRequest, arrival_id: int, payload: CheckInIn):
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.checkin")
    person = None
    if payload.person_id:
        person = person_get_for(user=request.user, person_id=payload.person_id)
    return _one(actions.arrival_check_in(actor=request.user, arrival=arrival, person=person, request=request))


@router.get("/arrivals/{arrival_id}/likely-matches", response=list[DeskCandidateOut])
def arrival_likely_matches(request: HttpRequest, arrival_id: int):
    """Registry persons an unlinked manifest passenger may be, most likely first, with the reasons in
    words; empty when no decision is needed. A person already on this flight is never offered. Decide with ``POST /arrivals/{id}/checkin``:
    ``{"person_id": ...}`` for the same person, ``{}`` to register the passenger as new."""
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.checkin")
    return likely(arrival)


@router.post("/arrivals/{arrival_id}/no-show", response=ArrivalOut)
def arrival_no_show(request: HttpRequest, arrival_id: int):
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.checkin")
    return _one(actions.arrival_mark_no_show(actor=request.user, arrival=arrival, request=request))


@router.post("/flights/{flight_id}/walk-ins", response={201: ArrivalOut})
def walk_in(request: HttpRequest, flight_id: int, payload: WalkInIn):
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.checkin")
    data = payload.dict()
    person_id = data.pop("person_id")
    if person_id:
        arrival = actions.walk_in_register(
            actor=request.user,
            flight=flight,
            person=person_get_for(user=request.user, person_id=person_id),
            request=request,
        )
    else:
        require(request.user, "person.create")
        arrival = actions.walk_in_register(actor=request.user, flight=flight, request=request, **data)
    return Status(201, _one(arrival))


@router.put(
    "/arrivals/{arrival_id}/triage",
    response=TriageOut,
    description="Record or correct the triage. Fields left out keep their stored value (other needs included).",
)
def triage(request: HttpRequest, arrival_id: int, payload: TriageIn):
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.triage")
    data = payload.dict(exclude_unset=True)  # a field left out keeps its stored value
    codes = data.pop("other_needs", None)
    needs = None
    if codes is not None:
        needs = list(TriageNeed.objects.filter(code__in=codes))
        unknown = sorted(set(codes) - {n.code for n in needs})
        if unknown:
            raise ValidationError({"other_needs": _("Unknown need: %(codes)s") % {"codes": ", ".join(unknown)}})
    guardian = data.pop("guardian_name", None)
    return actions.triage_record(
        actor=request.user, arrival=arrival, other_needs=needs, guardian_name=guardian, request=request, **data
    )


@router.post("/arrivals/{arrival_id}/services", response={201: ServiceOut})
def service(request: HttpRequest, arrival_id: int, payload: ServiceIn):
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.service")
    return Status(201, actions.service_record(actor=request.user, arrival=arrival, request=request, **payload.dict()))


@router.put("/arrivals/{arrival_id}/assessment")
def assessment(request: HttpRequest, arrival_id: int, payload: AssessmentIn):
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.transport")
    data = payload.dict()
    data["destination"] = municipality_by_code(data["destination"], field="destination")
    done = actions.need_assess(actor=request.user, arrival=arrival, request=request, **data)
    return {
        "arrival": arrival.pk,
        "can_pay": done.can_pay,
        "family_collecting": done.family_collecting,
        "vulnerability": done.vulnerability,
    }
