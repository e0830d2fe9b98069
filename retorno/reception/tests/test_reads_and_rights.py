"""The reads write their own audit; the writes check their own permission (whatever page or endpoint calls them)."""

import pytest
from django.core.exceptions import PermissionDenied

from retorno.audit.models import AuditEvent
from retorno.reception import actions, hooks
from retorno.reception.audit_actions import AuditAction
from retorno.reception.queries import arrival_get_for, flight_get_for, minor_handed_to_protection

from .conftest import open_reception

pytestmark = pytest.mark.django_db


def views_of(action: str) -> int:
    return AuditEvent.objects.filter(kind=AuditEvent.Kind.VIEW, action=action).count()


def test_arrival_get_for_audits_the_read_only_when_it_names_its_section(open_flight, clerk):
    walk = actions.walk_in_register(actor=clerk, flight=open_flight, given_names="Rosa", first_surname="Xol")
    arrival_get_for(user=clerk, arrival_id=walk.pk)
    assert views_of(AuditAction.ARRIVAL_VIEW) == 0
    arrival_get_for(user=clerk, arrival_id=walk.pk, section="arrival")
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.VIEW, action="reception.arrival.view")
    assert (event.person_id, event.section) == (walk.person_id, "arrival")


def test_flight_get_for_audits_the_minors_section(flight, protection_officer):
    flight_get_for(user=protection_officer, flight_id=flight.pk, permission="reception.minors_view")
    assert views_of(AuditAction.MINORS_VIEW) == 0
    flight_get_for(user=protection_officer, flight_id=flight.pk, permission="reception.minors_view", section="minors")
    assert views_of("reception.minors.view") == 1


def test_the_minors_page_writes_one_read_row(flight, protection_officer, client_for):
    assert client_for(protection_officer).get(f"/reception/flights/{flight.pk}/minors/").status_code == 200
    assert views_of(AuditAction.MINORS_VIEW) == 1


def test_writes_refuse_a_user_without_the_permission(flight, clerk, monitor, protection_officer):
    with pytest.raises(PermissionDenied):
        actions.flight_create(actor=monitor, date=flight.date, origin="Mesa", carrier="GlobalX")
    with pytest.raises(PermissionDenied):
        actions.flight_set_status(actor=protection_officer, flight=flight, status="arrived")
    flight = open_reception(flight, clerk)
    with pytest.raises(PermissionDenied):
        actions.walk_in_register(actor=monitor, flight=flight, given_names="Rosa", first_surname="Xol")
    walk = actions.walk_in_register(actor=clerk, flight=flight, given_names="Rosa", first_surname="Xol")
    with pytest.raises(PermissionDenied):
        actions.triage_record(actor=monitor, arrival=walk)
    with pytest.raises(PermissionDenied):
        actions.service_record(actor=protection_officer, arrival=walk, kind="refreshment")


def test_audit_action_values_are_the_stored_names():
    assert AuditAction.SUMMARY_PDF == "reception.summary.pdf" and AuditAction.TRIAGE_RECORD == "triage.record"
    assert len({a.value for a in AuditAction}) == len(AuditAction)


def test_protection_answers_through_the_registry(open_flight, clerk, monkeypatch):
    """Reception asks protection only through what protection registered (it never imports it)."""
    walk = actions.walk_in_register(actor=clerk, flight=open_flight, given_names="Ana", first_surname="Tzul")
    monkeypatch.setattr(hooks, "_minor_handover", [lambda arrival: True])
    assert minor_handed_to_protection(walk) is True
    monkeypatch.setattr(hooks, "_minor_handover", [])
    assert minor_handed_to_protection(walk) is False
