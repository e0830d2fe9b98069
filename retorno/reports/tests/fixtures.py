"""A small programme built through the real actions; the figures in the tests are counted by hand.

Flights (2026):
  A  air,  2 Mar: Ana (F, born 2010-05-01, Huehuetenango 1301) — 15 on the flight's day: minor,
                  triaged unaccompanied; Bruno (M, 1990-03-02, 1301) — exactly 36 that day;
                  Carlos (M, 2008-03-03, Guatemala 0101) — 17, turns 18 the next day.
  B  air,  5 Apr: Bruno again (second return); Diego (M, birth date unknown, no origin).
  C  land, 20 Jun: Elena (F, 1980-01-01, 0101).
  D  air, 10 Jan 2025: Fabián (M, 1995-07-07, 1301) — outside 2026.
Services: Ana 2 refreshments, Bruno 1 national call (flight A).
"""

import datetime
from decimal import Decimal

from retorno.geo.models import Municipality
from retorno.reception import actions as reception
from retorno.reception.models import Flight

D = datetime.date


def flight(actor, day, kind=Flight.Kind.AIR):
    f = reception.flight_create(actor=actor, date=day, origin="Texas", carrier="ICE Air", kind=kind, expected_count=3)
    reception.flight_set_status(actor=actor, flight=f, status=Flight.Status.ARRIVED, arrived_count=3)
    return reception.flight_set_status(actor=actor, flight=f, status=Flight.Status.RECEPTION_OPEN)


def walk_in(actor, f, given, sex, birth, muni, person=None):
    if person is not None:
        return reception.walk_in_register(actor=actor, flight=f, person=person)
    fields = {"given_names": given, "first_surname": "Prueba", "sex": sex, "birth_date": birth}
    if muni:
        fields["origin_municipality"] = Municipality.objects.get(code=muni)
    return reception.walk_in_register(actor=actor, flight=f, **fields)


def build(clerk) -> dict:
    a, b = flight(clerk, D(2026, 3, 2)), flight(clerk, D(2026, 4, 5))
    c, d = flight(clerk, D(2026, 6, 20), Flight.Kind.LAND), flight(clerk, D(2025, 1, 10))
    ana = walk_in(clerk, a, "Ana", "F", D(2010, 5, 1), "1301")
    bruno = walk_in(clerk, a, "Bruno", "M", D(1990, 3, 2), "1301")
    walk_in(clerk, a, "Carlos", "M", D(2008, 3, 3), "0101")
    walk_in(clerk, b, "", "", None, "", person=bruno.person)
    walk_in(clerk, b, "Diego", "M", None, "")
    walk_in(clerk, c, "Elena", "F", D(1980, 1, 1), "0101")
    walk_in(clerk, d, "Fabián", "M", D(1995, 7, 7), "1301")
    reception.triage_record(actor=clerk, arrival=ana, unaccompanied_minor=True, travelling_alone=True)
    reception.service_record(actor=clerk, arrival=ana, kind="refreshment", quantity=2, unit_cost=Decimal("1.50"))
    reception.service_record(actor=clerk, arrival=bruno, kind="call_national", unit_cost=Decimal("0.25"))
    return {"flights": (a, b, c, d), "ana": ana, "bruno": bruno}


def with_followups(clerk) -> None:
    """Everyone built above agrees to be contacted; their arrival follow-ups are scheduled as
    reception schedules them once consent is on record (counted from the check-in day)."""
    from django.utils import timezone

    from retorno.people.actions import consent_record
    from retorno.reception.models import Arrival
    from retorno.reintegration.actions import followups_on_arrival

    for arrival in Arrival.objects.filter(person__isnull=False).select_related("person").order_by("id"):
        consent_record(actor=clerk, person=arrival.person, purpose="follow_up", given=True)
        followups_on_arrival(
            actor=clerk,
            person=arrival.person,
            arrived_on=timezone.localdate(arrival.checked_in_at),
            arrival_id=arrival.pk,
        )
