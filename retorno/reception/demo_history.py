"""Demo migration histories: realistic answers for part of the demo returnees (idempotent)."""

import random
from decimal import Decimal

from retorno.accounts.models import User
from retorno.geo.models import Country
from retorno.reception import actions
from retorno.reception.models import Arrival, MigrationHistory

# Rough shares for Guatemalan returnees (reasons may be several): work and income first, then
# violence, family, the dry corridor's droughts; most crossed Mexico with a smuggler.
REASONS = (("economic", 0.75), ("violence", 0.2), ("family", 0.15), ("climate", 0.08), ("education", 0.03))


def _answers(rng: random.Random, countries: dict) -> dict:
    answers: dict = {"consent": "agreed"}
    if rng.random() < 0.05:
        answers["reasons_declined"] = True
    else:
        answers["reasons"] = [code for code, share in REASONS if rng.random() < share] or ["other"]
    if rng.random() < 0.06:
        answers["years_abroad_declined"] = True
    elif rng.random() < 0.9:
        answers["years_abroad"] = rng.choice([0, 0, 0, 1, 2, 3, 5, 8, 12, 18])
    answers["countries"] = [countries["US"]] + ([countries["MX"]] if rng.random() < 0.6 else [])
    answers["family_abroad"] = rng.choices(["yes", "no", "declined", ""], [55, 35, 5, 5])[0]
    deportations = rng.choices([0, 1, 2, 4, None], [62, 22, 8, 4, 4])[0]
    if deportations is None:
        answers["previous_deportations_declined"] = True
    else:
        answers["previous_deportations"] = deportations
    answers["smuggler_used"] = rng.choices(["yes", "no", "declined"], [70, 15, 15])[0]
    if answers["smuggler_used"] == "yes":
        if rng.random() < 0.2:
            answers["smuggler_cost_declined"] = True
        elif rng.random() < 0.7:
            answers["smuggler_cost"] = Decimal(rng.randrange(6000, 16000, 500))
            answers["smuggler_currency"] = "USD"
        else:
            answers["smuggler_cost"] = Decimal(rng.randrange(45000, 120000, 5000))
            answers["smuggler_currency"] = "GTQ"
    return answers


def load_histories(*, clerk: User) -> int:
    """Ask about 60 % of the people checked in on the past demo flights: most agree, some refuse."""
    countries = {c.alpha2: c for c in Country.objects.filter(alpha2__in=("US", "MX"))}
    if len(countries) < 2:
        return 0
    created = 0
    arrivals = Arrival.objects.filter(
        flight__code__startswith="DEMO-", status__in=Arrival.PRESENT, migration_history__isnull=True
    ).exclude(flight__code="DEMO-HOY")
    for arrival in arrivals.order_by("id"):
        rng = random.Random(arrival.pk)
        if rng.random() >= 0.6:
            continue  # not asked: no private space, or no time at the desk
        roll = rng.random()
        if roll < 0.2:
            answers = {"consent": MigrationHistory.Consent.REFUSED}
        elif roll < 0.24:
            answers = {"consent": MigrationHistory.Consent.NOT_ASKED}
        else:
            answers = _answers(rng, countries)
        actions.migration_history_record(actor=clerk, arrival=arrival, **answers)
        created += 1
    return created
