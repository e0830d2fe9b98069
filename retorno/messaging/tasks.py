"""Background work (Django's Tasks, the ``django-tasks`` backport with its database backend).

Why this framework: it is Django's own Tasks API (``django.tasks`` from Django 6.0), so moving to
Django 6 changes an import; its database backend needs no broker and runs on SQLite (the embedded
default) as on PostgreSQL. Tasks carry ids only, never personal data.
"""

import datetime

from django.conf import settings
from django_tasks import task

DELIVERY_BATCH = 100


@task(queue_name="messages")
def deliver_messages(message_ids: list[int]) -> dict:
    from retorno.messaging.actions import messages_deliver

    return messages_deliver(ids=message_ids, limit=len(message_ids))


@task(queue_name="messages")
def sweep() -> int:
    from retorno.messaging.actions import messages_sweep

    return messages_sweep()


def enqueue_delivery(ids: list[int], *, run_after: datetime.datetime | None = None) -> None:
    """Hand ``ids`` to the workers in batches; a batch due later waits until ``run_after``."""
    batch = getattr(settings, "MESSAGE_DELIVERY_BATCH", DELIVERY_BATCH)
    for start in range(0, len(ids), batch):
        chunk = ids[start : start + batch]
        (deliver_messages.using(run_after=run_after) if run_after else deliver_messages).enqueue(chunk)
