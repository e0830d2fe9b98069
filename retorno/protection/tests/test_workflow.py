"""The protection workflows: referral entry, protocol, legal pipeline, minors' custody, HTCDS export."""

import csv
import datetime
import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from retorno.audit.models import AuditEvent
from retorno.protection import actions, htcds, protocol
from retorno.protection.models import (
    CaseKind,
    CustodyEvent,
    Identification,
    LegalCase,
    ProtectionCase,
    ProtectionReferral,
)
from retorno.protection.queries import minor_handover_recorded
from retorno.protection.tests.conftest import fiscalia

pytestmark = pytest.mark.django_db
D = datetime.date


def test_reception_referral_records_no_reason_and_is_not_duplicated(clerk, person):
    first = actions.protection_referral_receive(actor=clerk, person=person, arrival=55)
    again = actions.protection_referral_receive(actor=clerk, person=person, arrival=55)
    assert first == again
    assert {f.name for f in ProtectionReferral._meta.fields}.isdisjoint({"reason", "notes", "note"})
    event = AuditEvent.objects.get(action="protection.referral_receive")
    assert event.new == {"arrival_id": 55, "unaccompanied_minor": False}


def test_queue_page_take_and_assign(clerk, person, protection_officer, psychologist, client_for):
    referral = actions.protection_referral_receive(actor=clerk, person=person)
    client = client_for(protection_officer)
    assert person.full_name in client.get(reverse("protection:index")).content.decode()
    response = client.post(
        reverse("protection:referral_take", args=[referral.pk]), {"kind": "trafficking", "assignee": ""}
    )
    case = ProtectionCase.objects.get()
    assert response["Location"] == reverse("protection:case", args=[case.pk])
    assert case.assignments.get().user == protection_officer
    # A psychologist cannot be assigned to a trafficking case.
    with pytest.raises(ValidationError):
        actions.case_assign(actor=protection_officer, case=case, user=psychologist)
    assert (
        client_for(clerk)
        .post(reverse("protection:referral_take", args=[referral.pk]), {"kind": "trafficking"})
        .status_code
        == 403
    )


def test_identification_is_interruptible_and_needs_an_authority_to_confirm(victim_case, protection_officer, client_for):
    client = client_for(protection_officer)
    client.post(
        reverse("protection:case_write", args=[victim_case.pk, "answers"]),
        {"dec_conditions": "yes", "ctl_documents": "no"},
    )
    running = Identification.objects.get()
    assert running.answers == {"dec_conditions": "yes", "ctl_documents": "no"}
    client.post(reverse("protection:case_write", args=[victim_case.pk, "answers"]), {"exp_unpaid_work": "yes"})
    running.refresh_from_db()
    assert running.answers == {"dec_conditions": "yes", "ctl_documents": "no", "exp_unpaid_work": "yes"}
    assert protocol.suggested_result(running.answers) == "probable"
    assert Identification.objects.count() == 1  # resumed, not restarted
    with pytest.raises(ValidationError):
        actions.identification_conclude(actor=protection_officer, identification=running, result="confirmed")
    done = actions.identification_conclude(
        actor=protection_officer,
        identification=running,
        result="confirmed",
        authority="CourtOrProsecution",
        authority_name="Fiscalía contra la Trata, Guatemala",
    )
    assert (done.result, done.decided_by, done.authority) == ("confirmed", protection_officer, "CourtOrProsecution")


def test_protocol_never_asks_directly():
    for indicator in protocol.INDICATORS:
        text = str(indicator.question).lower()
        assert "traffick" not in text and "trata" not in text and "victim" not in text


def test_legal_case_pipeline_refuses_illegal_moves(victim_case, protection_officer):
    legal = actions.legal_case_open(
        actor=protection_officer,
        case=victim_case,
        complaint_number="MP001-2026-123",
        prosecutor_office=fiscalia(),
        filed_on=D(2026, 1, 5),
    )
    with pytest.raises(ValidationError):
        actions.legal_case_set_status(actor=protection_officer, legal_case=legal, status="conviction", on=D(2026, 2, 1))
    actions.legal_case_set_status(actor=protection_officer, legal_case=legal, status="investigation", on=D(2026, 1, 20))
    with pytest.raises(ValidationError):  # dates cannot go back
        actions.legal_case_set_status(
            actor=protection_officer, legal_case=legal, status="prosecution", on=D(2026, 1, 1)
        )
    actions.legal_case_set_status(actor=protection_officer, legal_case=legal, status="prosecution", on=D(2026, 3, 1))
    legal = actions.legal_case_set_status(
        actor=protection_officer, legal_case=legal, status="conviction", on=D(2026, 9, 1)
    )
    assert legal.is_concluded
    with pytest.raises(ValidationError):
        actions.legal_case_set_status(actor=protection_officer, legal_case=legal, status="acquittal", on=D(2026, 9, 2))
    assert [c.to_status for c in LegalCase.objects.get().changes.all()] == [
        "complaint_filed",
        "investigation",
        "prosecution",
        "conviction",
    ]
    assert AuditEvent.objects.filter(action="protection.legal_case_status").count() == 3


