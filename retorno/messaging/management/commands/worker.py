"""``manage.py worker``: the background worker (Django Tasks' database worker, every queue) plus
the periodic jobs (reminders, delivery sweep) every ``--every`` seconds.

``--batch`` runs the periodic jobs once, then every task that is due, then exits.
"""

import threading

from django.db import close_old_connections
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from retorno.messaging.periodic import run_periodic


class Command(DbWorkerCommand):
    help = "Run the background worker: queued tasks on every queue, and the periodic jobs."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--every", type=float, default=60.0, help="Seconds between periodic jobs (default 60).")
        parser.set_defaults(queue_name="*", reload=False)

    def handle(self, *args, **options):
        every = options.pop("every")
        run_periodic()
        if not options["batch"]:
            stop = threading.Event()
            threading.Thread(target=self._periodic, args=(every, stop), daemon=True, name="periodic").start()
        super().handle(*args, **options)

    @staticmethod
    def _periodic(every: float, stop: threading.Event) -> None:
        while not stop.wait(every):
            close_old_connections()
            run_periodic()
