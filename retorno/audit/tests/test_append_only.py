"""The audit log cannot be changed or deleted, by the application or (on PostgreSQL) in SQL."""

import pytest
from django.db import DatabaseError, connection, transaction

from retorno.audit.models import AuditEvent
from retorno.people.actions import person_update

pytestmark = pytest.mark.django_db


def test_every_write_records_actor_old_and_new(clerk, person):
    person_update(actor=clerk, person=person, given_names="José Luis Antonio")
    event = AuditEvent.objects.get(action="person.update")
    assert event.actor == clerk and event.object_type == "people.person" and event.object_id == str(person.pk)
    assert event.old == {"given_names": "José Luis"} and event.new == {"given_names": "José Luis Antonio"}


def test_application_refuses_changes_and_deletes(clerk, person):
    event = AuditEvent.objects.filter(action="person.create").get()
    event.reason = "tampered"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.update(reason="x")
    assert AuditEvent.objects.get(pk=event.pk).reason == ""


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="database triggers are PostgreSQL's; SQLite relies on the application guards",
)
def test_postgresql_refuses_update_and_delete_in_sql(clerk, person):
    event = AuditEvent.objects.filter(action="person.create").get()
    for sql in ("UPDATE audit_auditevent SET reason = 'x' WHERE id = %s", "DELETE FROM audit_auditevent WHERE id = %s"):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [event.pk])
    assert AuditEvent.objects.filter(pk=event.pk, reason="").exists()


def test_no_admin_screen_for_audit(administrator, client_for):
    assert client_for(administrator).get("/admin/audit/auditevent/").status_code == 404