def test_case_status_transitions(victim_case, protection_officer):
    with pytest.raises(ValidationError):
        actions.case_set_status(actor=protection_officer, case=victim_case, status="Active")
    case = actions.case_set_status(actor=protection_officer, case=victim_case, status="Closed", reason="Reintegrada")
    assert case.closed_at and case.closure_reason == "Reintegrada"
    assert [c.to_status for c in case.status_changes.all()] == ["Active", "Closed"]


def test_minor_chain_of_custody_and_handover(minor_case, minor, protection_officer, programme):
    from retorno.accounts.models import Organisation

    assert minor_case.kind == CaseKind.MINOR
    assert minor_case.custody_events.get().stage == CustodyEvent.Stage.RECEPTION
    assert not minor_handover_recorded(minor)
    with pytest.raises(ValidationError):
        actions.case_set_status(actor=protection_officer, case=minor_case, status="Closed")
    shelter = Organisation.objects.create(slug="nuestras-raices", name="Casa Nuestras Raíces", kind="shelter")
    actions.custody_record(actor=protection_officer, case=minor_case, stage="minors_shelter", organisation=shelter)
    with pytest.raises(ValidationError) as refused:  # no document checked, nobody authorised
        actions.custody_record(
            actor=protection_officer,
            case=minor_case,
            stage="handover_guardian",
            guardian_name="María Pérez",
            relationship="mother",
        )
    assert {"document_number", "authorised_by"} <= set(refused.value.message_dict)
    mother = actions.tracing_request_open(
        actor=protection_officer, case=minor_case, sought_name="María Pérez", relationship="mother"
    )
    actions.tracing_step_add(
        actor=protection_officer, tracing_request=mother, on=D(2026, 1, 5), method="phone", result="located"
    )
    assessment = actions.family_assessment_record(
        actor=protection_officer,
        case=minor_case,
        tracing_request=mother,
        assessed_on=D(2026, 1, 6),
        safety=2,
        willingness=2,
        capacity=2,
        child_view_heard=True,
        risks_found=False,
        recommendation="reunify",
    )
    actions.best_interest_record(
        actor=protection_officer,
        case=minor_case,
        decided_on=D(2026, 1, 6),
        decided_by="PGN, Procuraduría de la Niñez",
        decision="Reunificación con la madre",
        minor_assent="agrees",
    )
    actions.custody_record(
        actor=protection_officer,
        case=minor_case,
        stage="handover_guardian",
        assessment=assessment,
        guardian_name="María Pérez",
        relationship="mother",
        document_checked=True,
        document_number="2345678900101",
        authorised_by="Lic. Juárez (PGN)",
    )
    assert minor_handover_recorded(minor)

    class Arrival:
        pk, person_id = 901, minor.pk

    class OtherArrival:
        pk, person_id = 902, minor.pk

    assert minor_handover_recorded(Arrival())
    assert minor_handover_recorded(OtherArrival())  # no minor case from that arrival: the person's handover counts
    closed = actions.case_set_status(actor=protection_officer, case=minor_case, status="Closed")
    assert closed.is_closed
    with pytest.raises(ValidationError):  # nothing follows a handover
        actions.custody_record(actor=protection_officer, case=minor_case, stage="minors_shelter", organisation=shelter)


