"""Seal who authorised a minor's handover and who took a best-interest decision (tier 2).

The columns become encrypted text; values already stored are encrypted in place, and the
plaintext copies the audit log took of them are redacted to '[sealed]'.
"""

from django.db import migrations, models

import retorno.lib.crypto

SEALED = (
    ("protection_custodyevent", "authorised_by"),
    ("protection_bestinterestdecision", "decided_by"),
)
AUDITED = {"protection.custody_record": "authorised_by", "protection.best_interest_record": "decided_by"}


def _is_encrypted(value: str) -> bool:
    try:
        retorno.lib.crypto.decrypt(value)
    except Exception:  # noqa: BLE001 — plaintext is what we are looking for
        return False
    return True


def encrypt_existing(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for table, column in SEALED:
            t, c = connection.ops.quote_name(table), connection.ops.quote_name(column)
            cursor.execute(f"SELECT id, {c} FROM {t} WHERE {c} <> ''")  # noqa: S608 — fixed names
            for pk, value in cursor.fetchall():
                if value and not _is_encrypted(value):
                    cursor.execute(
                        f"UPDATE {t} SET {c} = %s WHERE id = %s",  # noqa: S608
                        [retorno.lib.crypto.encrypt(value), pk],
                    )


def decrypt_existing(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for table, column in SEALED:
            t, c = connection.ops.quote_name(table), connection.ops.quote_name(column)
            cursor.execute(f"SELECT id, {c} FROM {t} WHERE {c} <> ''")  # noqa: S608
            for pk, value in cursor.fetchall():
                if value and _is_encrypted(value):
                    plain = retorno.lib.crypto.decrypt(value)
                    cursor.execute(f"UPDATE {t} SET {c} = %s WHERE id = %s", [plain, pk])  # noqa: S608


def redact_audit(apps, schema_editor):
    """Audit rows are append-only; this one-off redaction of tier-2 plaintext lifts the guard briefly."""
    AuditEvent = apps.get_model("audit", "AuditEvent")
    rows = [
        row
        for row in AuditEvent.objects.filter(action__in=list(AUDITED)).only("id", "action", "new")
        if isinstance(row.new, dict) and row.new.get(AUDITED[row.action]) not in (None, "", "[sealed]")
    ]
    if not rows:
        return
    postgres = schema_editor.connection.vendor == "postgresql"
    if postgres:
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # ALTER TABLE refuses pending trigger events
        schema_editor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER audit_event_no_update")
    for row in rows:
        row.new[AUDITED[row.action]] = "[sealed]"
        # A plain queryset: the model's own refuses every update, by design.
        models.QuerySet(model=AuditEvent).filter(pk=row.pk).update(new=row.new)
    if postgres:
        schema_editor.execute("ALTER TABLE audit_auditevent ENABLE TRIGGER audit_event_no_update")


class Migration(migrations.Migration):
    dependencies = [
        ("protection", "0002_seal_protection_consents"),
        ("audit", "0002_append_only_triggers"),
    ]

    operations = [
        migrations.AlterField(
            model_name="bestinterestdecision",
            name="decided_by",
            field=retorno.lib.crypto.EncryptedCharField(max_length=200, verbose_name="decided by (authority or panel)"),
        ),
        migrations.AlterField(
            model_name="custodyevent",
            name="authorised_by",
            field=retorno.lib.crypto.EncryptedCharField(blank=True, max_length=200, verbose_name="authorised by"),
        ),
        migrations.RunPython(encrypt_existing, decrypt_existing),
        migrations.RunPython(redact_audit, migrations.RunPython.noop),
    ]
