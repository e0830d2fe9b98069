"""The one status mover: legal moves save and audit, illegal moves change nothing and say why in words."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.utils import translation

from retorno.audit.models import AuditEvent
from retorno.lib import workflow
from retorno.reception.models import Flight


class PipelineFlight(Flight):
    """A flight seen through the workflow helpers (``Flight`` inherits ``StatusPipeline``), with
    tones of its own so the test does not lean on reception's (proxy: no table of its own)."""

    STATUS_TONES = {Flight.Status.CLOSED: "ok", Flight.Status.ARRIVED: "warn"}

    class Meta:
        proxy = True
        app_label = "reception"


@pytest.fixture
def flight(clerk):
    return PipelineFlight.objects.create(
        date=datetime.date(2026, 3, 2), origin="Alexandria, LA", carrier="ICE Air", created_by=clerk
    )


def test_a_legal_move_saves_and_writes_one_audit_row(flight, clerk):
    workflow.transition(flight, Flight.Status.ARRIVED, actor=clerk, action="flight.status", reason="landed")
    flight.refresh_from_db()
    assert flight.status == Flight.Status.ARRIVED
    event = AuditEvent.objects.get(action="flight.status", object_id=str(flight.pk))
    assert (event.old, event.new, event.reason, event.actor) == (
        {"status": "announced"},
        {"status": "arrived"},
        "landed",
        clerk,
    )


def test_an_illegal_move_changes_nothing_and_names_both_statuses_by_label(flight, clerk):
    with translation.override("es"), pytest.raises(ValidationError) as caught:
        workflow.transition(flight, Flight.Status.CLOSED, actor=clerk, action="flight.status")
    error = caught.value.error_dict["status"][0]
    assert error.code == "illegal_transition"
    assert "Anunciado" in error.message and "Cerrado" in error.message
    assert "announced" not in error.message
    flight.refresh_from_db()
    assert flight.status == Flight.Status.ANNOUNCED
    assert not AuditEvent.objects.filter(action="flight.status").exists()


def test_extra_fields_are_set_and_audited_with_the_status(flight, clerk):
    workflow.transition(
        flight, Flight.Status.ARRIVED, actor=clerk, action="flight.status", fields={"arrived_count": 97}
    )
    flight.refresh_from_db()
    assert flight.arrived_count == 97
    assert AuditEvent.objects.get(action="flight.status").new == {"status": "arrived", "arrived_count": 97}


def test_a_required_reason_refuses_a_blank_one(flight, clerk):
    with pytest.raises(ValidationError) as caught:
        workflow.transition(flight, Flight.Status.ARRIVED, actor=clerk, action="flight.status", require_reason=True)
    assert "reason" in caught.value.message_dict
    flight.refresh_from_db()
    assert flight.status == Flight.Status.ANNOUNCED


def test_model_helpers_give_next_statuses_tone_and_finality(flight):
    assert flight.next_statuses() == [("arrived", str(Flight.Status.ARRIVED.label))]
    assert flight.can_move_to("arrived") and not flight.can_move_to("closed")
    assert flight.status_tone == "" and not flight.is_final
    flight.status = Flight.Status.CLOSED
    assert flight.is_final and flight.status_tone == "ok" and flight.next_statuses() == []


def test_the_badge_tag_shows_the_label_in_the_tone(flight):
    flight.status = Flight.Status.ARRIVED
    with translation.override("en"):
        html = Template("{% load workflow %}{% status_badge f %}").render(Context({"f": flight}))
    assert html == '<span class="badge warn">Arrived</span>'
