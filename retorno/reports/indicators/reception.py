"""Reception, basic assistance and transport home."""

from django.db.models import Count, ExpressionWrapper, IntegerField, Max, Q, Sum
from django.utils.translation import gettext_lazy as _

from retorno.people.models import Education, Language, PeopleGroup
from retorno.reception.models import AllocationRun, Arrival, FlightBudget, ServiceGiven, Ticket
from retorno.reports.catalogue import Extra, Indicator, Summary, register_indicator
from retorno.reports.compute import DateKey
from retorno.reports.models import ArrivalCount, ArrivalMonthCount

SOURCE = _("Reception: flights and check-in (arrivals present: checked in or walk-in)")


def present():
    return Arrival.objects.filter(status__in=Arrival.PRESENT)


def minors():
    # Under 18 on the flight's day, compared in SQL on YYYYMMDD keys (see compute.age_band_expression).
    diff = ExpressionWrapper(DateKey("flight__date") - DateKey("person__birth_date"), output_field=IntegerField())
    return present().annotate(age_key=diff).filter(person__birth_date__isnull=False, age_key__lt=180000)


def latest_allocation_runs():
    latest = AllocationRun.objects.values("flight").annotate(last=Max("id")).values("last")
    return AllocationRun.objects.filter(id__in=latest)


# The arrival summary (``reports.summaries``) answers these breakdowns; a distinct count only those
# that are the person's own (the same for all their arrivals), counting each person in their first
# arrival of the period: the one whose previous arrival came before the period starts.
ARRIVAL_BREAKDOWNS = frozenset(
    {"sex", "age_band", "department", "municipality", "day", "month", "quarter", "year", "flight_kind"}
)


def _summary(where: Q | None = None, *, distinct: bool = False) -> Summary:
    def rows_of(start):
        q = where if where is not None else Q()
        return q & (Q(previous_day__isnull=True) | Q(previous_day__lt=start)) if distinct else q

    allowed = frozenset({"sex", "department", "municipality"}) if distinct else ARRIVAL_BREAKDOWNS
    return Summary(
        rows=lambda: ArrivalCount.objects.all(),
        where=rows_of,
        breakdowns=allowed,
        monthly=None if distinct else (lambda: ArrivalMonthCount.objects.all()),
    )


PROFILE = {
    "education": Extra("person__education", _("Education"), dict(Education.choices)),
    "people_group": Extra("person__people_group", _("People (self-identified)"), dict(PeopleGroup.choices)),
    "language": Extra("person__languages__0", _("First language"), dict(Language.choices), json_key=True),
    "return_number": Extra("return_number", _("Return number")),
}
ARRIVAL = {"date": "flight__date", "person": "person", "flight": "flight", "area": "reception", "source": SOURCE}


