"""A family handover recorded before family assessments were required names none and is flagged; whoever
may write the minor's chain of custody can name afterwards the assessment it rests on, under the same
rule as a new handover (same case, recommends reunifying with that caregiver), never replacing one."""

import datetime
import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from retorno.audit.models import AuditEvent
from retorno.people.actions import person_create
from retorno.protection import actions
from retorno.protection.models import CustodyEvent

pytestmark = pytest.mark.django_db

GUARDIAN = "María Pérez"
DOCUMENT = "DOC-SELLO-2345678900101"
AUTHORITY = "Lic. SELLO Juárez (PGN)"
FLAG = "No family assessment recorded"
BIRTH = datetime.date(2012, 3, 1)
REASON = "Emergencia: la familia llamó de madrugada y la oficial asignada no responde."


def _legacy_handover(case, officer, stage=CustodyEvent.Stage.HANDOVER_GUARDIAN, **extra):
    """A handover as recorded before the rule: verified and authorised, no assessment named."""
    return CustodyEvent.objects.create(
        case=case,
        stage=stage,
        at=timezone.now() - datetime.timedelta(days=30),
        recorded_by=officer,
        guardian_name=GUARDIAN if stage == CustodyEvent.Stage.HANDOVER_GUARDIAN else "",
        relationship="mother" if stage == CustodyEvent.Stage.HANDOVER_GUARDIAN else "",
        document_checked=True,
        document_number=DOCUMENT,
        authorised_by=AUTHORITY,
        **extra,
    )


def _assessment(case, officer, caregiver=GUARDIAN, recommendation="reunify"):
    return actions.family_assessment_record(
        actor=officer,
        case=case,
        caregiver_name=caregiver,
        relationship="mother",
        assessed_on=timezone.localdate(),
        safety=2,
        willingness=2,
        capacity=2,
        child_view_heard=True,
        risks_found=False,
        recommendation=recommendation,
    )


def _refusal(call) -> str:
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        call()
    assert list(refused.value.message_dict) == ["assessment"]
    return refused.value.message_dict["assessment"][0]


def _api(case, event) -> str:
    return f"/api/v1/protection/cases/{case.pk}/minor/custody/{event.pk}/assessment"


def test_the_assigned_officer_names_the_assessment_and_the_audit_keeps_no_sealed_value(minor_case, protection_officer):
    handover = _legacy_handover(minor_case, protection_officer)
    assessment = _assessment(minor_case, protection_officer, caregiver="maria  PEREZ")
    linked = actions.handover_assessment_link(actor=protection_officer, handover=handover, assessment=assessment)
    assert CustodyEvent.objects.get(pk=handover.pk).assessment_id == assessment.pk == linked.assessment_id
    audit = AuditEvent.objects.get(action="protection.handover_assessment_link", object_id=str(handover.pk))
    assert (audit.old["assessment"], audit.new["assessment"]) == (None, assessment.pk)
    assert audit.person_id == minor_case.person_id
    written = json.dumps([audit.old, audit.new])
    for sealed in (GUARDIAN, DOCUMENT, AUTHORITY):
        assert sealed not in written
    assert audit.new["guardian_name"] == "[sealed]"


def test_an_assessment_that_does_not_fit_is_refused_on_the_field(minor_case, protection_officer, clerk):
    handover = _legacy_handover(minor_case, protection_officer)
    against = _assessment(minor_case, protection_officer, recommendation="do_not_reunify")
    uncle = _assessment(minor_case, protection_officer, caregiver="Pedro Pérez")
    boy = person_create(actor=clerk, given_names="Kevin", first_surname="Tum", sex="M", birth_date=BIRTH)
    other_case = actions.referral_take(
        actor=protection_officer,
        referral=actions.protection_referral_receive(actor=clerk, person=boy, unaccompanied_minor=True),
    )
    elsewhere = _assessment(other_case, protection_officer)

    def link(assessment):
        return lambda: actions.handover_assessment_link(
            actor=protection_officer, handover=handover, assessment=assessment
        )

    assert "does not recommend" in _refusal(link(against))
    assert "another caregiver" in _refusal(link(uncle))
    assert "of this case" in _refusal(link(elsewhere))
    assert "of this case" in _refusal(link(None))
    assert CustodyEvent.objects.get(pk=handover.pk).assessment_id is None
    assert not AuditEvent.objects.filter(action="protection.handover_assessment_link").exists()


def test_a_named_assessment_is_never_replaced_and_a_pgn_handover_names_none(minor_case, protection_officer):
    first = _assessment(minor_case, protection_officer)
    second = _assessment(minor_case, protection_officer)
    handover = _legacy_handover(minor_case, protection_officer)
    actions.handover_assessment_link(actor=protection_officer, handover=handover, assessment=first)
    refusal = _refusal(
        lambda: actions.handover_assessment_link(actor=protection_officer, handover=handover, assessment=second)
    )
    assert "already names" in refusal
    assert CustodyEvent.objects.get(pk=handover.pk).assessment_id == first.pk
    handover.delete()
    pgn = _legacy_handover(minor_case, protection_officer, stage=CustodyEvent.Stage.HANDOVER_PGN)
    refusal = _refusal(
        lambda: actions.handover_assessment_link(actor=protection_officer, handover=pgn, assessment=first)
    )
    assert "family member" in refusal
    assert CustodyEvent.objects.get(pk=pgn.pk).assessment_id is None


