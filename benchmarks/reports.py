"""``manage.py bench reports --persons N``: the evidence queries at registry scale.

Tops the registry up to N persons (bulk, see ``build_persons``), then gives every person without one an arrival on a
synthetic flight spread over the last three years (air and land, 135 a flight) and a ledger entry
for one arrival in three, in bulk (the benchmark's data, marked BENCH, kept for reruns). Then
times, through the same code the pages use:
- the dashboard's headline indicators over a year (p95 of all tiles together);
- indicators by two breakdowns over a year (worst p95 of several pairs);
- both again over a year that is not whole months (16 December to 15 December: the issue's "a
  year" need not start on the 1st; ``_unaligned``): the monthly summary answers its 11 whole months,
  the daily one the half months at both ends (``unaligned_source``: the tables read);
- a year's donor report (spending by line and kind, activity figures);
- the whole public release of a year (protected tables and the CSV).
"""

import datetime
import io
import random
import statistics
import time
from decimal import Decimal

from django.db import connection, transaction

from retorno.accounts.models import PROGRAMME_ORGANISATION_SLUG, Organisation, User
from retorno.people.models import Person
from retorno.reception.models import Arrival, Flight

TARGETS = {
    "headline_p95_ms": 500.0,
    "two_breakdowns_p95_ms": 1000.0,
    "headline_unaligned_p95_ms": 500.0,
    "two_breakdowns_unaligned_p95_ms": 1000.0,
    "donor_report_s": 2.0,
    "public_export_s": 10.0,
}
PER_FLIGHT = 135
PAIRS = (("department", "month"), ("sex", "age_band"), ("flight_kind", "quarter"), ("age_band", "department"))


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, int(round(0.95 * len(ordered))) - 1)]


def _user() -> User:
    org = Organisation.objects.get_or_create(
        slug=PROGRAMME_ORGANISATION_SLUG, defaults={"name": "Programa de Retornados", "kind": "programme"}
    )[0]
    return User.objects.get_or_create(
        username="bench-reports", defaults={"role": User.Role.MANAGER, "organisation": org, "is_active": True}
    )[0]


def _insert(model, rows: list) -> None:
    # One transaction per batch: in autocommit every multi-row INSERT would be its own commit.
    with transaction.atomic():
        model.objects.bulk_create(rows, batch_size=2000)


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def build_persons(persons: int, stdout) -> int:
    """Top the registry up to ``persons`` with bulk-inserted returnees (sex 94 % men as in the seed,
    ages 5-65, origins spread over the municipalities). Only the columns the evidence queries read
    are filled: no name index, so this is a scratch registry for this benchmark, not a demo."""
    from tqdm import tqdm

    from retorno.geo.models import Municipality

    have = Person.objects.count()
    if have >= persons:
        return 0
    rng = random.Random(11)
    municipalities = list(Municipality.objects.values_list("id", flat=True))
    today = datetime.date.today()
    batch, made = [], 0
    for n in tqdm(range(have, persons), desc="bench persons", unit="p", file=stdout, mininterval=2):
        batch.append(
            Person(
                given_names=f"Bench{n}",
                first_surname="Retorno",
                sex="M" if rng.random() < 0.94 else "F",
                birth_date=today - datetime.timedelta(days=rng.randrange(5 * 365, 65 * 365)),
                origin_municipality_id=rng.choice(municipalities) if rng.random() < 0.97 else None,
                education=rng.choice(["primary", "primary_incomplete", "lower_secondary", "none", "unknown"]),
                people_group=rng.choice(["maya", "ladino", "not_stated"]),
                languages=[rng.choice(["es", "mam", "quc", "kek"])],
            )
        )
        if len(batch) == 10000:
            _insert(Person, batch)
            made += len(batch)
            batch = []
    _insert(Person, batch)
    return made + len(batch)


