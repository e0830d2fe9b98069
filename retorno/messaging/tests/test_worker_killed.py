"""A worker killed in the middle of a batch loses nothing and the recipient gets nothing twice.

This runs the real ``manage.py worker`` in a subprocess against a database file of its own (so it
runs once, on the SQLite leg), kills it with SIGKILL while it is sending, and starts another.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from retorno.messaging.testing import FakeGateway

ROOT = Path(__file__).resolve().parents[3]
COUNT = 250

QUEUE = f"""
from retorno.messaging.actions import MessageSpec, messages_queue_many
specs = [MessageSpec(channel="sms", template="followup.reminder", recipient=f"+5025{{i:07d}}",
         params={{"programme": "Programa", "link": "https://r.example/f/{{i}}"}}, dedupe_key=f"kill-{{i}}")
         for i in range({COUNT})]
print(len(messages_queue_many(actor=None, specs=specs)))
"""
REPORT = """
from retorno.messaging.models import OutboundMessage
import json
print(json.dumps({"uuids": [str(u) for u in OutboundMessage.objects.values_list("uuid", flat=True)],
                  "statuses": sorted(set(OutboundMessage.objects.values_list("status", flat=True)))}))
"""


def _manage(env, *args, **kwargs):
    return subprocess.run(  # noqa: S603 (our own manage.py)
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True, **kwargs
    )


@pytest.mark.skipif(connection.vendor != "sqlite", reason="runs once, on the SQLite leg (its own database file)")
def test_worker_killed_mid_batch_loses_and_duplicates_nothing(tmp_path):
    with FakeGateway(delay=0.01) as gateway:
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'kill.sqlite3'}",
            "SMS_BACKEND": "retorno.messaging.backends.HttpGatewayBackend",
            "SMS_GATEWAY_URL": gateway.url,
            "SMS_GATEWAY_TOKEN": gateway.token,
            "MESSAGE_LEASE_SECONDS": "1",
            "MESSAGE_QUIET_FROM": "0",
            "MESSAGE_QUIET_UNTIL": "0",
        }
        _manage(env, "migrate", "--noinput")
        assert _manage(env, "shell", "-v", "0", "-c", QUEUE).stdout.strip() == str(COUNT)

        worker = subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", "worker", "--batch", "--no-startup-delay", "-v", "0"],
            cwd=ROOT,
            env=env,
        )
        for _wait in range(3000):  # at most about a minute: the worker must get a third of the way
            if len(gateway.keys) >= COUNT // 3:
                break
            time.sleep(0.02)
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        delivered_before = len(gateway.keys)
        assert 0 < delivered_before < COUNT, "the worker must die in the middle of the batch"

        time.sleep(1.2)  # the dead worker's claims expire
        _manage(env, "worker", "--batch", "--no-startup-delay", "-v", "0", timeout=120)

        import json

        report = json.loads(_manage(env, "shell", "-v", "0", "-c", REPORT).stdout)
        assert report["statuses"] == ["sent"]
        assert gateway.delivered == set(report["uuids"])  # nothing lost
        resent = [key for key, n in gateway.keys.items() if n > 1]
        # Only a message in flight at the kill can reach the gateway twice, with the same key,
        # which the gateway delivers once.
        assert len(resent) <= 1
        assert len(gateway.requests) - len(gateway.keys) == len(resent)