def test_only_who_writes_the_case_names_it_break_the_glass_included(
    minor_case, protection_officer, protection_lead, second_officer, manager, psychologist, clerk
):
    handover = _legacy_handover(minor_case, protection_officer)
    assessment = _assessment(minor_case, protection_officer)
    for outsider in (second_officer, manager, psychologist, clerk):
        with pytest.raises(PermissionDenied):
            actions.handover_assessment_link(actor=outsider, handover=handover, assessment=assessment)
    actions.break_glass_open(actor=second_officer, case=minor_case, reason=REASON)
    actions.handover_assessment_link(actor=second_officer, handover=handover, assessment=assessment)
    audit = AuditEvent.objects.get(action="protection.handover_assessment_link")
    assert audit.actor == second_officer


def test_the_case_page_offers_the_fitting_assessments_beside_the_flag(minor_case, protection_officer, client_for):
    handover = _legacy_handover(minor_case, protection_officer)
    client = client_for(protection_officer)
    section = reverse("protection:case_section", args=[minor_case.pk, "minor"])
    page = client.get(section, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert FLAG in page and "No family assessment of this case recommends reunifying" in page
    assert 'href="#family-assessment"' in page and "do/handover_assessment/" not in page
    _assessment(minor_case, protection_officer, caregiver="Pedro Pérez")
    _assessment(minor_case, protection_officer, recommendation="do_not_reunify")
    fitting = _assessment(minor_case, protection_officer)
    page = client.get(section, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    form = page[page.index("do/handover_assessment/") :]
    form = form[: form.index("</form>")]
    assert f'value="{fitting.pk}"' in form and f'name="handover" value="{handover.pk}"' in form
    assert form.count("<option") == 1 and "Pedro" not in form
    done = client.post(
        reverse("protection:case_write", args=[minor_case.pk, "handover_assessment"]),
        {"handover": handover.pk, "assessment": fitting.pk},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    body = done.content.decode()
    assert "now rests on the family assessment" in body and FLAG not in body
    assert CustodyEvent.objects.get(pk=handover.pk).assessment_id == fitting.pk


def test_the_page_shows_the_refusal_in_spanish(minor_case, protection_officer, client_for):
    handover = _legacy_handover(minor_case, protection_officer)
    against = _assessment(minor_case, protection_officer, recommendation="do_not_reunify")
    done = client_for(protection_officer).post(
        reverse("protection:case_write", args=[minor_case.pk, "handover_assessment"]),
        {"handover": handover.pk, "assessment": against.pk},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="es",
    )
    assert "no recomienda" in done.content.decode()
    assert CustodyEvent.objects.get(pk=handover.pk).assessment_id is None


def test_the_api_names_it_once_and_refuses_on_the_field(minor_case, protection_officer, api_for):
    handover = _legacy_handover(minor_case, protection_officer)
    against = _assessment(minor_case, protection_officer, recommendation="do_not_reunify")
    fitting = _assessment(minor_case, protection_officer)
    api = api_for(protection_officer)

    def post(assessment_id, event=handover):
        return api.post(_api(minor_case, event), {"assessment_id": assessment_id}, content_type="application/json")

    refused = post(against.pk)
    assert refused.status_code == 422 and [e["field"] for e in refused.json()["errors"]] == ["assessment"]
    done = post(fitting.pk)
    assert done.status_code == 200, done.content
    assert (done.json()["id"], done.json()["assessment_id"]) == (handover.pk, fitting.pk)
    assert post(against.pk).status_code == 422
    custody = api.get(f"/api/v1/protection/cases/{minor_case.pk}/minor").json()["custody"]
    assert [c["assessment_id"] for c in custody if c["id"] == handover.pk] == [fitting.pk]
    reception = minor_case.custody_events.get(stage="reception")
    assert post(fitting.pk, event=reception).status_code == 404


def test_nobody_outside_the_case_names_it_through_the_api(
    minor_case, protection_officer, clerk, monitor, manager, shelter_partner, psychologist, second_officer, api_for
):
    handover = _legacy_handover(minor_case, protection_officer)
    fitting = _assessment(minor_case, protection_officer)
    for user in (clerk, monitor, manager, shelter_partner, psychologist, second_officer):
        answer = api_for(user).post(
            _api(minor_case, handover), {"assessment_id": fitting.pk}, content_type="application/json"
        )
        assert answer.status_code in (403, 404), user.username
        assert GUARDIAN not in answer.content.decode()
    assert CustodyEvent.objects.get(pk=handover.pk).assessment_id is None


def test_a_supervisor_names_it_through_the_page(minor_case, protection_officer, protection_lead, client_for):
    handover = _legacy_handover(minor_case, protection_officer)
    fitting = _assessment(minor_case, protection_officer)
    client_for(protection_lead).post(
        reverse("protection:case_write", args=[minor_case.pk, "handover_assessment"]),
        {"handover": handover.pk, "assessment": fitting.pk},
    )
    assert CustodyEvent.objects.get(pk=handover.pk).assessment_id == fitting.pk