def test_psychosocial_records(psy_case, psychologist, client_for, api_for):
    client = client_for(psychologist)
    client.post(
        reverse("protection:case_write", args=[psy_case.pk, "assessment"]),
        {"distress": "severe", "risk_to_self": "low", "needs": ["mental_health"], "observations": "Llanto"},
    )
    client.post(
        reverse("protection:case_write", args=[psy_case.pk, "session"]),
        {"kind": "individual", "duration_minutes": 45, "notes": "n"},
    )
    client.post(
        reverse("protection:case_write", args=[psy_case.pk, "health_referral"]),
        {"destination": "mental_health_hospital", "reason": "r"},
    )
    client.post(
        reverse("protection:case_write", args=[psy_case.pk, "plan"]),
        {"goals": "g", "next_review_on": "2026-02-01", "every_weeks": 2},
    )
    body = api_for(psychologist).get(f"/api/v1/protection/cases/{psy_case.pk}/psychosocial").json()
    assert body["assessments"][0]["distress"] == "severe"
    assert body["assessments"][0]["observations"] == "Llanto"
    assert body["sessions"][0]["duration_minutes"] == 45
    assert body["referrals"][0]["outcome"] == "pending"
    assert body["plan"]["every_weeks"] == 2
    referral_id = body["referrals"][0]["id"]
    response = api_for(psychologist).post(
        f"/api/v1/protection/cases/{psy_case.pk}/psychosocial/referrals/{referral_id}/outcome",
        {"outcome": "attended"},
        content_type="application/json",
    )
    assert response.json()["outcome"] == "attended"


def test_api_refers_case_to_prosecutor(victim_case, protection_officer, api_for):
    api = api_for(protection_officer)
    url = f"/api/v1/protection/cases/{victim_case.pk}/legal"
    assert api.get(url).status_code == 204
    created = api.post(
        url,
        {"complaint_number": "MP-1", "prosecutor_office_id": fiscalia().pk, "filed_on": "2026-01-05"},
        content_type="application/json",
    )
    assert created.status_code == 201
    assert created.json()["prosecutor_office"] == {"id": fiscalia().pk, "name": "Fiscalía contra la Trata de Personas"}
    moved = api.post(url + "/status", {"status": "investigation", "on": "2026-01-10"}, content_type="application/json")
    assert moved.json()["status"] == "investigation"
    illegal = api.post(url + "/status", {"status": "conviction", "on": "2026-01-11"}, content_type="application/json")
    assert illegal.status_code == 422
    extra = api.post(
        f"/api/v1/protection/cases/{victim_case.pk}/notes", {"text": "x", "secret": 1}, content_type="application/json"
    )
    assert extra.status_code == 422


def _victim_with_data(victim_case, protection_officer, shelter_org):
    running = actions.identification_start(actor=protection_officer, case=victim_case)
    actions.identification_save_answers(
        actor=protection_officer,
        identification=running,
        answers={"rec_family": "yes", "dec_debt": "yes", "exp_unpaid_work": "yes"},
    )
    actions.identification_conclude(actor=protection_officer, identification=running, result="probable")
    actions.support_service_add(actor=protection_officer, case=victim_case, type="Legal", started_on=D(2026, 1, 3))
    actions.shelter_referral_create(
        actor=protection_officer, case=victim_case, organisation=shelter_org, shared_sections=[], consent_given=False
    )


def test_htcds_export_columns_are_the_standards(victim_case, protection_officer, shelter_org, client_for):
    _victim_with_data(victim_case, protection_officer, shelter_org)
    standard = htcds.standard_field_names()
    assert len(standard) == 83 and "vic_TraffickingStatus" in standard  # the whole field list was read
    assert set(htcds.COLUMNS) <= standard
    response = client_for(protection_officer).get(reverse("protection:htcds_export", args=["csv"]))
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert set(rows[0]) <= standard, set(rows[0]) - standard
    assert rows[0]["vic_TraffickingStatus"] == "PossibleVictimOfTrafficking"
    assert rows[0]["vic_MethodOfRecruitment"] == "ThroughFamilyOrFamilyEvents"
    assert rows[0]["vic_MethodsOfControl"] == "DebtBondage"
    assert rows[0]["vic_TypeOfExploitation"] == "ForcedLabour"
    assert rows[0]["cas_ReferredOrganisation"] == "Casa del Migrante"
    data = json.loads(client_for(protection_officer).get(reverse("protection:htcds_export", args=["json"])).content)
    assert set(data[0]) <= standard
    assert data[0]["spl_Type"] == ["Legal"]
    exports = AuditEvent.objects.filter(kind=AuditEvent.Kind.EXPORT, action="protection.htcds_export", object_id="")
    assert exports.count() == 2
    assert exports.first().new["count"] == 1


def test_htcds_export_only_for_allowed_users(victim_case, all_personas, client_for, api_for):
    allowed = {"protection", "manager"}
    for username, user in all_personas.items():
        page = client_for(user).get(reverse("protection:htcds_export", args=["csv"])).status_code
        api = api_for(user).get("/api/v1/protection/export/htcds?format=json").status_code
        assert page == (200 if username in allowed else 403), username
        assert api == (200 if username in allowed else 403), username
