"""One demo programme per test worker, built once inside a transaction rolled back at the end.

The walker's tests are grouped on one xdist worker (``xdist_group``) so the demo is built once.
"""

import pytest
from django.core.management import call_command
from django.db import transaction


@pytest.fixture(scope="module")
def demo_programme(django_db_setup, django_db_blocker):
    import io

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("demo_data", persons=100, quiet=True, stdout=io.StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
