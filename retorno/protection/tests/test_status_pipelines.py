"""Protection's two status machines run on ``lib.workflow``; writes are refused to who cannot read the case."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from retorno.audit.models import AuditEvent
from retorno.protection import actions
from retorno.protection.audit_actions import AuditAction
from retorno.protection.models import CaseStatusChange, LegalStatusChange, ProtectionCase
from retorno.protection.tests.conftest import fiscalia

pytestmark = pytest.mark.django_db

D = datetime.date


def _legal(case, officer):
    return actions.legal_case_open(
        actor=officer,
        case=case,
        complaint_number="MP-2026-1",
        prosecutor_office=fiscalia(),
        filed_on=D(2026, 1, 10),
    )


def test_illegal_moves_are_named_by_labels(victim_case, protection_officer):
    with pytest.raises(ValidationError) as refused:
        actions.case_set_status(actor=protection_officer, case=victim_case, status="Active")
    assert refused.value.error_dict["status"][0].code == "illegal_transition"
    assert "«Activo»" in " ".join(refused.value.messages)  # the label in the reader's language, not the code
    legal = _legal(victim_case, protection_officer)
    with pytest.raises(ValidationError) as refused:
        actions.legal_case_set_status(actor=protection_officer, legal_case=legal, status="conviction", on=D(2026, 2, 1))
    text = " ".join(refused.value.messages)
    assert "conviction" not in text and "complaint_filed" not in text


def test_history_speaks_the_workflow_vocabulary_and_keeps_the_reason_sealed(victim_case, protection_officer):
    actions.case_set_status(actor=protection_officer, case=victim_case, status="Closed", reason="RAZON-SELLADA")
    change = victim_case.status_changes.last()
    assert (change.from_status, change.to_status, change.actor) == ("Active", "Closed", protection_officer)
    assert change.to_label in ("Closed", "Cerrado")
    assert "RAZON-SELLADA" not in f"{change.reason}{change}"
    event = AuditEvent.objects.get(action=AuditAction.CASE_STATUS)
    assert "RAZON-SELLADA" not in f"{event.old}{event.new}{event.reason}"
    assert ProtectionCase.objects.get(pk=victim_case.pk).closure_reason == "RAZON-SELLADA"
    legal = _legal(victim_case, protection_officer)
    actions.legal_case_set_status(actor=protection_officer, legal_case=legal, status="investigation", on=D(2026, 2, 1))
    step = legal.changes.last()
    assert (step.from_status, step.to_status, step.on, step.actor) == (
        "complaint_filed",
        "investigation",
        D(2026, 2, 1),
        protection_officer,
    )
    assert str(step) == f"{LegalStatusChange._meta.verbose_name} #{step.pk}"  # still sealed in its text form


def test_actions_refuse_writers_who_cannot_read_the_case(victim_case, psy_case, psychologist, manager):
    with pytest.raises(PermissionDenied):
        actions.note_add(actor=psychologist, case=victim_case, text="no")
    with pytest.raises(PermissionDenied):
        actions.case_set_status(actor=manager, case=psy_case, status="Closed")
    with pytest.raises(PermissionDenied):
        actions.tracing_request_open(actor=psychologist, case=victim_case, sought_name="X", relationship="mother")
    assert not victim_case.notes.exists()


def test_case_page_shows_the_badge_and_the_allowed_moves_by_label(client_for, victim_case, protection_officer):
    page = client_for(protection_officer).get(
        reverse("protection:case", args=[victim_case.pk]), HTTP_ACCEPT_LANGUAGE="en"
    )
    html = page.content.decode()
    assert '<span class="badge">Active</span>' in html
    assert '<option value="FollowUp">Follow-up</option>' in html
    assert '<option value="Active">' not in html
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.VIEW, object_id=str(victim_case.pk)).count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_migration_renames_history_columns_and_keeps_the_rows(
    reference_data_loaded, clerk, protection_officer, person
):
    case = actions.referral_take(
        actor=protection_officer, referral=actions.protection_referral_receive(actor=clerk, person=person)
    )
    actions.case_set_status(actor=protection_officer, case=case, status="FollowUp")
    executor = MigrationExecutor(connection)
    executor.migrate([("protection", "0005_merge_shelter_referrals")])
    with connection.cursor() as cursor:
        cursor.execute("SELECT old, new, by_id FROM protection_casestatuschange ORDER BY id")
        assert cursor.fetchall() == [
            ("", "Active", protection_officer.pk),
            ("Active", "FollowUp", protection_officer.pk),
        ]
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    rows = list(CaseStatusChange.objects.filter(case=case).values_list("from_status", "to_status", "actor_id"))
    assert rows == [("", "Active", protection_officer.pk), ("Active", "FollowUp", protection_officer.pk)]
