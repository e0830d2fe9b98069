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
    Sum,
    Value,
    When,
)

from retorno.reception.models import Arrival
from retorno.reports.compute import DateKey, PeriodStart
from retorno.reports.models import ArrivalCount, ArrivalMonthCount

KEYS = ("day", "flight_kind", "sex", "age", "department", "municipality", "repeat", "unaccompanied", "previous_day")
MONTH_KEYS = ("month", "flight_kind", "sex", "age", "department", "repeat", "unaccompanied")


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


def _add(model, keys: tuple, deltas: Counter) -> None:
    for key, delta in deltas.items():
        if not delta:
            continue
        match = dict(zip(keys, key, strict=True))
        if not model.objects.filter(**match).update(n=F("n") + delta):
            model.objects.create(**match, n=delta)
        if delta < 0:
            model.objects.filter(**match, n=0).delete()


def _apply(before: Counter, after: Counter) -> None:
    """Add ``after - before`` to both tables: one UPDATE (or INSERT) per key that changed."""
    deltas, months = Counter(), Counter()
    for key in set(before) | set(after):
        delta = after.get(key, 0) - before.get(key, 0)
        if delta:
            deltas[key] += delta
            row = dict(zip(KEYS, key, strict=True))
            months[tuple(row["day"].replace(day=1) if k == "month" else row[k] for k in MONTH_KEYS)] += delta
    _add(ArrivalCount, KEYS, deltas)
    _add(ArrivalMonthCount, MONTH_KEYS, months)


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


def _insert_select(model, keys: tuple, queryset) -> None:
    sql, params = queryset.query.sql_with_params()
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(model._meta.get_field(k).column) for k in (*keys, "n"))
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} ({columns}) {sql}", params)


@transaction.atomic
def rebuild() -> int:
    """Recompute both tables from the arrivals, in the database; the number of daily rows written."""
    ArrivalCount.objects.all().delete()
    ArrivalMonthCount.objects.all().delete()
    _insert_select(ArrivalCount, KEYS, arrival_keys(Arrival.objects.all()))
    monthly = (
        ArrivalCount.objects.annotate(month=PeriodStart("day", "month"))
        .values(*MONTH_KEYS)
        .annotate(total=Sum("n"))
        .order_by()
    )
    _insert_select(ArrivalMonthCount, MONTH_KEYS, monthly)
    return ArrivalCount.objects.count()


def summary_rows() -> tuple[Counter, Counter]:
    """Key -> count as the two tables hold them (the rebuild test compares them with a rebuild)."""
    days: Counter = Counter()
    for row in ArrivalCount.objects.values(*KEYS, "n"):
        days[tuple(row[k] for k in KEYS)] += row["n"]
    months: Counter = Counter()
    for row in ArrivalMonthCount.objects.values(*MONTH_KEYS, "n"):
        months[tuple(row[k] for k in MONTH_KEYS)] += row["n"]
    return +days, +months
