"""Triage flags create work in the right queue, idempotently; "Referidos" counts the work (issue 9, item 8)."""

import pytest

from retorno.accounts.models import Organisation
from retorno.reception import actions
from retorno.reception.models import WorkItem
from retorno.reception.queries import flight_counts

pytestmark = pytest.mark.django_db

FLAGS = {"psychosocial": True, "medical": True, "documents_no_dpi": True, "reintegration_interest": True}


def arrival_named(flight, text):
    return next(a for a in flight.arrivals.select_related("manifest_row") if text in a.display_name)


@pytest.fixture
def luis(open_flight, clerk):
    return actions.arrival_check_in(actor=clerk, arrival=arrival_named(open_flight, "Pérez"))


def live(arrival):
    return sorted(arrival.work_items.exclude(status="withdrawn").values_list("kind", flat=True))


def test_each_flag_opens_one_item_in_its_queue(luis, clerk):
    actions.triage_record(actor=clerk, arrival=luis, **FLAGS)
    assert live(luis) == ["dpi_request", "health", "psychosocial", "reintegration_intake"]
    actions.triage_record(actor=clerk, arrival=luis, **FLAGS)  # re-save: no duplicates
    assert WorkItem.objects.filter(arrival=luis).count() == 4


def test_unticking_withdraws_an_untouched_item_and_keeps_a_taken_one(luis, clerk, psychologist):
    actions.triage_record(actor=clerk, arrival=luis, **FLAGS)
    actions.work_item_take(actor=psychologist, item=luis.work_items.get(kind="psychosocial"))
    actions.triage_record(actor=clerk, arrival=luis, psychosocial=False, medical=False)
    statuses = dict(luis.work_items.values_list("kind", "status"))
    assert statuses["health"] == "withdrawn" and statuses["psychosocial"] == "taken"
    actions.triage_record(actor=clerk, arrival=luis, medical=True)  # ticked again: reopened, not duplicated
    assert luis.work_items.get(kind="health").status == "open" and luis.work_items.count() == 4


def test_referred_counts_work_items_not_flags(open_flight, luis, clerk):
    actions.triage_record(actor=clerk, arrival=luis, medical=True, psychosocial=True)
    assert flight_counts(open_flight)["referred"] == 2
    actions.triage_record(actor=clerk, arrival=luis, medical=False, psychosocial=True)
    assert flight_counts(open_flight)["referred"] == 1
    actions.triage_record(actor=clerk, arrival=luis, refreshments=True, medical=False, psychosocial=False)
    assert flight_counts(open_flight)["referred"] == 0


def test_queues_on_the_page_by_team(luis, clerk, psychologist, reintegration_officer, client_for):
    actions.triage_record(actor=clerk, arrival=luis, **FLAGS)
    assert client_for(clerk).get("/reception/work/").status_code == 403
    page = client_for(psychologist).get("/reception/work/").content.decode()
    assert 'id="queue-psychosocial"' in page and 'id="queue-health"' in page and "queue-dpi_request" not in page
    assert luis.person.full_name in page
    page = client_for(reintegration_officer).get("/reception/work/").content.decode()
    assert 'id="queue-dpi_request"' in page and 'id="queue-reintegration_intake"' in page
    item = luis.work_items.get(kind="dpi_request")
    assert client_for(psychologist).post(f"/reception/work/{item.pk}/take/").status_code == 403
    client_for(reintegration_officer).post(f"/reception/work/{item.pk}/take/")
    item.refresh_from_db()
    assert item.status == "taken" and item.taken_by == reintegration_officer


def test_queues_in_the_api(luis, clerk, psychologist, api_for):
    actions.triage_record(actor=clerk, arrival=luis, **FLAGS)
    assert api_for(clerk).get("/api/v1/reception/work-items?kind=health").status_code == 403
    found = api_for(psychologist).get("/api/v1/reception/work-items?kind=health").json()
    assert [i["person_id"] for i in found] == [luis.person_id]
    clinic = Organisation.objects.create(slug="centro-salud", name="Centro de Salud", kind="health")
    taken = api_for(psychologist).post(
        f"/api/v1/reception/work-items/{found[0]['id']}/take",
        {"facility_id": clinic.pk},  # a health item is taken by naming the facility
        content_type="application/json",
    )
    assert taken.status_code == 200 and taken.json()["status"] == "taken"
    assert api_for(psychologist).get("/api/v1/reception/work-items?kind=health").json() == []
