"""The arrival of three demo returnees, received at reception before their reintegration case opens.

Each comes on a past flight dated the day of the case's return, through reception's own actions
(manifest, check-in, triage), and gives a migration history: one agreed and answered everything
(the smuggler part sealed), one refused, one preferred not to say part of it. So a reintegration
officer finds it on the case's "Migration history" page (docs/migration-history.md).

Check-in tells reintegration of the arrival (``reception.hooks.arrival_followed``) and stamps it
with the day it is done, today. So these returnees are checked in before the officer records their
consent to be contacted (nothing is scheduled then, nor a re-migration noticed: it is their first
arrival), and the case then schedules the arrival's follow-ups from the flight's day, linked to
that arrival, as it does for the others: no duplicate follow-ups and no false re-migration.
"""

import datetime
from decimal import Decimal

from retorno.accounts.models import User
from retorno.geo.models import Country
from retorno.people.models import Person
from retorno.reception import actions as reception
from retorno.reception.models import Arrival, Flight

MANIFEST_HEADER = "No.;Nombres;Primer Apellido;Segundo Apellido;Sexo;Fecha de Nacimiento;DPI;No acompañado\n"

# Index of the demo returnee (``demo.RETURNEES``) -> the flight and the migration history given.
HISTORIES = {
    0: {
        "code": "DEMO-REI-1",
        "origin": "Alexandria, Luisiana",
        "answers": {
            "consent": "agreed",
            "reasons": ["economic", "violence"],
            "years_abroad": 6,
            "countries": ["US", "MX"],
            "family_abroad": "yes",
            "previous_deportations": 1,
            "smuggler_used": "yes",
            "smuggler_cost": Decimal("9500"),
            "smuggler_currency": "USD",
        },
    },
    2: {"code": "DEMO-REI-3", "origin": "Mesa, Arizona", "answers": {"consent": "refused"}},
    3: {
        "code": "DEMO-REI-4",
        "origin": "Brownsville, Texas",
        "answers": {
            "consent": "agreed",
            "reasons": ["economic"],
            "years_abroad": 9,
            "countries": ["US"],
            "family_abroad": "declined",
            "previous_deportations_declined": True,
            "smuggler_used": "declined",
        },
    },
}


def _manifest(person: Person) -> bytes:
    row = f"1;{person.given_names};{person.first_surname};{person.second_surname};{person.sex};;;N\n"
    return (MANIFEST_HEADER + row).encode("utf-8")


def arrive(*, index: int, person: Person, returned_on: datetime.date) -> Arrival | None:
    """Receive demo returnee ``index`` on a flight of ``returned_on`` and record their migration history.

    None when this returnee has no arrival in the demo, or the demo reception clerk is missing."""
    plan = HISTORIES.get(index)
    clerk = User.objects.filter(username="recepcion").first()
    if plan is None or clerk is None or Flight.objects.filter(code=plan["code"]).exists():
        return None
    flight = reception.flight_create(
        actor=clerk,
        code=plan["code"],
        date=returned_on,
        expected_time=datetime.time(9, 30),
        origin=plan["origin"],
        carrier="ICE Air",
        expected_count=1,
    )
    staged, _ = reception.manifest_stage(
        actor=clerk, flight=flight, data=_manifest(person), filename=f"{plan['code']}.csv"
    )
    reception.manifest_commit(actor=clerk, manifest_import=staged)
    reception.flight_set_status(actor=clerk, flight=flight, status=Flight.Status.ARRIVED)
    reception.flight_set_status(actor=clerk, flight=flight, status=Flight.Status.RECEPTION_OPEN)
    arrival = reception.arrival_check_in(actor=clerk, arrival=flight.arrivals.get(), person=person)
    # Interested in reintegration; the officer records the consent to be contacted at the intake.
    reception.triage_record(
        actor=clerk, arrival=arrival, refreshments=True, calls_national=1, reintegration_interest=True
    )
    answers = dict(plan["answers"])
    if "countries" in answers:
        answers["countries"] = list(Country.objects.filter(alpha2__in=answers["countries"]).order_by("alpha2"))
    reception.migration_history_record(actor=clerk, arrival=arrival, **answers)
    reception.flight_close(actor=clerk, flight=flight, confirm=True)
    return arrival
