"""Flights: list, announce, detail, figures, status and the closing preview."""

from django.http import HttpRequest
from ninja import Status

from retorno.accounts.access import require
from retorno.reception import actions
from retorno.reception.api.router import router
from retorno.reception.api.schemas import ClosePreviewOut, CountsOut, FlightIn, FlightOut, FlightStatusIn
from retorno.reception.models import Arrival, Flight
from retorno.reception.queries import flight_close_preview as preview_of
from retorno.reception.queries import (
    flight_counts,
    flight_get_for,
    flights_visible_to,
)


@router.get("/flights", response=list[FlightOut])
def flight_list(request: HttpRequest):
    require(request.user, "reception.flight_view")
    return list(flights_visible_to(request.user)[:200])


@router.post("/flights", response={201: FlightOut})
def flight_create(request: HttpRequest, payload: FlightIn):
    require(request.user, "reception.flight_manage")
    return Status(201, actions.flight_create(actor=request.user, request=request, **payload.dict()))


@router.get("/flights/{flight_id}", response=FlightOut)
def flight_detail(request: HttpRequest, flight_id: int):
    return flight_get_for(user=request.user, flight_id=flight_id)


@router.get("/flights/{flight_id}/counts", response=CountsOut)
def flight_counts_endpoint(request: HttpRequest, flight_id: int):
    """Live figures of the flight (no names)."""
    return flight_counts(flight_get_for(user=request.user, flight_id=flight_id))


@router.post("/flights/{flight_id}/status", response=FlightOut)
def flight_status(request: HttpRequest, flight_id: int, payload: FlightStatusIn):
    """Move the flight along its pipeline; closing reconciles and may be refused (422)."""
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.flight_manage")
    return actions.flight_set_status(actor=request.user, flight=flight, request=request, **payload.dict())


def _passenger(arrival: Arrival) -> dict:
    row = arrival.manifest_row if arrival.manifest_row_id else None
    return {"arrival_id": arrival.pk, "name": arrival.display_name, "manifest_number": row.row_number if row else None}


@router.get("/flights/{flight_id}/close-preview", response=ClosePreviewOut)
def flight_close_preview(request: HttpRequest, flight_id: int):
    """What closing the flight will do: who is marked as not arrived, who stays untriaged, and what
    stops the closing (minors). Close with ``POST /flights/{id}/status`` ``{"status": "closed", "confirm": true}``."""
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.flight_manage")
    preview = preview_of(flight)
    return {
        "no_shows": [_passenger(a) for a in preview["no_shows"]],
        "untriaged": [_passenger(a) for a in preview["untriaged"]],
        "blockers": [_passenger(b["arrival"]) for b in preview["blockers"]],
        "can_close": flight.status == Flight.Status.RECEPTION_OPEN and not preview["blockers"],
    }
