"""The arrival summary (``ArrivalCount``): counts per day × air/land × sex × age × origin × repeat
× unaccompanied minor,
kept up to date in the transaction of every write that changes them, so the headline figures and
breakdowns of the reception indicators group a small table instead of joining every arrival to
its flight and person on each request.

How it stays right: the counts of a person's arrivals are computed in SQL (``arrival_keys``)
before and after a write; the difference is added to the table (``_apply``). The writes that
change them tell the registries of the apps below (reports never imported by them):
- ``reception.hooks.arrival_followed`` (check-in, walk-in): the arrival now present;
- ``reception.hooks.arrivals_changing`` (triage): an arrival marked an unaccompanied minor or not;
- ``people.hooks.persons_changing`` (a person's sex, birth date or origin edited, a merge or its
  undoing moving arrivals between persons).
Nothing else makes an arrival present or changes those facts (a flight's date and kind are never
edited; a municipality's department is reference data: after editing it, rebuild).
``rebuild()`` (``manage.py reports_summaries``) recomputes the whole table in one INSERT … SELECT.
"""

from collections import Counter

from django.db import connection, transaction
from django.db.models import (
    BooleanField,
    Case,
    Count,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)

from retorno.reception.models import Arrival
from retorno.reports.compute import DateKey
from retorno.reports.models import ArrivalCount

KEYS = ("day", "flight_kind", "sex", "age", "department", "municipality", "repeat", "unaccompanied", "previous_day")


def _previous_day(excluding: int | None):
    """The flight date of the person's previous arrival present (same day: the lower id first)."""
    earlier = Arrival.objects.filter(person=OuterRef("person"), status__in=Arrival.PRESENT).filter(
        Q(flight__date__lt=OuterRef("flight__date")) | Q(flight__date=OuterRef("flight__date"), pk__lt=OuterRef("pk"))
    )
    if excluding is not None:
        earlier = earlier.exclude(pk=excluding)
    return Subquery(earlier.order_by("-flight__date").values("flight__date")[:1])


def arrival_keys(arrivals, *, excluding: int | None = None):
    """``arrivals`` (a queryset of Arrival) counted per summary key, as if ``excluding`` were absent."""
    years = ExpressionWrapper(DateKey("flight__date") - DateKey("person__birth_date"), output_field=IntegerField())
    age = Case(
        When(person__birth_date__isnull=True, then=Value(None)),
        When(Q(age_key__lt=0), then=Value(0)),
        default=ExpressionWrapper(F("age_key") / Value(10000), output_field=IntegerField()),
        output_field=IntegerField(),
    )
    rows = arrivals.filter(status__in=Arrival.PRESENT, person__isnull=False)
    if excluding is not None:
        rows = rows.exclude(pk=excluding)
    return (
        rows.annotate(age_key=years)
        .values(
            day=F("flight__date"),
            flight_kind=F("flight__kind"),
            sex=F("person__sex"),
            age=age,
            department=Case(
                When(person__origin_municipality__isnull=True, then=Value("")),
                default=F("person__origin_municipality__department__code"),
            ),
            municipality=Case(
                When(person__origin_municipality__isnull=True, then=Value("")),
                default=F("person__origin_municipality__code"),
            ),
            repeat=Case(
                When(return_number__gte=2, then=Value(True)), default=Value(False), output_field=BooleanField()
            ),
            unaccompanied=Case(
                When(triage__unaccompanied_minor=True, then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            ),
            previous_day=_previous_day(excluding),
        )
        .annotate(n=Count("id"))
        .order_by()
    )


def _counted(arrivals, *, excluding: int | None = None) -> Counter:
    return Counter({tuple(row[k] for k in KEYS): row["n"] for row in arrival_keys(arrivals, excluding=excluding)})


def _apply(before: Counter, after: Counter) -> None:
    """Add ``after - before`` to the table: one UPDATE (or INSERT) per key that changed."""
    for key in set(before) | set(after):
        delta = after.get(key, 0) - before.get(key, 0)
        if not delta:
            continue
        match = dict(zip(KEYS, key, strict=True))
        if not ArrivalCount.objects.filter(**match).update(n=F("n") + delta):
            ArrivalCount.objects.create(**match, n=delta)
        if delta < 0:
            ArrivalCount.objects.filter(**match, n=0).delete()


def _of_persons(person_ids: list[int]):
    return Arrival.objects.filter(person_id__in=person_ids)


def arrival_counted(*, person=None, arrival_id: int, **_context) -> None:
    """An arrival became present (``reception.hooks`` arrival follower, inside check-in's
    transaction): the person's counts with it minus without it (its previous day may change others')."""
    arrivals = _of_persons([person.pk])
    _apply(_counted(arrivals, excluding=arrival_id), _counted(arrivals))


def arrivals_watch(arrival_ids: list[int]):
    """``reception.hooks`` arrival watcher (triage): the arrivals' counts before the write, applied after it."""
    before = _counted(Arrival.objects.filter(pk__in=arrival_ids))
    return lambda: _apply(before, _counted(Arrival.objects.filter(pk__in=arrival_ids)))


def persons_watch(person_ids: list[int]):
    """``people.hooks`` person watcher: the persons' counts before the write, applied after it."""
    before = _counted(_of_persons(person_ids))
    return lambda: _apply(before, _counted(_of_persons(person_ids)))


@transaction.atomic
def rebuild() -> int:
    """Recompute the whole table from the arrivals, in the database; the number of rows written."""
    ArrivalCount.objects.all().delete()
    sql, params = arrival_keys(Arrival.objects.all()).query.sql_with_params()
    table = connection.ops.quote_name(ArrivalCount._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(ArrivalCount._meta.get_field(k).column) for k in (*KEYS, "n"))
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} ({columns}) {sql}", params)
    return ArrivalCount.objects.count()


def summary_rows() -> Counter:
    """Key -> count as the table holds it (the rebuild test compares it with a rebuild)."""
    counts: Counter = Counter()
    for row in ArrivalCount.objects.values(*KEYS, "n"):
        counts[tuple(row[k] for k in KEYS)] += row["n"]
    return +counts
