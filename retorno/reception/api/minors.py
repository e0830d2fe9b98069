"""Minors on a flight and their handover to protection."""

from django.http import HttpRequest

from retorno.reception import actions
from retorno.reception.api.router import router
from retorno.reception.api.schemas import MinorOut, TriageOut
from retorno.reception.queries import (
    arrival_get_for,
    flight_get_for,
    flight_minors,
)


@router.get("/flights/{flight_id}/minors", response=list[MinorOut])
def minors(request: HttpRequest, flight_id: int):
    """Minors on the flight and their handover (protection officers and managers)."""
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.minors_view")
    return [
        {
            "arrival_id": m["arrival"].pk,
            "name": m["arrival"].display_name,
            "age": m["age"],
            "travelling_alone": m["alone"],
            "handed_to_protection": m["handed"],
        }
        for m in flight_minors(flight)
    ]


@router.post("/arrivals/{arrival_id}/protection-acknowledgement", response=TriageOut)
def acknowledge(request: HttpRequest, arrival_id: int):
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.protection_acknowledge")
    return actions.protection_acknowledge(actor=request.user, arrival=arrival, request=request)
