"""Creating flights and moving them along announced → arrived → reception open → closed."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from retorno.accounts.access import require
from retorno.accounts.models import User
from retorno.audit.actions import audit_write, snapshot
from retorno.lib.workflow import illegal_transition, transition
from retorno.reception.audit_actions import AuditAction
from retorno.reception.models import Arrival, Flight, FlightBudget

FLIGHT_FIELDS = ["kind", "code", "date", "expected_time", "origin", "carrier", "expected_count"]


@transaction.atomic
def flight_create(
    *,
    actor: User,
    date: datetime.date,
    origin: str,
    carrier: str,
    kind: str = Flight.Kind.AIR,
    code: str = "",
    expected_time: datetime.time | None = None,
    expected_count: int = 0,
    request: HttpRequest | None = None,
) -> Flight:
    """Announce a flight or land convoy; it gets the default transport budget."""
    require(actor, "reception.flight_manage")
    flight = Flight(
        kind=kind,
        code=code.strip(),
        date=date,
        expected_time=expected_time,
        origin=origin.strip(),
        carrier=carrier.strip(),
        expected_count=expected_count,
        created_by=actor,
    )
    flight.full_clean()
    flight.save()
    budget = FlightBudget(flight=flight, set_by=actor)
    budget.full_clean()
    budget.save()
    audit_write(
        actor=actor, action=AuditAction.FLIGHT_CREATE, obj=flight, new=snapshot(flight, FLIGHT_FIELDS), request=request
    )
    return flight


@transaction.atomic
def flight_set_status(
    *,
    actor: User,
    flight: Flight,
    status: str,
    note: str = "",
    arrived_count: int | None = None,
    confirm: bool = False,
    request: HttpRequest | None = None,
) -> Flight:
    """Move a flight to ``status`` if TRANSITIONS allows it (through ``lib.workflow.transition``).

    Closing reconciles the manifest (whoever is still expected did not arrive) and is
    refused while a minor is not triaged or an unaccompanied minor is not handed to protection.
    When closing would mark anyone as not arrived or leave anyone untriaged, it needs
    ``confirm=True`` (the caller has shown ``flight_close_preview``).
    """
    require(actor, "reception.flight_manage")
    from retorno.reception.queries import flight_close_blockers, flight_close_preview

    flight = Flight.objects.select_for_update().get(pk=flight.pk)
    if not flight.can_move_to(status):  # before the closing checks, so an illegal move says so
        raise illegal_transition(flight, status)
    fields: dict = {}
    facts: dict = {}
    if status == Flight.Status.ARRIVED and arrived_count is not None:
        fields["arrived_count"] = arrived_count
    if status == Flight.Status.CLOSED:
        blockers = flight_close_blockers(flight)
        if blockers:
            names = ", ".join(b["arrival"].display_name for b in blockers[:5])
            raise ValidationError(
                _(
                    "The flight cannot close: minors must be triaged and unaccompanied minors handed to protection first (%(names)s)."
                )
                % {"names": names}
            )
        preview = flight_close_preview(flight)
        if (preview["no_shows"] or preview["untriaged"]) and not confirm:
            raise ValidationError(
                {
                    "confirm": _(
                        "Closing marks %(no_shows)s people as not arrived and leaves %(untriaged)s checked in "
                        "without triage: look at the list and confirm."
                    )
                    % {"no_shows": len(preview["no_shows"]), "untriaged": len(preview["untriaged"])}
                }
            )
        # Bulk on purpose: closing a flight of 135 marks every passenger still expected in one
        # UPDATE (expected → did not arrive, a legal Arrival move); the flight's own history and
        # audit row below name them all.
        no_shows = flight.arrivals.filter(pk__in=[a.pk for a in preview["no_shows"]])
        facts["no_shows"] = no_shows.update(status=Arrival.Status.NO_SHOW)
        facts["no_show_arrivals"] = [a.pk for a in preview["no_shows"]]
        facts["untriaged_arrivals"] = [a.pk for a in preview["untriaged"]]
        flight.closed_at = timezone.now()  # kept out of the audit row, as before
    return transition(
        flight,
        status,
        actor=actor,
        action=AuditAction.FLIGHT_STATUS,
        reason=note,
        request=request,
        fields=fields,
        audit_extra=facts,
    )


def flight_close(
    *, actor: User, flight: Flight, note: str = "", confirm: bool = False, request: HttpRequest | None = None
) -> Flight:
    """Close the reception of a flight (see ``flight_set_status``)."""
    return flight_set_status(
        actor=actor, flight=flight, status=Flight.Status.CLOSED, note=note, confirm=confirm, request=request
    )
