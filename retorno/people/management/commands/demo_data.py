"""Load a realistic demo programme: organisations, a user per role, persons, and
whatever each domain app adds through its ``demo.load`` (flights, cases, partners...)."""

from importlib import import_module
from importlib.util import find_spec

from django.core.management.base import BaseCommand

from retorno.accounts.demo import USERS, demo_password

# Order matters: later apps build on earlier ones.
# Protection after referrals: its shelter referral lands in a shelter of the partner directory.
DEMO_APPS = ("accounts", "people", "reception", "referrals", "protection", "reintegration", "outreach", "funding")


class Command(BaseCommand):
    help = "Load (or top up) the demo programme. Safe to run again: nothing is duplicated."

    def add_arguments(self, parser):
        parser.add_argument("--persons", type=int, default=2000, help="Size of the person registry (default 2000).")
        parser.add_argument("--quiet", action="store_true", help="No progress bars.")

    def handle(self, *args, **options):
        for app in DEMO_APPS:
            if find_spec(f"retorno.{app}.demo") is not None:
                import_module(f"retorno.{app}.demo").load(options=options, stdout=self.stdout)
        self.stdout.write("")
        self.stdout.write(f"Demo users (password: {demo_password()}):")
        for username, _, _, role, org in USERS:
            self.stdout.write(f"  {username:<14} {role.label} ({org})")
