"""Taking a triage work item creates its real work, exactly once (issue 9, item 8): a health item
becomes a referral to the facility the taker chooses, a DPI item a DPI request draft."""

import datetime
import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from retorno.accounts.models import Organisation
from retorno.audit.models import AuditEvent
from retorno.people.actions import consent_record
from retorno.reception import actions
from retorno.reception.models import WorkItem
from retorno.reception.queries import flight_counts
from retorno.referrals.models import Referral
from retorno.reintegration.actions import case_open
from retorno.reintegration.models import DocumentRequest

pytestmark = pytest.mark.django_db

FLAGS = {"psychosocial": True, "medical": True, "documents_no_dpi": True, "reintegration_interest": True}


@pytest.fixture
def luis(open_flight, clerk):
    arrival = next(a for a in open_flight.arrivals.select_related("manifest_row") if "Pérez" in a.display_name)
    arrival = actions.arrival_check_in(actor=clerk, arrival=arrival)
    actions.triage_record(actor=clerk, arrival=arrival, **FLAGS)
    return arrival


@pytest.fixture
def clinic(db) -> Organisation:
    return Organisation.objects.create(slug="centro-salud", name="Centro de Salud de Malacatán", kind="health")


def item(arrival, kind) -> WorkItem:
    return arrival.work_items.get(kind=kind)


def test_taking_a_health_item_refers_the_person_to_the_chosen_facility_once(luis, psychologist, clinic, open_flight):
    referred_before = flight_counts(open_flight)["referred"]
    with pytest.raises(ValidationError) as no_facility:
        actions.work_item_take(actor=psychologist, item=item(luis, "health"))
    assert "facility" in no_facility.value.error_dict and item(luis, "health").status == "open"
    taken = actions.work_item_take(actor=psychologist, item=item(luis, "health"), facility=clinic)
    referral = Referral.objects.get()
    assert taken.referral == referral and taken.status == "taken"
    assert (referral.partner.organisation, referral.service, referral.arrival_id) == (clinic, "health", luis.pk)
    assert referral.status == "pending" and referral.referred_by == psychologist
    with pytest.raises(ValidationError):  # taken once: no second referral
        actions.work_item_take(actor=psychologist, item=item(luis, "health"), facility=clinic)
    assert Referral.objects.count() == 1
    assert flight_counts(open_flight)["referred"] == referred_before  # the item and its referral count once
    audit = AuditEvent.objects.filter(action="reception.work_item", object_id=str(taken.pk)).latest("id")
    assert audit.new["referral_id"] == referral.pk


def test_without_consent_the_referral_is_sealed_and_shares_nothing(luis, psychologist, clinic):
    actions.work_item_take(actor=psychologist, item=item(luis, "health"), facility=clinic)
    referral = Referral.objects.get()
    assert referral.sealed and referral.shared_fields == []


def test_with_consent_the_facility_sees_who_is_coming(luis, psychologist, clerk, clinic):
    consent_record(actor=clerk, person=luis.person, purpose="share_partners", given=True)
    actions.work_item_take(actor=psychologist, item=item(luis, "health"), facility=clinic)
    referral = Referral.objects.get()
    assert not referral.sealed and {"name", "sex", "age"} <= set(referral.shared_fields)


def test_a_facility_of_another_kind_is_refused(luis, psychologist, employer_org):
    with pytest.raises(ValidationError) as refused:
        actions.work_item_take(actor=psychologist, item=item(luis, "health"), facility=employer_org)
    assert "facility" in refused.value.error_dict and not Referral.objects.exists()


def test_taking_a_dpi_item_drafts_the_request_once(luis, reintegration_officer, clerk):
    taken = actions.work_item_take(actor=reintegration_officer, item=item(luis, "dpi_request"))
    draft = DocumentRequest.objects.get()
    assert taken.document_request_id == draft.pk
    assert (draft.person, draft.case, draft.kind, draft.status) == (luis.person, None, "dpi", "draft")
    assert draft.issuer_org.kind == "registry"
    with pytest.raises(ValidationError):
        actions.work_item_take(actor=reintegration_officer, item=item(luis, "dpi_request"))
    assert DocumentRequest.objects.count() == 1
    consent_record(actor=clerk, person=luis.person, purpose="reintegration", given=True)
    case = case_open(actor=reintegration_officer, person=luis.person, returned_on=datetime.date.today())
    assert list(case.documents.all()) == [draft]  # opening the case gathers the draft


def test_the_draft_joins_a_live_case_and_is_completed_by_requesting_it(luis, reintegration_officer, clerk):
    from retorno.reintegration.actions import document_set_status

    consent_record(actor=clerk, person=luis.person, purpose="reintegration", given=True)
    case = case_open(actor=reintegration_officer, person=luis.person, returned_on=datetime.date.today())
    actions.work_item_take(actor=reintegration_officer, item=item(luis, "dpi_request"))
    draft = case.documents.get()
    requested = document_set_status(actor=reintegration_officer, document=draft, status="requested")
    assert requested.status == "requested"