def register() -> None:
    register_indicator(
        Indicator(
            id="reception.persons_received",
            name=_("Persons received"),
            definition=_("Arrivals of returnees received at reception (one per person per flight or convoy)."),
            numerator=_("arrivals checked in or registered as walk-ins on flights or convoys in the period"),
            denominator="",
            unit="persons",
            rows=present,
            measure=lambda: Count("id"),
            hxl="#affected+returnees",
            summary=_summary(),
            **ARRIVAL,
        )
    )
    register_indicator(
        Indicator(
            id="reception.distinct_persons",
            name=_("Distinct persons received"),
            definition=_("Different people received in the period: a person who returned twice counts once."),
            numerator=_("distinct persons among the arrivals of the period"),
            denominator="",
            unit="persons",
            rows=present,
            measure=lambda: Count("person", distinct=True),
            additive=False,
            extras=PROFILE,
            hxl="#affected+returnees+unique",
            summary=_summary(distinct=True),
            **ARRIVAL,
        )
    )
    register_indicator(
        Indicator(
            id="reception.repeat_returns",
            name=_("Repeat returns"),
            definition=_("Arrivals of people who had been received before (second return or later)."),
            numerator=_("arrivals with a return number of 2 or more"),
            denominator="",
            unit="persons",
            rows=lambda: present().filter(return_number__gte=2),
            measure=lambda: Count("id"),
            hxl="#affected+returnees+repeat",
            summary=_summary(Q(repeat=True)),
            **ARRIVAL,
        )
    )
    register_indicator(
        Indicator(
            id="reception.minors",
            name=_("Minors received"),
            definition=_("Arrivals of people under 18 on the day of the flight."),
            numerator=_("arrivals whose age on the flight's day is under 18"),
            denominator="",
            unit="persons",
            rows=minors,
            measure=lambda: Count("id"),
            hxl="#affected+returnees+minors",
            summary=_summary(Q(age__gte=0, age__lt=18)),
            **ARRIVAL,
        )
    )
    register_indicator(
        Indicator(
            id="reception.unaccompanied_minors",
            name=_("Unaccompanied minors received"),
            definition=_("Arrivals triaged as unaccompanied minors."),
            numerator=_("arrivals whose triage marks an unaccompanied minor"),
            denominator="",
            unit="persons",
            rows=lambda: present().filter(triage__unaccompanied_minor=True),
            measure=lambda: Count("id"),
            hxl="#affected+returnees+minors+unaccompanied",
            summary=_summary(Q(unaccompanied=True)),
            **ARRIVAL,
        )
    )
    register_indicator(
        Indicator(
            id="reception.basic_services",
            name=_("Basic services given"),
            definition=_("Units of basic assistance given at reception (refreshments, calls, shuttle, tickets...)."),
            numerator=_("sum of the quantities of services recorded in the period"),
            denominator="",
            unit="events",
            rows=lambda: ServiceGiven.objects.all(),
            date="arrival__flight__date",
            measure=lambda: Sum("quantity"),
            person="arrival__person",
            flight="arrival__flight",
            area="reception",
            source=_("Reception: services given"),
            extras={"service": Extra("kind", _("Service"), dict(ServiceGiven.Kind.choices))},
            hxl="#output+services",
        )
    )
    transport = {"area": "transport", "source": _("Reception: flight budgets, allocation runs and tickets")}
    register_indicator(
        Indicator(
            id="transport.budget",
            name=_("Transport budget"),
            definition=_("Money set aside for tickets home, per flight (in the budget's currency)."),
            numerator=_("sum of the flight budgets of flights in the period"),
            denominator="",
            unit="money",
            rows=lambda: FlightBudget.objects.all(),
            date="flight__date",
            measure=lambda: Sum("amount"),
            flight="flight",
            hxl="#value+budget",
            **transport,
        )
    )
    register_indicator(
        Indicator(
            id="transport.spent",
            name=_("Transport spent"),
            definition=_("Money spent on tickets home (in the ticket's currency)."),
            numerator=_("sum of the ticket amounts of flights in the period"),
            denominator="",
            unit="money",
            rows=lambda: Ticket.objects.all(),
            date="flight__date",
            measure=lambda: Sum("amount"),
            person="arrival__person",
            flight="flight",
            hxl="#value+spent",
            **transport,
        )
    )
    register_indicator(
        Indicator(
            id="transport.people_sent_home",
            name=_("People sent home with a ticket"),
            definition=_("Arrivals given a ticket home."),
            numerator=_("tickets issued for flights in the period"),
            denominator="",
            unit="persons",
            rows=lambda: Ticket.objects.all(),
            date="flight__date",
            measure=lambda: Count("id"),
            person="arrival__person",
            flight="flight",
            extras={"destination": Extra("destination__department__code", _("Destination department"))},
            hxl="#affected+returnees+transported",
            **transport,
        )
    )
    register_indicator(
        Indicator(
            id="transport.unmet_need",
            name=_("Unmet transport need"),
            definition=_("People who needed a ticket home the budget could not pay for (latest allocation)."),
            numerator=_("unmet count of each flight's latest allocation run"),
            denominator="",
            unit="persons",
            rows=latest_allocation_runs,
            date="flight__date",
            measure=lambda: Sum("unmet_count"),
            flight="flight",
            hxl="#affected+returnees+unmet",
            **transport,
        )
    )
