"""How often people arrived: the counts the registry shows (returns, re-migration).

Moved from people/queries.py so people does not import reception; reception registers these with
the registry in its ``ready()`` (``people.hooks.register_arrival_counts``).
"""

from django.db.models import Exists, OuterRef, Q

from retorno.people.models import Person
from retorno.reception.models import Arrival


def person_return_count(*, person: Person) -> int:
    """How many times the person has arrived (checked in or walked in), across every merged record."""
    return Arrival.objects.filter(person=person, status__in=Arrival.PRESENT).count()


def remigration_count(*, start=None, end=None, department_code: str | None = None) -> int:
    """Persons who arrived again: with a present arrival in [start, end] (flight dates) that has an
    earlier present arrival of the same person. Without dates, every person with two or more arrivals."""
    present = Arrival.objects.filter(status__in=Arrival.PRESENT, person__merged_into__isnull=True)
    arrivals = present.exclude(person=None)
    if start:
        arrivals = arrivals.filter(flight__date__gte=start)
    if end:
        arrivals = arrivals.filter(flight__date__lte=end)
    if department_code:
        arrivals = arrivals.filter(person__origin_municipality__department__code=department_code)
    earlier = present.filter(person=OuterRef("person")).filter(
        Q(flight__date__lt=OuterRef("flight__date")) | Q(flight__date=OuterRef("flight__date"), id__lt=OuterRef("id"))
    )
    return arrivals.filter(Exists(earlier)).values("person").distinct().count()