def test_only_the_team_that_owns_the_queue_takes(luis, clerk, psychologist, reintegration_officer, clinic):
    with pytest.raises(PermissionDenied):
        actions.work_item_take(actor=clerk, item=item(luis, "health"), facility=clinic)
    with pytest.raises(PermissionDenied):
        actions.work_item_take(actor=psychologist, item=item(luis, "dpi_request"))
    with pytest.raises(PermissionDenied):
        actions.work_item_take(actor=reintegration_officer, item=item(luis, "health"), facility=clinic)
    assert not Referral.objects.exists() and not DocumentRequest.objects.exists()


def test_the_queue_page_takes_a_health_item_by_choosing_the_facility(luis, psychologist, clinic, client_for):
    client = client_for(psychologist)
    page = client.get("/reception/work/").content.decode()
    assert f'<option value="{clinic.pk}">Centro de Salud de Malacatán</option>' in page
    health = item(luis, "health")
    client.post(f"/reception/work/{health.pk}/take/", {})
    assert item(luis, "health").status == "open"  # no facility: refused, nothing made
    answer = client.post(f"/reception/work/{health.pk}/take/", {"facility": clinic.pk})
    referral = Referral.objects.get()
    assert answer.status_code == 302 and answer.url == f"/referrals/{referral.pk}/"
    assert client.get(answer.url).status_code == 200  # the taker reads the referral it made


def test_the_queue_page_takes_a_dpi_item_and_the_profile_shows_the_draft(luis, reintegration_officer, client_for):
    client = client_for(reintegration_officer)
    answer = client.post(f"/reception/work/{item(luis, 'dpi_request').pk}/take/", {})
    assert answer.status_code == 302 and answer.url == f"/people/{luis.person_id}/"
    profile = client.get(answer.url).content.decode()
    draft = DocumentRequest.objects.get()
    assert f'id="document-{draft.pk}"' in profile and "Borrador" in profile


def test_the_api_takes_items_and_answers_what_they_made(luis, psychologist, reintegration_officer, clinic, api_for):
    api = api_for(psychologist)

    def take(client, work_item, body=None):
        url = f"/api/v1/reception/work-items/{work_item.pk}/take"
        return client.post(url, json.dumps(body) if body is not None else "", content_type="application/json")

    for body in (None, {}, {"facility_id": 999_999}):
        answer = take(api, item(luis, "health"), body)
        assert answer.status_code == 422 and answer.json()["errors"][0]["field"] == "facility_id"
    taken = take(api, item(luis, "health"), {"facility_id": clinic.pk})
    assert taken.status_code == 200 and taken.json()["referral_id"] == Referral.objects.get().pk
    assert take(api, item(luis, "health"), {"facility_id": clinic.pk}).status_code == 422
    assert take(api, item(luis, "psychosocial")).json()["status"] == "taken"

    officer = api_for(reintegration_officer)
    assert take(officer, item(luis, "dpi_request"), {"facility_id": clinic.pk}).status_code == 422
    dpi = take(officer, item(luis, "dpi_request"))
    draft_id = dpi.json()["document_request_id"]
    draft = officer.get(f"/api/v1/reintegration/documents/{draft_id}").json()
    assert (draft["status"], draft["case_id"], draft["person_id"]) == ("draft", None, luis.person_id)
    moved = officer.post(
        f"/api/v1/reintegration/documents/{draft_id}/status",
        json.dumps({"status": "requested"}),
        content_type="application/json",
    )
    assert moved.status_code == 200 and moved.json()["status"] == "requested"
    assert api.get(f"/api/v1/reintegration/documents/{draft_id}").status_code in (403, 404)


def test_arrival_and_override_statuses_are_badges(luis, clerk, manager, client_for):
    """The arrival page and the transport overrides list show statuses as badges, as elsewhere."""
    from django.utils import translation

    from retorno.lib.templatetags.workflow import status_badge

    translation.activate("es")  # the pages' language
    override = actions.override_request(actor=clerk, arrival=luis, allocate=True, reason="Viaja con un bebé de meses")
    client = client_for(manager)
    arrival_page = client.get(f"/reception/arrivals/{luis.pk}/").content.decode()
    assert status_badge(luis) in arrival_page and status_badge(override) in arrival_page
    transport_page = client.get(f"/reception/flights/{luis.flight_id}/transport/").content.decode()
    assert status_badge(override) in transport_page


def test_an_item_without_work_to_name_is_taken_with_an_empty_post(luis, psychologist, api_for):
    """A psychosocial item needs no body: a bare POST takes it, as before."""
    answer = api_for(psychologist).generic("POST", f"/api/v1/reception/work-items/{item(luis, 'psychosocial').pk}/take")
    assert answer.status_code == 200 and answer.json()["status"] == "taken"
