"""Spending from the programme ledger (retorno.funding), in each donor's currency."""

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from retorno.funding.models import CostKind, LedgerEntry
from retorno.reports.catalogue import Extra, Indicator, register_indicator


def register() -> None:
    register_indicator(
        Indicator(
            id="funding.spent",
            name=_("Spending (donor currency)"),
            definition=_("Costs entered in the programme ledger, in the currency of the donor they were charged to."),
            numerator=_("sum of ledger entries in the donor's currency"),
            denominator="",
            unit="money",
            source=_("Funding: the programme ledger"),
            area="funding",
            rows=lambda: LedgerEntry.objects.all(),
            date="day",
            measure=lambda: Sum("amount_donor"),
            donor="budget_line__donor__name",
            extras={
                "cost": Extra("kind", _("Pays for"), dict(CostKind.choices)),
                "budget_line": Extra("budget_line__code", _("Budget line")),
            },
            hxl="#value+spent",
        )
    )
    register_indicator(
        Indicator(
            id="funding.shelter_nights",
            name=_("Shelter nights paid"),
            definition=_("Nights in partner shelters charged to donors."),
            numerator=_("sum of the nights of shelter-night ledger entries"),
            denominator="",
            unit="nights",
            source=_("Funding: the programme ledger"),
            area="shelter",
            rows=lambda: LedgerEntry.objects.filter(kind=CostKind.SHELTER_NIGHT),
            date="day",
            measure=lambda: Sum("quantity"),
            donor="budget_line__donor__name",
        )
    )
