"""Follow-up: reach, outcomes at 3, 6 and 12 months, survey scores and re-migration."""

from django.db.models import Avg, Count, F
from django.utils.translation import gettext_lazy as _

from retorno.reintegration.models import FollowUp, FollowUpOutcome, Remigration
from retorno.reports.catalogue import Extra, Indicator, register_indicator

SOURCE = _("Reintegration: follow-ups and their recorded outcomes")
MONTHS = {"months": Extra("followup__months_after", _("Months after"))}
OUTCOME = {
    "area": "followup",
    "source": SOURCE,
    "date": "followup__due_on",
    "person": "followup__person",
    "denominator": _("follow-ups with an outcome recorded, same period and breakdown"),
}


def outcomes():
    return FollowUpOutcome.objects.all()


def register() -> None:
    register_indicator(
        Indicator(
            id="followup.due",
            name=_("Follow-ups due"),
            definition=_("Follow-ups that fell due in the period (not cancelled)."),
            numerator=_("follow-ups due in the period, except cancelled ones"),
            denominator="",
            unit="persons",
            area="followup",
            source=SOURCE,
            rows=lambda: FollowUp.objects.exclude(status=FollowUp.Status.CANCELLED),
            date="due_on",
            measure=lambda: Count("id"),
            person="person",
            extras={"months": Extra("months_after", _("Months after"))},
        )
    )
    register_indicator(
        Indicator(
            id="followup.reached",
            name=_("Follow-ups reached"),
            definition=_("Follow-ups where the person was reached and an outcome recorded (reach = reached / due)."),
            numerator=_("follow-ups due in the period and done"),
            denominator=_("follow-ups due in the period (Follow-ups due)"),
            unit="persons",
            area="followup",
            source=SOURCE,
            rows=lambda: FollowUp.objects.filter(status=FollowUp.Status.DONE),
            date="due_on",
            measure=lambda: Count("id"),
            person="person",
            extras={"months": Extra("months_after", _("Months after"))},
        )
    )
    register_indicator(
        Indicator(
            id="followup.working",
            name=_("Working at follow-up"),
            definition=_("People working (formal, informal or own business) when followed up."),
            numerator=_("outcomes with work other than 'not working'"),
            unit="persons",
            rows=lambda: outcomes().exclude(working=FollowUpOutcome.Working.NONE),
            measure=lambda: Count("id"),
            extras=MONTHS,
            **OUTCOME,
        )
    )
    register_indicator(
        Indicator(
            id="followup.job_retention",
            name=_("Still with the employer"),
            definition=_("People placed in a job who are still with that employer at 3, 6 or 12 months."),
            numerator=_("outcomes where the person is still with the employer referred to"),
            unit="persons",
            rows=lambda: outcomes().filter(still_with_employer=True),
            measure=lambda: Count("id"),
            extras=MONTHS,
            **OUTCOME,
        )
    )
    register_indicator(
        Indicator(
            id="followup.business_operating",
            name=_("Businesses still operating"),
            definition=_("Grant-supported businesses still operating when followed up."),
            numerator=_("outcomes where the business is still operating"),
            unit="persons",
            rows=lambda: outcomes().filter(business_operating=True),
            measure=lambda: Count("id"),
            extras=MONTHS,
            **OUTCOME,
        )
    )
    register_indicator(
        Indicator(
            id="followup.intends_to_migrate",
            name=_("Intending to migrate again"),
            definition=_("People who say they intend to migrate again when followed up."),
            numerator=_("outcomes answering 'yes' to the intention to migrate again"),
            unit="persons",
            rows=lambda: outcomes().filter(intends_to_migrate=FollowUpOutcome.Intention.YES),
            measure=lambda: Count("id"),
            extras=MONTHS,
            **OUTCOME,
        )
    )
    for dimension, name in (
        ("economic", _("Sustainability score: economic")),
        ("social", _("Sustainability score: social")),
        ("psychosocial", _("Sustainability score: psychosocial")),
        ("composite", _("Sustainability score: composite")),
    ):
        register_indicator(
            Indicator(
                id=f"followup.rss_{dimension}",
                name=name,
                definition=_(
                    "Mean Reintegration Sustainability Survey score (0–100) of the outcomes recorded, as stored "
                    "with the scoring version of each outcome (the raw answers are kept, so scores can be recomputed)."
                ),
                numerator=_("sum of the scores × 100"),
                unit="score",
                rows=lambda d=dimension: outcomes().filter(**{f"{d}_score__isnull": False}),
                measure=lambda d=dimension: Avg(F(f"{d}_score") * 100),
                extras=MONTHS,
                **OUTCOME,
            )
        )
    register_indicator(
        Indicator(
            id="followup.remigrations",
            name=_("Re-migrations noticed"),
            definition=_("Former reintegration participants received again after a new deportation."),
            numerator=_("re-migrations recorded with a new arrival in the period"),
            denominator="",
            unit="persons",
            area="followup",
            source=SOURCE,
            rows=lambda: Remigration.objects.all(),
            date="arrived_on",
            measure=lambda: Count("id"),
            person="person",
        )
    )
