"""Family tracing of an unaccompanied minor: requests, dated steps, the family assessment that a
handover to a family member rests on, and follow-up visits after reunification."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from retorno.audit.models import AuditEvent
from retorno.geo.models import Municipality
from retorno.protection import actions
from retorno.protection.audit_actions import AuditAction
from retorno.protection.models import CustodyEvent, TracingRequest, TracingStep
from retorno.protection.queries import visits_due

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate
SEALED_NAME = "SELLO-Rosa-Ramos-7731"
SEALED_NOTE = "SELLO-nota-del-paso-4410"


def _mother(case, officer, name="Rosa Ramos"):
    return actions.tracing_request_open(
        actor=officer,
        case=case,
        sought_name=name,
        relationship="mother",
        municipality=Municipality.objects.get(code="0801"),
        address="Aldea Chuicavioc",
        phone="5512 3344",
        contacts_tried="La tía en Estados Unidos.",
    )


def _assess(case, officer, recommendation="reunify", **extra):
    checklist = {"safety": 2, "willingness": 2, "capacity": 2, "child_view_heard": True, "risks_found": False}
    return actions.family_assessment_record(
        actor=officer,
        case=case,
        assessed_on=TODAY(),
        recommendation=recommendation,
        **{"caregiver_name": "Rosa Ramos", "relationship": "mother", **checklist, **extra},
    )


def _hand_over(case, officer, assessment, **extra):
    return actions.custody_record(
        actor=officer,
        case=case,
        stage="handover_guardian",
        assessment=assessment,
        document_checked=True,
        document_number="2456789010801",
        authorised_by="Lic. Juárez (PGN)",
        **extra,
    )


def test_a_request_moves_through_its_pipeline_with_dated_steps(minor_case, protection_officer):
    mother = _mother(minor_case, protection_officer)
    assert mother.department.code == "08"  # taken from the municipality
    step = actions.tracing_step_add(
        actor=protection_officer, tracing_request=mother, on=TODAY(), method="renap", result="lead", notes="RENAP"
    )
    assert (step.by, step.method, step.result) == (protection_officer, "renap", "lead")
    with pytest.raises(ValidationError) as refused:  # ending a search says what it found
        actions.tracing_request_set_status(actor=protection_officer, tracing_request=mother, status="located")
    assert "outcome" in refused.value.message_dict
    actions.tracing_request_set_status(
        actor=protection_officer, tracing_request=mother, status="located", outcome="Vive en la aldea."
    )
    mother.refresh_from_db()
    assert mother.status == "located" and mother.outcome == "Vive en la aldea."
    with pytest.raises(ValidationError):  # the search is over: reopen it first
        actions.tracing_step_add(
            actor=protection_officer, tracing_request=mother, on=TODAY(), method="phone", result="no_answer"
        )
    with pytest.raises(ValidationError) as illegal:
        actions.tracing_request_set_status(
            actor=protection_officer, tracing_request=mother, status="not_located", outcome="x"
        )
    assert illegal.value.error_dict["status"][0].code == "illegal_transition"
    history = [(c.from_status, c.to_status) for c in mother.status_changes.all()]
    assert history == [("", "open"), ("open", "located")]
    second = actions.tracing_request_open(
        actor=protection_officer, case=minor_case, sought_name="Juan Ajcá", relationship="father"
    )
    assert set(minor_case.tracing_requests.all()) == {mother, second}
    with pytest.raises(ValidationError):  # a step is recorded once it has happened
        actions.tracing_step_add(
            actor=protection_officer,
            tracing_request=second,
            on=TODAY() + datetime.timedelta(days=1),
            method="phone",
            result="no_answer",
        )


def test_a_municipality_outside_the_department_is_refused(minor_case, protection_officer):
    from retorno.geo.models import Department

    with pytest.raises(ValidationError) as refused:
        actions.tracing_request_open(
            actor=protection_officer,
            case=minor_case,
            sought_name="Rosa Ramos",
            relationship="mother",
            department=Department.objects.get(code="01"),
            municipality=Municipality.objects.get(code="0801"),
        )
    assert "municipality" in refused.value.message_dict


def test_tracing_belongs_to_a_minors_case(victim_case, protection_officer):
    with pytest.raises(ValidationError):
        actions.tracing_request_open(actor=protection_officer, case=victim_case, sought_name="X", relationship="mother")


def test_names_addresses_phones_and_notes_are_sealed(minor_case, protection_officer):
    mother = _mother(minor_case, protection_officer, name=SEALED_NAME)
    actions.tracing_step_add(
        actor=protection_officer,
        tracing_request=mother,
        on=TODAY(),
        method="phone",
        result="no_answer",
        notes=SEALED_NOTE,
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT sought_name, phone, address FROM protection_tracingrequest WHERE id = %s", [mother.pk])
        stored = " ".join(cursor.fetchone())
        cursor.execute("SELECT notes FROM protection_tracingstep WHERE request_id = %s", [mother.pk])
        stored += cursor.fetchone()[0]
    assert SEALED_NAME not in stored and "5512 3344" not in stored and "Chuicavioc" not in stored
    assert SEALED_NOTE not in stored
    assert TracingStep.objects.get().notes == SEALED_NOTE
    written = AuditEvent.objects.filter(action__in=[AuditAction.TRACING_REQUEST_OPEN, AuditAction.TRACING_STEP_ADD])
    assert written.count() == 2
    assert not [e for e in written if SEALED_NAME in str(e.new) or SEALED_NOTE in str(e.new)]
    assert SEALED_NAME not in str(mother)


def test_the_recommendation_must_follow_from_the_checklist(minor_case, protection_officer):
    with pytest.raises(ValidationError) as refused:
        _assess(minor_case, protection_officer, safety=0)
    assert "recommendation" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        _assess(minor_case, protection_officer, child_view_heard=False)
    assert "child_view_heard" in refused.value.message_dict
    with pytest.raises(ValidationError):  # risks found: with support at most
        _assess(minor_case, protection_officer, risks_found=True)
    assert _assess(minor_case, protection_officer, "reunify_with_support", risks_found=True).score == 6
    assert _assess(minor_case, protection_officer, "do_not_reunify", safety=0).score == 4


def test_the_caregiver_defaults_to_the_person_sought(minor_case, protection_officer):
    mother = _mother(minor_case, protection_officer)
    assessment = _assess(minor_case, protection_officer, tracing_request=mother, caregiver_name="", relationship="")
    assert (assessment.caregiver_name, assessment.relationship) == ("Rosa Ramos", "mother")


def test_a_handover_to_family_needs_an_assessment_recommending_that_caregiver(
    minor_case, protection_officer, client_for
):
    with pytest.raises(ValidationError) as refused:  # no assessment at all
        _hand_over(minor_case, protection_officer, None, guardian_name="Rosa Ramos", relationship="mother")
    assert "assessment" in refused.value.message_dict
    against = _assess(minor_case, protection_officer, "do_not_reunify", safety=0)
    with pytest.raises(ValidationError) as refused:
        _hand_over(minor_case, protection_officer, against, guardian_name="Rosa Ramos", relationship="mother")
    assert "assessment" in refused.value.message_dict
    for_rosa = _assess(minor_case, protection_officer)
    with pytest.raises(ValidationError) as refused:  # the assessment is of someone else
        _hand_over(minor_case, protection_officer, for_rosa, guardian_name="Pedro Ajcá", relationship="father")
    assert "guardian_name" in refused.value.message_dict
    assert not minor_case.custody_events.filter(stage="handover_guardian").exists()
    # The page shows the refusal, in the user's language.
    page = client_for(protection_officer).post(
        reverse("protection:case_write", args=[minor_case.pk, "custody"]),
        {
            "stage": "handover_guardian",
            "guardian_name": "Rosa Ramos",
            "relationship": "mother",
            "document_checked": "on",
            "document_number": "1",
            "authorised_by": "PGN",
        },
        HTTP_ACCEPT_LANGUAGE="es",
        follow=True,
    )
    assert "Registre una evaluación familiar" in page.content.decode()
    event = _hand_over(minor_case, protection_officer, for_rosa, guardian_name="ROSA  ramos")
    assert event.assessment == for_rosa and event.relationship == "mother"


def test_the_pgn_handover_needs_no_family_assessment(minor_case, protection_officer):
    from retorno.accounts.models import Organisation

    pgn = Organisation.objects.create(slug="pgn", name="PGN", kind="government")
    event = actions.custody_record(
        actor=protection_officer, case=minor_case, stage="handover_pgn", organisation=pgn, authorised_by="Juez"
    )
    assert event.stage == CustodyEvent.Stage.HANDOVER_PGN and event.assessment is None


def test_visits_follow_the_handover_and_reach_the_officers_worklist(minor_case, protection_officer, protection_lead):
    with pytest.raises(ValidationError):  # not reunified yet
        actions.visit_schedule(actor=protection_officer, case=minor_case, scheduled_on=TODAY())
    _hand_over(minor_case, protection_officer, _assess(minor_case, protection_officer))
    visit = actions.visit_schedule(actor=protection_officer, case=minor_case, scheduled_on=TODAY())
    later = actions.visit_schedule(
        actor=protection_officer, case=minor_case, scheduled_on=TODAY() + datetime.timedelta(days=30)
    )
    assert list(visits_due(protection_officer)) == [visit]  # a month ahead is not due yet
    assert list(visits_due(protection_lead)) == []  # the worklist is the assigned officer's
    with pytest.raises(ValidationError) as refused:
        actions.visit_record(actor=protection_officer, visit=visit, done_on=TODAY(), wellbeing=4, next_visit_on=TODAY())
    assert "next_visit_on" in refused.value.message_dict
    actions.visit_record(
        actor=protection_officer,
        visit=visit,
        done_on=TODAY(),
        wellbeing=4,
        concerns="Falta de útiles escolares.",
        next_visit_on=TODAY() + datetime.timedelta(days=3),
    )
    visit.refresh_from_db()
    assert (visit.visitor, visit.wellbeing, visit.concerns) == (protection_officer, 4, "Falta de útiles escolares.")
    due = list(visits_due(protection_officer))
    assert len(due) == 1 and due[0].scheduled_on == TODAY() + datetime.timedelta(days=3) and due[0] != later
    with pytest.raises(ValidationError):
        actions.visit_record(actor=protection_officer, visit=visit, done_on=TODAY(), wellbeing=4)
    assert AuditEvent.objects.filter(action=AuditAction.VISIT_RECORD).count() == 1
    assert AuditEvent.objects.filter(action=AuditAction.VISIT_SCHEDULE).count() == 3


def test_the_minor_section_page_writes_and_shows_all_of_it(minor_case, protection_officer, client_for):
    client = client_for(protection_officer)
    section = reverse("protection:case_section", args=[minor_case.pk, "minor"])

    def post(what, data):
        response = client.post(reverse("protection:case_write", args=[minor_case.pk, what]), data)
        assert response.status_code == 302 and response["Location"] == section
        return response

    post("tracing_request", {"sought_name": SEALED_NAME, "relationship": "aunt_uncle", "phone": "5512"})
    found = TracingRequest.objects.get(case=minor_case)
    post(
        "tracing_step",
        {
            "tracing_request": found.pk,
            "on": TODAY().isoformat(),
            "method": "community",
            "result": "located",
            "notes": SEALED_NOTE,
        },
    )
    post("tracing_status", {"tracing_request": found.pk, "status": "located", "outcome": "Localizada."})
    post(
        "family_assessment",
        {
            "tracing_request": found.pk,
            "assessed_on": TODAY().isoformat(),
            "safety": "2",
            "willingness": "2",
            "capacity": "1",
            "child_view_heard": "on",
            "recommendation": "reunify_with_support",
        },
    )
    assessment = minor_case.family_assessments.get()
    assert assessment.caregiver_name == SEALED_NAME and assessment.relationship == "aunt_uncle"
    post(
        "custody",
        {
            "stage": "handover_guardian",
            "assessment": assessment.pk,
            "document_checked": "on",
            "document_number": "2456789010801",
            "authorised_by": "PGN",
        },
    )
    handover = minor_case.custody_events.get(stage="handover_guardian")
    assert handover.relationship == "other_relative"  # an aunt is another relative in the chain of custody
    post("visit_schedule", {"scheduled_on": TODAY().isoformat()})
    visit = minor_case.reunification_visits.get()
    post("visit_record", {"visit": visit.pk, "done_on": TODAY().isoformat(), "wellbeing": "5"})
    html = client.get(section, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    for shown in (
        SEALED_NAME,
        SEALED_NOTE,
        "Aunt or uncle",
        "Community leaders or neighbours",
        "Located",
        "Reunify with support",
        "Score 5/6",
        "Very good",
    ):
        assert shown in html
    assert "Tía o tío" in client.get(section, HTTP_ACCEPT_LANGUAGE="es").content.decode()


def test_the_minor_section_speaks_labels_in_both_languages(minor_case, protection_officer, client_for):
    from retorno.tests_pages.visible import Checker

    mother = _mother(minor_case, protection_officer)
    actions.tracing_step_add(
        actor=protection_officer, tracing_request=mother, on=TODAY(), method="social_media", result="lead"
    )
    actions.tracing_request_set_status(
        actor=protection_officer, tracing_request=mother, status="not_located", outcome="Sin rastro."
    )
    _hand_over(
        minor_case, protection_officer, _assess(minor_case, protection_officer, "reunify_with_support", capacity=1)
    )
    visit = actions.visit_schedule(actor=protection_officer, case=minor_case, scheduled_on=TODAY())
    actions.visit_record(
        actor=protection_officer,
        visit=visit,
        done_on=TODAY(),
        wellbeing=2,
        next_visit_on=TODAY() + datetime.timedelta(days=7),
    )
    client = client_for(protection_officer)
    checker = Checker()
    typed = {"Rosa Ramos", "Aldea Chuicavioc", "5512 3344", "La tía en Estados Unidos", "Sin rastro"}
    names = frozenset({*typed, str(protection_officer)})  # the test user's name is data, not interface
    for lang in ("es", "en"):
        for url in (reverse("protection:case_section", args=[minor_case.pk, "minor"]), reverse("protection:index")):
            html = client.get(url, HTTP_ACCEPT_LANGUAGE=lang).content.decode()
            assert checker.faults(html, lang, names) == [], (lang, url)
