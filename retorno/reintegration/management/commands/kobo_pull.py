"""``manage.py kobo_pull --user USERNAME``: import the follow-up submissions waiting in KoboToolbox."""

from django.core.management.base import BaseCommand, CommandError

from retorno.accounts.models import User
from retorno.reintegration.fieldforms.kobo import kobo_configured, kobo_pull


class Command(BaseCommand):
    help = "Import follow-up submissions from KoboToolbox's API (KOBO_URL, KOBO_TOKEN, KOBO_FOLLOWUP_ASSET)."

    def add_arguments(self, parser):
        parser.add_argument("--user", required=True, help="The reintegration officer the import is recorded under.")

    def handle(self, *args, **options):
        if not kobo_configured():
            raise CommandError("Set KOBO_URL, KOBO_TOKEN and KOBO_FOLLOWUP_ASSET first.")
        actor = User.objects.filter(username=options["user"], is_active=True).first()
        if actor is None:
            raise CommandError("No active user with that name.")
        report = kobo_pull(actor=actor)
        for row in report.rows:
            for problem in row.problems:
                self.stdout.write(f"row {row.row} ({row.reference}): {problem.field}: {problem.message}")
        self.stdout.write(
            f"imported {report.count('imported')}, already imported {report.count('already')}, refused {report.count('refused')}"
        )
