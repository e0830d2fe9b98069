"""The consented migration history asked at reception (retorno.reception.models.history).

Counts only, grouped in the database. The answers count over the people who agreed; the consent
table gives the share of refusals. The smuggler figures are sealed-tier (always small-cell
protected, even for M&E): they are read from the two plain codes kept for this purpose, never
from the encrypted amount.
"""

from django.db.models import Case, CharField, Count, Value, When
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from retorno.geo.models import Country
from retorno.reception.models import LeavingReason, MigrationHistory
from retorno.reports.catalogue import Extra, Indicator, register_indicator

H = MigrationHistory
SOURCE = _("Reception: migration history asked after triage, with consent")
DECLINED = H.Answer.DECLINED
ANSWER_LABELS = dict(H.Answer.choices)
YEAR_BANDS = ((1, "0"), (5, "1"), (10, "5"), (20, "10"))  # (below, band): under 1, 1–4, 5–9, 10–19, 20+
YEAR_LABELS = {
    "0": _("Under 1 year"),
    "1": _("1–4 years"),
    "5": _("5–9 years"),
    "10": _("10–19 years"),
    "20": _("20 years or more"),
    DECLINED: H.Answer.DECLINED.label,
}
DEPORTATION_LABELS = {
    "0": _("None before"),
    "1": _("One before"),
    "2": _("Two before"),
    "3": _("Three or more before"),
    DECLINED: H.Answer.DECLINED.label,
}


def _banded(prefix: str, name: str, bands: tuple, top: str):
    """A number put into bands in SQL; "prefers not to say" is its own band, blank stays blank."""

    def expression():
        whens = [
            When(**{f"{prefix}{name}_declined": True}, then=Value(DECLINED)),
            When(**{f"{prefix}{name}__isnull": True}, then=Value("")),
        ]
        whens += [When(**{f"{prefix}{name}__lt": below}, then=Value(band)) for below, band in bands]
        return Case(*whens, default=Value(top), output_field=CharField())

    return expression


def agreed():
    return MigrationHistory.objects.filter(consent=H.Consent.AGREED)


def country_names() -> dict:
    column = "name_en" if (get_language() or "es").startswith("en") else "name_es"
    return dict(Country.objects.values_list("alpha2", column))


class _CountryLabels(dict):
    """Country names looked up when a table is labelled (not at import time)."""

    def get(self, code, default=None):
        return country_names().get(code, default)

    def __bool__(self) -> bool:
        return True


ON_ARRIVAL = {"date": "arrival__flight__date", "person": "arrival__person", "flight": "arrival__flight"}
COMMON = {"area": "history", "source": SOURCE, "denominator": "", "unit": "persons"}


def register() -> None:
    register_indicator(
        Indicator(
            id="history.consent",
            name=_("Migration history: consent"),
            definition=_(
                "Arrivals whose migration history was asked, by the answer to the consent question (agreed, "
                "refused, not asked). The share of refusals is refused ÷ (agreed + refused)."
            ),
            numerator=_("migration histories recorded for arrivals of the period"),
            rows=lambda: MigrationHistory.objects.all(),
            measure=lambda: Count("id"),
            extras={"consent": Extra("consent", _("Consent"), dict(H.Consent.choices))},
            hxl="#affected+returnees+history",
            **ON_ARRIVAL,
            **COMMON,
        )
    )
    register_indicator(
        Indicator(
            id="history.answers",
            name=_("Migration histories given"),
            definition=_("People who agreed to give their migration history, by their answers."),
            numerator=_("migration histories with consent, arrivals of the period"),
            rows=agreed,
            measure=lambda: Count("id"),
            extras={
                "years_abroad": Extra(
                    "years_abroad",
                    _("Years abroad"),
                    YEAR_LABELS,
                    expression=_banded("", "years_abroad", YEAR_BANDS, "20"),
                ),
                "family_abroad": Extra("family_abroad", _("Family abroad"), ANSWER_LABELS),
                "previous_deportations": Extra(
                    "previous_deportations",
                    _("Previous deportations"),
                    DEPORTATION_LABELS,
                    expression=_banded("", "previous_deportations", ((1, "0"), (2, "1"), (3, "2")), "3"),
                ),
            },
            hxl="#affected+returnees+history",
            **ON_ARRIVAL,
            **COMMON,
        )
    )
    register_indicator(
        Indicator(
            id="history.reasons",
            name=_("Reasons for leaving"),
            definition=_("People who gave each reason for leaving (several reasons may be given: not additive)."),
            numerator=_("distinct people with consent citing the reason"),
            rows=lambda: LeavingReason.objects.filter(history__consent=H.Consent.AGREED),
            measure=lambda: Count("history", distinct=True),
            additive=False,
            extras={"reason": Extra("reason", _("Reason for leaving"), dict(LeavingReason.Reason.choices))},
            date="history__arrival__flight__date",
            person="history__arrival__person",
            flight="history__arrival__flight",
            hxl="#affected+returnees+reason",
            **COMMON,
        )
    )
    register_indicator(
        Indicator(
            id="history.countries",
            name=_("Countries lived in or passed through"),
            definition=_("People who named each country (several may be named: not additive)."),
            numerator=_("distinct people with consent naming the country"),
            rows=lambda: MigrationHistory.countries.through.objects.filter(migrationhistory__consent=H.Consent.AGREED),
            measure=lambda: Count("migrationhistory", distinct=True),
            additive=False,
            extras={"country": Extra("country__alpha2", _("Country"), _CountryLabels())},
            date="migrationhistory__arrival__flight__date",
            person="migrationhistory__arrival__person",
            flight="migrationhistory__arrival__flight",
            hxl="#affected+returnees+country",
            **COMMON,
        )
    )
    register_indicator(
        Indicator(
            id="history.smuggler",
            name=_("Travelled with a smuggler"),
            definition=_(
                "People who agreed to the migration history, by whether they travelled with a smuggler and what "
                "it cost in US dollars (bands; the exact amount is sealed). Sealed tier: always small-cell protected."
            ),
            numerator=_("migration histories with consent, arrivals of the period"),
            rows=agreed,
            measure=lambda: Count("id"),
            sealed=True,
            extras={
                "smuggler_used": Extra("smuggler_used", _("Smuggler"), ANSWER_LABELS),
                "smuggler_cost": Extra("smuggler_cost_band", _("Cost in dollars"), dict(H.CostBand.choices)),
            },
            hxl="#affected+returnees+smuggled",
            **ON_ARRIVAL,
            **COMMON,
        )
    )
