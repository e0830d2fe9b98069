"""Trainings through the actions: repeat participants, attendance, scores, certificates, figures."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from retorno.audit.models import AuditEvent
from retorno.outreach import actions
from retorno.outreach.models import AuditAction, Training
from retorno.outreach.queries import certificate_holders, officials_trained, outreach_totals


def _held_with_results(officer, training, judge, other):
    e1 = actions.training_enrol(actor=officer, training=training, participant=judge)
    e2 = actions.training_enrol(actor=officer, training=training, participant=other)
    for session in training.sessions.all():
        actions.training_attendance_record(actor=officer, session=session, present_enrolment_ids={e1.pk})
    actions.training_scores_record(actor=officer, training=training, scores={e1.pk: (40, 85), e2.pk: (50, 90)})
    actions.training_set_status(actor=officer, training=training, status=Training.Status.HELD)
    return e1, e2


def test_a_repeat_participant_is_recognised_despite_accents_and_case(officer, judiciary, judge):
    again, created = actions.participant_find_or_create(
        actor=officer,
        full_name="MARIA JOSE  Q'UEL IXCOY",
        institution=judiciary,
        position="",
        sex="F",
        phone="5555-1234",
    )
    assert (again, created) == (judge, False)
    again.refresh_from_db()
    assert again.phone == "5555-1234" and again.position == "Jueza de paz"


def test_certificates_go_to_who_attended_and_passed(officer, training, judge, judiciary):
    other, _ = actions.participant_find_or_create(
        actor=officer, full_name="Pedro Tzoc", institution=judiciary, position="Juez de paz", sex="M"
    )
    e1, _e2 = _held_with_results(officer, training, judge, other)
    assert certificate_holders(training) == [e1]
    pdf = actions.certificates_issue(actor=officer, training=training)
    assert pdf.startswith(b"%PDF") and len(pdf) > 1000
    event = AuditEvent.objects.get(action=AuditAction.CERTIFICATES_PRINT)
    assert event.new == {"certificates": [e1.certificate_number]}


def test_the_pdf_embeds_a_unicode_font_so_accents_print(officer, training, judge, judiciary):
    _held_with_results(officer, training, judge, _other(officer, judiciary))
    pdf = actions.certificates_issue(actor=officer, training=training)
    assert b"DejaVu" in pdf


def _other(officer, judiciary):
    return actions.participant_find_or_create(
        actor=officer, full_name="Ana Ajú", institution=judiciary, position="Secretaria", sex="F"
    )[0]


def test_no_certificates_before_the_training_is_held(officer, training):
    with pytest.raises(ValidationError):
        actions.certificates_issue(actor=officer, training=training)


def test_scores_out_of_range_change_nothing(officer, training, judge):
    enrolment = actions.training_enrol(actor=officer, training=training, participant=judge)
    with pytest.raises(ValidationError) as caught:
        actions.training_scores_record(actor=officer, training=training, scores={enrolment.pk: (40, 120)})
    assert "scores" in caught.value.message_dict
    enrolment.refresh_from_db()
    assert enrolment.post_score is None


def test_cancelling_needs_a_reason_and_writes_the_history(officer, training):
    with pytest.raises(ValidationError):
        actions.training_set_status(actor=officer, training=training, status=Training.Status.CANCELLED)
    actions.training_set_status(actor=officer, training=training, status="cancelled", reason="Paro judicial")
    change = training.status_changes.get()
    assert (change.from_status, change.to_status, change.actor, change.reason) == (
        "planned",
        "cancelled",
        officer,
        "Paro judicial",
    )
    with pytest.raises(ValidationError):
        actions.training_session_add(actor=officer, training=training, date=datetime.date(2026, 5, 4), subject="x")


def test_figures_count_each_official_once_by_institution_and_sex(officer, training, judge, judiciary):
    other = _other(officer, judiciary)
    _held_with_results(officer, training, judge, other)
    by_sex = {r["group"]: r["officials"] for r in officials_trained(by="sex")}
    assert by_sex == {"F": 2}
    totals = outreach_totals()
    assert (totals["officials_trained"], totals["judges_trained"], totals["trainings_held"]) == (2, 2, 1)
    assert totals["average_score_gain"] == 42.5


def test_only_the_roles_that_run_outreach_plan_trainings(clerk, monitor, shelter_partner, judiciary):
    for user in (clerk, monitor, shelter_partner):
        with pytest.raises(PermissionDenied):
            actions.training_create(
                actor=user,
                title="x",
                topic="trafficking",
                audience="judges",
                starts_on=datetime.date(2026, 1, 1),
                ends_on=datetime.date(2026, 1, 1),
            )
