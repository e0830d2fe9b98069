"""The desk's hot paths make a fixed, small number of queries whatever the size of the flight or
the registry (issue 9, item 10b): a check-in, the follow-ups it schedules and the flight page.

The limits are today's counts: one more query on any of these paths fails here first.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from retorno.people.actions import consent_record, person_create
from retorno.people.models import Consent
from retorno.reception import actions
from retorno.reintegration.actions.followup import followups_on_arrival
from retorno.reintegration.models import FollowUp

from .conftest import import_manifest, manifest_csv, open_reception, synthetic_rows

pytestmark = pytest.mark.django_db

# The request's session and user, the arrival, the check-in, the row re-rendered (22), and the
# evidence summaries kept in step (6: the person's counts before and after, one upsert per table).
CHECK_IN_QUERIES = 28
FOLLOW_UPS_QUERIES = 10  # the person locked with the re-migration facts, consents, schedule, case, one insert, audit
FLIGHT_PAGE_QUERIES = 23  # the figures, transport and imports: none per passenger


def _desk(flight, clerk, n: int, *, registered: bool = False):
    rows = synthetic_rows(n)
    if registered:  # every passenger already in the registry: the import links them (name and birth date)
        for given, first, second, sex, birth, _cui, _alone in rows:
            day, month, year = map(int, birth.split("/"))
            person_create(
                actor=clerk,
                given_names=given,
                first_surname=first,
                second_surname=second,
                sex=sex,
                birth_date=datetime.date(year, month, day),
            )
    import_manifest(flight, clerk, manifest_csv(rows))
    open_reception(flight, clerk)
    return list(flight.arrivals.order_by("manifest_row__row_number"))


def _queries(run) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        run()
    return [q["sql"] for q in captured.captured_queries]


def test_a_check_in_at_the_desk_makes_a_fixed_number_of_queries(flight, clerk, client_for):
    arrivals = _desk(flight, clerk, 12, registered=True)
    assert all(a.manifest_row.person_id for a in arrivals)
    client = client_for(clerk)
    url = "/reception/arrivals/{}/checkin/"
    client.post(url.format(arrivals[0].pk), HTTP_HX_REQUEST="true")  # the session, once
    counts = []
    for arrival in (arrivals[1], arrivals[11]):  # the first and the last of the flight cost the same
        sql = _queries(lambda a=arrival: client.post(url.format(a.pk), HTTP_HX_REQUEST="true"))
        counts.append(len(sql))
    assert counts[0] == counts[1]
    assert counts[0] <= CHECK_IN_QUERIES, "\n".join(sql)
    # Never one existence query per foreign key the check-in holds already (the flight, the user).
    assert not [q for q in sql if q.startswith('SELECT 1 AS "a" FROM "reception_flight"')]
    assert not [q for q in sql if q.startswith('SELECT 1 AS "a" FROM "accounts_user"')]
    assert flight.arrivals.filter(status="checked_in").count() == 3


def test_scheduling_follow_ups_takes_the_same_queries_for_any_number_of_months(open_flight, clerk, person):
    arrival = open_flight.arrivals.get(manifest_row__person=person)
    arrival = actions.arrival_check_in(actor=clerk, arrival=arrival)
    consent_record(actor=clerk, person=person, purpose=Consent.Purpose.FOLLOW_UP, given=True)
    FollowUp.objects.all().delete()
    sql = _queries(
        lambda: followups_on_arrival(actor=clerk, person=person, arrived_on=open_flight.date, arrival_id=arrival.pk)
    )
    assert FollowUp.objects.filter(person=person, arrival_id=arrival.pk).count() == 4  # 1, 3, 6 and 12 months
    assert len(sql) <= FOLLOW_UPS_QUERIES, "\n".join(sql)
    assert len([q for q in sql if q.startswith('INSERT INTO "reintegration_followup"')]) == 1
    again = _queries(
        lambda: followups_on_arrival(actor=clerk, person=person, arrived_on=open_flight.date, arrival_id=arrival.pk)
    )
    assert FollowUp.objects.filter(person=person).count() == 4  # idempotent
    assert not [q for q in again if q.startswith("INSERT")]


def test_the_flight_page_makes_the_same_queries_for_a_flight_of_any_size(clerk, client_for):
    from .conftest import flight as make_flight

    counts = []
    for n in (3, 15):
        flight = make_flight.__wrapped__(clerk)
        arrivals = _desk(flight, clerk, n)
        actions.arrival_check_in(actor=clerk, arrival=arrivals[0])
        actions.triage_record(actor=clerk, arrival=arrivals[0], refreshments=True)
        client = client_for(clerk)
        client.get(f"/reception/flights/{flight.pk}/")  # the session, once
        sql = _queries(lambda f=flight, c=client: c.get(f"/reception/flights/{f.pk}/"))
        counts.append(len(sql))
    assert counts[0] == counts[1], counts
    assert counts[1] <= FLIGHT_PAGE_QUERIES, "\n".join(sql)
    # The uploaded files are not read to list the imports.
    imports = [q for q in sql if 'FROM "reception_manifestimport"' in q]
    assert imports and all('"content"' not in q.split(" FROM ")[0] for q in imports)