def build_arrivals(user: User, stdout) -> int:
    """One arrival for every person who has none, on BENCH flights over three years (bulk)."""
    from tqdm import tqdm

    missing = Person.objects.filter(arrivals__isnull=True).values_list("id", flat=True).order_by("id")
    ids = list(missing.iterator(chunk_size=20000))
    if not ids:
        return 0
    rng = random.Random(7)
    today = datetime.date.today()
    first = datetime.date(today.year - 2, 1, 1)
    days = (today - first).days + 1
    flights = [
        Flight(
            kind=Flight.Kind.AIR if rng.random() < 0.8 else Flight.Kind.LAND,
            code=f"BENCH-{n}",
            date=first + datetime.timedelta(days=rng.randrange(days)),
            origin="Bench",
            carrier="BENCH",
            expected_count=PER_FLIGHT,
            status=Flight.Status.CLOSED,
            created_by=user,
        )
        for n in range((len(ids) + PER_FLIGHT - 1) // PER_FLIGHT)
    ]
    _insert(Flight, flights)
    batch = []
    for n, person_id in enumerate(tqdm(ids, desc="bench arrivals", unit="arrival", file=stdout, mininterval=2)):
        batch.append(
            Arrival(
                flight=flights[n // PER_FLIGHT],
                person_id=person_id,
                status=Arrival.Status.WALK_IN,
                return_number=1 if rng.random() < 0.85 else 2,
            )
        )
        if len(batch) == 10000:
            _insert(Arrival, batch)
            batch = []
    _insert(Arrival, batch)
    return len(ids)


def build_ledger(user: User) -> None:
    """A donor with a transport line per year and one ledger entry for every third BENCH arrival."""
    from retorno.funding.models import BudgetLine, CostKind, Donor, LedgerEntry

    donor, _ = Donor.objects.get_or_create(code="bench", defaults={"name": "Bench donor", "currency": "USD"})
    if LedgerEntry.objects.filter(source_type="bench.arrival").exists():
        return donor
    today = datetime.date.today()
    lines = {}
    for year in range(today.year - 2, today.year + 1):
        lines[year] = BudgetLine.objects.create(
            donor=donor,
            code=f"BENCH-T-{year}",
            name="Bench transport",
            kind=CostKind.TRANSPORT_TICKET,
            amount=Decimal("1000000"),
            starts_on=datetime.date(year, 1, 1),
            ends_on=datetime.date(year, 12, 31),
        )
    rows = Arrival.objects.filter(flight__carrier="BENCH").values_list("id", "flight__date").order_by("id")
    batch = []
    for n, (arrival_id, day) in enumerate(rows.iterator(chunk_size=20000)):
        if n % 3:
            continue
        batch.append(
            LedgerEntry(
                budget_line=lines[day.year],
                kind=CostKind.TRANSPORT_TICKET,
                day=day,
                amount=Decimal("12.00"),
                currency="USD",
                rate=Decimal(1),
                amount_donor=Decimal("12.00"),
                source_type="bench.arrival",
                source_id=str(arrival_id),
                recorded_by=user,
            )
        )
        if len(batch) == 10000:
            _insert(LedgerEntry, batch)
            batch = []
    _insert(LedgerEntry, batch)
    return donor


def _period_figures(start: datetime.date, end: datetime.date, suffix: str, samples: int) -> dict:
    """The dashboard's tiles and every pair of ``PAIRS`` over [start, end], through the pages' code:
    ``headline{suffix}_p95_ms``, ``by_<a>_<b>{suffix}_p95_ms``, ``two_breakdowns{suffix}_p95_ms``
    (the worst pair) and ``<aligned|unaligned>_source``: the summary tables the pairs read."""
    from retorno.reports.catalogue import CATALOGUE
    from retorno.reports.compute import compute
    from retorno.reports.views.dashboard import headline_tiles

    def headlines():  # as the dashboard computes its tiles
        headline_tiles(start, end, {}, protected=False)

    figures = {f"headline{suffix}_p95_ms": round(p95([_timed(headlines) for _ in range(samples)]), 1)}
    worst, sources = 0.0, set()
    for pair in PAIRS:

        def by_pair(p=pair):
            sources.add(
                compute(CATALOGUE["reception.persons_received"], start=start, end=end, breakdowns=list(p)).source
            )

        runs = [_timed(by_pair) for _ in range(max(3, samples // 2))]
        worst = max(worst, p95(runs))
        figures[f"by_{pair[0]}_{pair[1]}{suffix}_p95_ms"] = round(p95(runs), 1)
    figures[f"two_breakdowns{suffix}_p95_ms"] = round(worst, 1)
    figures[f"{suffix.strip('_') or 'aligned'}_source"] = "+".join(sorted(sources))
    return figures


def run(*, persons: int, stdout=None, samples: int = 10) -> dict:
    from retorno.funding.models import Donor
    from retorno.reports.catalogue import CATALOGUE
    from retorno.reports.compute import compute
    from retorno.reports.opendata import release, release_csv_rows
    from retorno.reports.presentation import present
    from retorno.reports.views.donors import ACTIVITY

    stdout = stdout or io.StringIO()
    build_persons(persons, stdout)
    user = _user()
    built = build_arrivals(user, stdout)
    build_ledger(user)
    from retorno.reports.models import ArrivalCount, ArrivalMonthCount
    from retorno.reports.summaries import rebuild

    summary_s = None
    if built or not ArrivalCount.objects.exists():
        # Bulk inserts bypass the actions that keep the summary up to date: rebuild it, timed.
        summary_s = round(_timed(rebuild) / 1000, 1)
    with connection.cursor() as cursor:
        if summary_s is not None and connection.vendor == "postgresql" and not connection.in_atomic_block:
            # As autovacuum would after a bulk load: the visibility map lets the tiles scan the index only.
            # (VACUUM cannot run inside a transaction: the benchmark's own test runs in one.)
            cursor.execute("VACUUM ANALYZE reports_arrivalcount, reports_arrivalmonthcount")
        cursor.execute("ANALYZE")
    year = datetime.date.today().year
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    figures: dict = {
        "persons": Person.objects.count(),
        "arrivals": Arrival.objects.count(),
        "arrivals_built": built,
        "database": connection.vendor,
        "summary_rebuild_s": summary_s,
        "summary_rows": ArrivalCount.objects.count(),
        "summary_month_rows": ArrivalMonthCount.objects.count(),
    }
    figures["arrivals_in_year"] = compute(CATALOGUE["reception.persons_received"], start=start, end=end).total

    figures.update(_period_figures(start, end, "", samples))
    # A year that is not whole months: the monthly summary cannot answer it alone.
    ustart, uend = datetime.date(year - 1, 12, 16), datetime.date(year, 12, 15)
    figures["arrivals_in_unaligned_year"] = compute(
        CATALOGUE["reception.persons_received"], start=ustart, end=uend
    ).total
    figures.update(_period_figures(ustart, uend, "_unaligned", samples))

    from retorno.funding.queries import spending_by_kind, spending_by_line

    donor = Donor.objects.get(code="bench")

    def donor_report():
        spending_by_line(donor=donor, start=start, end=end)
        spending_by_kind(donor=donor, start=start, end=end)
        for i in ACTIVITY:
            present(compute(CATALOGUE[i], start=start, end=end), protected=False)

    figures["donor_report_s"] = round(statistics.median([_timed(donor_report) for _ in range(3)]) / 1000, 3)

    def public():
        release_csv_rows(release(year), year)

    figures["public_export_s"] = round(max(_timed(public) for _ in range(2)) / 1000, 3)
    return figures
