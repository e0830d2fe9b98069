"""Reads of the reports app."""

from django.db.models import QuerySet

from retorno.accounts.access import can
from retorno.accounts.models import User
from retorno.reports.catalogue import CATALOGUE, Indicator
from retorno.reports.compute import compute
from retorno.reports.models import ReportDefinition
from retorno.reports.presentation import Table, present
from retorno.reports.query import ReportQuery


def report_definitions_for(user: User) -> QuerySet[ReportDefinition]:
    return ReportDefinition.objects.filter(owner=user)


def sees_unsuppressed(user: User) -> bool:
    """Whether ``user`` may see exact small counts of the non-sealed indicators."""
    return can(user, "reports.unsuppressed")


def run_report(query: ReportQuery, *, user: User | None) -> list[Table]:
    """One table per indicator of the query, protected unless the reader may see exact figures."""
    protected = not (user is not None and sees_unsuppressed(user))
    return [
        present(
            compute(CATALOGUE[i], start=query.start, end=query.end, breakdowns=query.breakdowns, filters=query.filters),
            protected=protected,
        )
        for i in query.indicators
    ]


def catalogue_by_area() -> dict[str, list[Indicator]]:
    from retorno.reports.catalogue import AREAS

    grouped: dict[str, list[Indicator]] = {area: [] for area in AREAS}
    for indicator in CATALOGUE.values():
        grouped[indicator.area].append(indicator)
    return {area: items for area, items in grouped.items() if items}
