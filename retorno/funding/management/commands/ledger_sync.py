"""manage.py ledger_sync [--since YYYY-MM-DD]: enter registered sources' costs in the ledger (idempotent)."""

import datetime
import json

from django.core.management.base import BaseCommand

from retorno.accounts.models import User
from retorno.funding.sources import SOURCES, ledger_sync


class Command(BaseCommand):
    help = "Enter every registered cost source (tickets, services, shelter nights, payments) not yet in the ledger."

    def add_arguments(self, parser):
        parser.add_argument("--since", type=datetime.date.fromisoformat, default=None)
        parser.add_argument("--as-user", default="", help="username recorded as the actor (default: first manager)")

    def handle(self, *args, since=None, as_user="", **options):
        users = User.objects.filter(username=as_user) if as_user else User.objects.filter(role=User.Role.MANAGER)
        actor = users.order_by("id").first()
        if actor is None:
            self.stderr.write("No user to record the entries as.")
            return
        result = ledger_sync(actor=actor, since=since)
        self.stdout.write(f"sources: {', '.join(sorted(SOURCES))}")
        self.stdout.write(json.dumps({"created": result.created, "already": result.already, **result.left_out}))
