"""Re-encrypt every encrypted column with the first key of RETORNO_ENCRYPTION_KEYS.

Rotation: put the new key first, keep the old ones, run this command, then drop the old keys.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from tqdm import tqdm

from retorno.lib.crypto import encrypted_fields, rotate

BATCH = 500


class Command(BaseCommand):
    help = "Re-encrypt every encrypted column with the current (first) encryption key."

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="No progress bar.")

    def handle(self, *args, quiet: bool = False, **options):
        total = 0
        for model, names in encrypted_fields():
            columns = [model._meta.get_field(n).column for n in names]
            rows = model._base_manager.count()
            label = model._meta.label
            with tqdm(total=rows, desc=label, unit="row", disable=quiet, file=self.stderr) as bar:
                # Raw values (ciphertext) are read and written as-is: no plaintext passes through Python objects.
                last_pk = None
                while True:
                    batch = self._raw(model, columns, last_pk)
                    if not batch:
                        break
                    with transaction.atomic():
                        for pk, *values in batch:
                            updates = {c: rotate(v) for c, v in zip(columns, values, strict=True) if v}
                            if updates:
                                self._write(model, pk, updates)
                    last_pk = batch[-1][0]
                    bar.update(len(batch))
            total += rows
        self.stdout.write(f"re-encrypted {total} rows")

    @staticmethod
    def _raw(model, columns: list[str], last_pk) -> list[tuple]:
        from django.db import connection

        table = connection.ops.quote_name(model._meta.db_table)
        pk = connection.ops.quote_name(model._meta.pk.column)
        cols = ", ".join(connection.ops.quote_name(c) for c in columns)
        where = f"WHERE {pk} > %s" if last_pk is not None else ""
        params = [last_pk] if last_pk is not None else []
        # Identifiers come from model metadata, quoted by the backend; values are parameters.
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {pk}, {cols} FROM {table} {where} ORDER BY {pk} LIMIT {BATCH}", params)  # noqa: S608  # nosec B608
            return cursor.fetchall()

    @staticmethod
    def _write(model, pk, updates: dict[str, str]) -> None:
        from django.db import connection

        table = connection.ops.quote_name(model._meta.db_table)
        pk_col = connection.ops.quote_name(model._meta.pk.column)
        sets = ", ".join(f"{connection.ops.quote_name(c)} = %s" for c in updates)
        # Identifiers come from model metadata, quoted by the backend; values are parameters.
        with connection.cursor() as cursor:
            cursor.execute(f"UPDATE {table} SET {sets} WHERE {pk_col} = %s", [*updates.values(), pk])  # noqa: S608  # nosec B608
