"""Transport: allocation, the budget summary, tickets and overrides."""

from decimal import Decimal

from django.http import HttpRequest
from ninja import Status

from retorno.reception import actions
from retorno.reception.api.router import router
from retorno.reception.api.schemas import AllocationOut, DecisionIn, OverrideIn, OverrideOut, TicketOut
from retorno.reception.queries import (
    arrival_get_for,
    flight_get_for,
    override_get_for,
    transport_summary,
)


@router.post("/flights/{flight_id}/allocation", response={201: AllocationOut})
def allocation(request: HttpRequest, flight_id: int):
    """Run the optimal allocation of the flight's remaining transport budget."""
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.transport")
    return Status(201, actions.allocation_run(actor=request.user, flight=flight, request=request))


@router.get("/flights/{flight_id}/transport")
def transport(request: HttpRequest, flight_id: int):
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.transport")
    s = transport_summary(flight)
    return {k: (str(v) if isinstance(v, Decimal) else v) for k, v in s.items() if k != "run"} | {
        "run": s["run"].pk if s["run"] else None
    }


@router.post("/flights/{flight_id}/tickets", response={201: list[TicketOut]})
def tickets_bulk(request: HttpRequest, flight_id: int):
    """Issue every ticket the current allocation gives and that is not issued yet (all or none)."""
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.transport")
    return Status(201, actions.tickets_issue_allocated(actor=request.user, flight=flight, request=request))


@router.post("/arrivals/{arrival_id}/override", response={201: OverrideOut})
def override(request: HttpRequest, arrival_id: int, payload: OverrideIn):
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.transport")
    return Status(201, actions.override_request(actor=request.user, arrival=arrival, request=request, **payload.dict()))


@router.post("/overrides/{override_id}/decision", response=OverrideOut)
def override_decision(request: HttpRequest, override_id: int, payload: DecisionIn):
    found = override_get_for(user=request.user, override_id=override_id)
    return actions.override_decide(actor=request.user, override=found, approve=payload.approve, request=request)


@router.post("/arrivals/{arrival_id}/ticket", response={201: TicketOut})
def ticket(request: HttpRequest, arrival_id: int):
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.transport")
    return Status(201, actions.ticket_issue(actor=request.user, arrival=arrival, request=request))
