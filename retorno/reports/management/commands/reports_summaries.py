"""``manage.py reports_summaries``: rebuild the evidence summary tables from the records.

They are kept up to date by every write (``retorno.reports.summaries``); rebuild after loading
data in bulk outside the actions, or after editing reference data they copy (a municipality's
department).
"""

from django.core.management.base import BaseCommand

from retorno.reports.summaries import rebuild


class Command(BaseCommand):
    help = "Rebuild the evidence summary tables (arrival counts) from the records."

    def handle(self, *args, **options):
        rows = rebuild()
        self.stdout.write(f"arrival counts: {rows} rows")
