"""Encryption at rest: round trip, key rotation, and the sentinel that never reaches the disk."""

import os
import shutil
import subprocess
from glob import glob

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection

from retorno.lib.crypto import DecryptionError, decrypt, encrypt
from retorno.protection import actions
from retorno.protection.models import CaseNote, LegalCase
from retorno.protection.tests.conftest import SENTINEL, fiscalia

OLD, NEW = Fernet.generate_key().decode(), Fernet.generate_key().decode()


def raw_value(model, pk, field: str) -> str:
    column = model._meta.get_field(field).column
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {model._meta.db_table} WHERE id = %s", [pk])  # noqa: S608
        return cursor.fetchone()[0]


def test_round_trip_and_ciphertext_in_the_column(db, victim_case, protection_officer):
    note = actions.note_add(actor=protection_officer, case=victim_case, text="Relato de la persona")
    stored = raw_value(CaseNote, note.pk, "text")
    assert "Relato" not in stored
    assert decrypt(stored) == "Relato de la persona"
    assert CaseNote.objects.get(pk=note.pk).text == "Relato de la persona"


def test_key_rotation(db, settings, victim_case, protection_officer):
    settings.ENCRYPTION_KEYS = [OLD]
    note = actions.note_add(actor=protection_officer, case=victim_case, text="antes de rotar")
    old_token = raw_value(CaseNote, note.pk, "text")

    settings.ENCRYPTION_KEYS = [NEW, OLD]  # the new key encrypts, the old one still decrypts
    assert CaseNote.objects.get(pk=note.pk).text == "antes de rotar"
    assert decrypt(encrypt("x")) == "x"
    fresh = encrypt("nuevo")
    settings.ENCRYPTION_KEYS = [NEW]
    assert decrypt(fresh) == "nuevo"  # written with the new key
    with pytest.raises(DecryptionError):
        decrypt(old_token)  # not yet re-encrypted: needs the old key

    settings.ENCRYPTION_KEYS = [NEW, OLD]
    call_command("protection_rotate_keys", "--quiet")
    settings.ENCRYPTION_KEYS = [NEW]  # after the command, only the new key is needed
    assert raw_value(CaseNote, note.pk, "text") != old_token
    assert CaseNote.objects.get(pk=note.pk).text == "antes de rotar"
    assert CaseNote.objects.get(pk=note.pk).case.person_id == victim_case.person_id


def _save_sentinel(victim_case, protection_officer) -> None:
    import datetime

    actions.note_add(actor=protection_officer, case=victim_case, text=f"La persona relató: {SENTINEL}")
    actions.legal_case_open(
        actor=protection_officer,
        case=victim_case,
        complaint_number=f"MP-{SENTINEL}",
        prosecutor_office=fiscalia(),
        filed_on=datetime.date(2026, 1, 5),
    )
    assert LegalCase.objects.get(case=victim_case).complaint_number == f"MP-{SENTINEL}"


@pytest.mark.django_db(transaction=True)
def test_sentinel_absent_from_sqlite_file(tmp_path, reference_data_loaded, victim_case, protection_officer):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite half of the sentinel test; the PostgreSQL half runs under scripts/with-postgres.")
    _save_sentinel(victim_case, protection_officer)
    dump = tmp_path / "dump.sqlite3"
    with connection.cursor() as cursor:
        cursor.execute("VACUUM INTO %s", [str(dump)])
    data = dump.read_bytes()
    assert len(data) > 10_000  # a real copy of the database
    assert b"Fiscal\xc3\xada contra la Trata" in data  # plain columns are there: the dump is readable
    assert SENTINEL.encode() not in data
    assert SENTINEL.encode("utf-16-le") not in data


def _pg_dump() -> str | None:
    found = shutil.which("pg_dump") or next(iter(sorted(glob("/usr/lib/postgresql/*/bin/pg_dump"))), None)
    return found


@pytest.mark.django_db(transaction=True)
def test_sentinel_absent_from_pg_dump(reference_data_loaded, victim_case, protection_officer):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL half of the sentinel test: run it with scripts/with-postgres (SQLite has no pg_dump).")
    binary = _pg_dump()
    assert binary, "pg_dump is needed for the PostgreSQL sentinel test"
    _save_sentinel(victim_case, protection_officer)
    db = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""}
    result = subprocess.run(  # noqa: S603 — fixed binary, arguments from our own settings
        [
            binary,
            "-h",
            db["HOST"] or "localhost",
            "-p",
            str(db["PORT"] or 5432),
            "-U",
            db["USER"],
            "--data-only",
            db["NAME"],
        ],
        capture_output=True,
        check=True,
        env=env,
    )
    assert b"Fiscal\xc3\xada contra la Trata" in result.stdout
    assert SENTINEL.encode() not in result.stdout


def test_rotate_command_reports(db, victim_case, protection_officer, capsys):
    actions.note_add(actor=protection_officer, case=victim_case, text="uno")
    call_command("protection_rotate_keys", "--quiet")
    assert "re-encrypted" in capsys.readouterr().out
