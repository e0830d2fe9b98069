"""``manage.py bench messages``: queue N follow-up reminders and deliver them through a fake
gateway (a separate process on 127.0.0.1) with the real background worker; prints the seconds of
each phase and one JSON line."""

import json
import subprocess
import sys
import time
import urllib.request
import uuid

from django.conf import settings
from django.test.utils import override_settings
from django_tasks_db.management.commands.db_worker import Worker

from retorno.messaging.actions import MessageSpec, messages_queue_many
from retorno.messaging.models import OutboundMessage

TARGETS = {"queue_and_deliver_s": 60}


def _worker(run_id: str) -> Worker:
    return Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=f"bench-{run_id}",
        excluded_queue_names=[],
    )


def run(*, count: int = 10_000, stdout=None) -> dict:
    run_id = uuid.uuid4().hex[:8]
    gateway = subprocess.Popen(  # noqa: S603 (our own module)
        [sys.executable, "-m", "retorno.messaging.testing"], stdout=subprocess.PIPE, text=True
    )
    try:
        url = gateway.stdout.readline().strip()
        channel = {"BACKEND": "retorno.messaging.backends.HttpGatewayBackend", "URL": url, "TOKEN": "test-token"}
        with override_settings(
            MESSAGE_QUIET_HOURS=(0, 0), MESSAGE_CHANNELS={**settings.MESSAGE_CHANNELS, "sms": channel}
        ):
            specs = [
                MessageSpec(
                    channel="sms",
                    template="followup.reminder",
                    recipient=f"+5024{i:07d}",
                    params={"programme": "Programa de Retornados", "link": f"https://retorno.example.org/f/{i}"},
                    dedupe_key=f"bench-{run_id}-{i}",
                )
                for i in range(count)
            ]
            started = time.perf_counter()
            created = messages_queue_many(actor=None, specs=specs)
            queued = time.perf_counter()
            _worker(run_id).run()
            done = time.perf_counter()
        # The fake gateway this benchmark started on 127.0.0.1 (its URL is read from the child process).
        with urllib.request.urlopen(url) as answer:  # noqa: S310 # nosec B310
            received = json.loads(answer.read())
    finally:
        gateway.kill()
        gateway.wait()
    sent = OutboundMessage.objects.filter(pk__in=[m.pk for m in created], status=OutboundMessage.Status.SENT).count()
    return {
        "messages": count,
        "queue_s": round(queued - started, 2),
        "deliver_s": round(done - queued, 2),
        "queue_and_deliver_s": round(done - started, 2),
        "sent": sent,
        "gateway_received": received["requests"],
        "gateway_unique": received["unique"],
        "messages_per_s": round(count / (done - started), 1),
    }
