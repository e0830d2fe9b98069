from django.core.management.base import BaseCommand

from retorno.geo.loading import load_reference
from retorno.geo.models import Country, Department, Municipality


class Command(BaseCommand):
    help = "Load or refresh ISO 3166 countries and Guatemala's INE departments and municipalities."

    def handle(self, *args, **options):
        counts = load_reference(Country, Department, Municipality)
        self.stdout.write(", ".join(f"{name}: {n}" for name, n in counts.items()))
