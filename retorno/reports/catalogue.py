"""The indicator catalogue: every indicator defined once, in code, open to other apps.

An indicator names its base rows (a queryset factory), the date that places a row in a period,
what it measures (an aggregate: ``Count``, ``Sum``, ``Avg``) and the ORM paths of the
breakdowns it allows. ``retorno.reports.compute`` turns (indicator, period, breakdowns, filters)
into one ``GROUP BY`` query: no row is ever looped over in Python.

Other apps add theirs from their ``AppConfig.ready()`` (the reports app never imports them)::

    from retorno.reports.catalogue import Indicator, register_indicator
    register_indicator(Indicator(id="outreach.officials_trained", ...))

See docs/conventions.md ("Indicators").
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Aggregate, QuerySet
from django.utils.translation import gettext_lazy as _

# Breakdowns every indicator may offer; the indicator maps each to a path (see ``Paths``).
COMMON_BREAKDOWNS = {
    "sex": _("Sex"),
    "age_band": _("Age band"),
    "department": _("Department of origin"),
    "municipality": _("Municipality of origin"),
    "day": _("Day"),
    "month": _("Month"),
    "quarter": _("Quarter"),
    "year": _("Year"),
    "flight_kind": _("Air or land"),
    "partner": _("Partner"),
    "donor": _("Donor"),
}
PERIOD_BREAKDOWNS = ("day", "month", "quarter", "year")


@dataclass(frozen=True)
class Extra:
    """An indicator-specific breakdown: a field path and how its codes read on screen."""

    path: str
    name: str
    labels: dict = field(default_factory=dict)  # code -> label (lazy); empty: shown as stored
    json_key: bool = False  # the path ends in a key or index of a JSON field (e.g. languages__0)
    # An SQL expression instead of the plain path (e.g. a Case() putting a number into bands).
    expression: Callable[[], object] | None = None


@dataclass(frozen=True)
class Summary:
    """Where an indicator is read from a summary table kept up to date incrementally (see
    ``retorno.reports.summaries``) instead of its base rows, for the breakdowns it holds."""

    rows: Callable[[], QuerySet]  # the summary table (date column "day", count column ``column``)
    where: Callable  # start -> Q: the indicator's rows in it (may depend on the period's start)
    breakdowns: frozenset  # the breakdowns (and filters) it can answer; others read the base rows
    column: str = "n"
    # The same counts per month, fewer rows: read for periods of whole months and MONTHLY_BREAKDOWNS.
    monthly: Callable[[], QuerySet] | None = None


MONTHLY_BREAKDOWNS = frozenset({"sex", "age_band", "department", "month", "quarter", "year", "flight_kind"})


@dataclass(frozen=True)
class Indicator:
    id: str  # "<area>.<what>", stable: saved reports and the API refer to it
    name: str  # lazy: read in Spanish or English
    definition: str
    numerator: str
    denominator: str  # "" for a count
    unit: str  # one of UNITS
    source: str  # where the figures come from, in words
    area: str  # one of AREAS, for grouping in the builder
    rows: Callable[[], QuerySet]  # the base rows
    date: str  # path of the date (or datetime) that places a row in a period
    measure: Callable[[], Aggregate]  # e.g. lambda: Count("person", distinct=True)
    person: str = ""  # path to the person ("person", "case__person"): sex, age, origin
    flight: str = ""  # path to the flight: air or land
    partner: str = ""  # path to a partner organisation
    donor: str = ""  # path to a funding donor
    extras: dict[str, Extra] = field(default_factory=dict)
    # Sealed-tier figures (trafficking, psychosocial): always small-cell protected, even for M&E.
    sealed: bool = False
    # False for distinct counts: the groups do not add up to the total.
    additive: bool = True
    hxl: str = "#indicator+value"
    summary: Summary | None = None

    @property
    def breakdowns(self) -> list[str]:
        allowed = []
        if self.person:
            allowed += ["sex", "age_band", "department", "municipality"]
        allowed += list(PERIOD_BREAKDOWNS)
        if self.flight:
            allowed.append("flight_kind")
        if self.partner:
            allowed.append("partner")
        if self.donor:
            allowed.append("donor")
        return allowed + list(self.extras)

    def breakdown_name(self, key: str) -> str:
        return self.extras[key].name if key in self.extras else COMMON_BREAKDOWNS[key]

    @property
    def breakdown_names(self) -> list[str]:
        """The allowed breakdowns in words, for people (the keys are for the API)."""
        return [str(self.breakdown_name(key)) for key in self.breakdowns]


UNITS = {
    "persons": _("persons"),
    "events": _("events"),
    "nights": _("nights"),
    "money": _("amount"),
    "score": _("score (0–100)"),
    "days": _("days"),
    "hours": _("hours"),
}
AREAS = {
    "reception": _("Reception and basic assistance"),
    "transport": _("Transport home"),
    "shelter": _("Shelters and referrals"),
    "protection": _("Protection (sealed, aggregates only)"),
    "reintegration": _("Reintegration"),
    "followup": _("Follow-up and outcomes"),
    "funding": _("Funding"),
    "outreach": _("Institutions and prevention"),
    "history": _("Migration history (consented)"),
}

CATALOGUE: dict[str, Indicator] = {}


def register_indicator(indicator: Indicator) -> None:
    """Add an indicator to the catalogue (from an AppConfig.ready()). Ids are unique."""
    known = CATALOGUE.get(indicator.id)
    if known is not None and known.source != indicator.source:
        raise ValueError(f"Indicator {indicator.id!r} is registered twice.")
    if indicator.unit not in UNITS or indicator.area not in AREAS:
        raise ValueError(f"Indicator {indicator.id!r}: unknown unit or area.")
    CATALOGUE[indicator.id] = indicator


def indicator_get(indicator_id: str) -> Indicator:
    """The indicator with this id; KeyError when there is none."""
    return CATALOGUE[indicator_id]
