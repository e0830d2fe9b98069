"""Referrals to partners and shelter stays."""

from django.db.models import Count, F
from django.utils.translation import gettext_lazy as _

from retorno.referrals.models import Referral, Service, Stay
from retorno.reports.catalogue import Extra, Indicator, register_indicator

SOURCE = _("Referrals: referrals to partners and shelter stays")


# Referrals made from a protection case (sealed: shelter and health referrals) stay out of these
# figures, as they did before they were referrals: a person-level disaggregation must not reveal who
# is in protection.


def register() -> None:
    register_indicator(
        Indicator(
            id="referrals.referrals",
            name=_("Referrals to partners"),
            definition=_("Referrals made to partner organisations, by purpose, partner and outcome."),
            numerator=_("referrals created in the period"),
            denominator="",
            unit="events",
            source=SOURCE,
            area="shelter",
            rows=lambda: Referral.objects.filter(sealed=False),
            date="created_at",
            measure=lambda: Count("id"),
            person="person",
            partner="partner__name",
            extras={
                "purpose": Extra("service", _("Purpose"), dict(Service.choices)),
                "outcome": Extra("status", _("Outcome"), dict(Referral.Status.choices)),
            },
            hxl="#output+referrals",
        )
    )
    register_indicator(
        Indicator(
            id="referrals.answered_in_time",
            name=_("Referrals answered in time"),
            definition=_("Referrals the partner answered before the answer was due."),
            numerator=_("referrals answered on or before their due time"),
            denominator=_("referrals created in the period (see Referrals to partners)"),
            unit="events",
            source=SOURCE,
            area="shelter",
            rows=lambda: Referral.objects.filter(
                sealed=False, answered_at__isnull=False, answered_at__lte=F("answer_due_at")
            ),
            date="created_at",
            measure=lambda: Count("id"),
            person="person",
            partner="partner__name",
            extras={"purpose": Extra("service", _("Purpose"), dict(Service.choices))},
        )
    )
    register_indicator(
        Indicator(
            id="shelter.stays",
            name=_("Shelter stays"),
            definition=_("People checked in to a temporary shelter."),
            numerator=_("stays begun in the period"),
            denominator="",
            unit="persons",
            source=SOURCE,
            area="shelter",
            rows=lambda: Stay.objects.all(),
            date="checked_in_at",
            measure=lambda: Count("id"),
            person="person",
            partner="shelter__partner__name",
            extras={"shelter": Extra("shelter__name", _("Shelter"))},
            hxl="#affected+sheltered",
        )
    )
