"""Outreach indicators for the reports catalogue, and outreach costs for the programme ledger.

Both are registered from ``OutreachConfig.ready()``: the reports and funding apps never import outreach.
"""

from django.db.models import Avg, Count, F, Sum
from django.utils.translation import gettext_lazy as _

from retorno.outreach.models import (
    CampaignActivity,
    Enrolment,
    Meeting,
    NetworkAgreement,
    Sex,
    Training,
)
from retorno.outreach.models.common import Audience

HELD = [Training.Status.HELD, Training.Status.CLOSED]
SOURCE = _("Outreach: trainings, networks and campaigns")
# The ledger source of held trainings' costs (``ledger_sync(source_types=[TRAINING_COSTS])``).
TRAINING_COSTS = "outreach.training"


def _enrolments():
    return Enrolment.objects.filter(training__status__in=HELD)


def register() -> None:
    from retorno.reports.catalogue import Extra, Indicator, register_indicator

    training_extras = {
        "institution": Extra("participant__institution__name", _("Institution")),
        "position": Extra("participant__position", _("Position")),
        # Not "sex"/"department": those keys mean the returnee's (the indicator has no person path).
        "official_department": Extra("participant__department__name", _("Department")),
        "official_sex": Extra("participant__sex", _("Sex"), dict(Sex.choices)),
        "audience": Extra("training__audience", _("Audience"), dict(Audience.choices)),
        "topic": Extra("training__topic", _("Topic"), dict(Training.Topic.choices)),
    }
    common = {"source": SOURCE, "area": "outreach"}
    register_indicator(
        Indicator(
            id="outreach.officials_trained",
            name=_("Officials trained"),
            definition=_("Different officials and partner staff who took part in a training held in the period."),
            numerator=_("participants of trainings held in the period (each counted once)"),
            denominator="",
            unit="persons",
            rows=_enrolments,
            date="training__starts_on",
            measure=lambda: Count("participant", distinct=True),
            extras=training_extras,
            additive=False,
            hxl="#reached+officials",
            **common,
        )
    )
    register_indicator(
        Indicator(
            id="outreach.score_gain",
            name=_("Average score gain of officials trained"),
            definition=_("Post-test minus pre-test score, averaged over participants with both scores."),
            numerator=_("sum of (post-test − pre-test)"),
            denominator=_("participants with both scores"),
            unit="score",
            rows=lambda: _enrolments().filter(pre_score__isnull=False, post_score__isnull=False),
            date="training__starts_on",
            measure=lambda: Avg(F("post_score") - F("pre_score")),
            extras=training_extras,
            additive=False,
            **common,
        )
    )
    register_indicator(
        Indicator(
            id="outreach.trainings_held",
            name=_("Trainings held"),
            definition=_("Trainings of officials and partners held in the period."),
            numerator=_("trainings held"),
            denominator="",
            unit="events",
            rows=lambda: Training.objects.filter(status__in=HELD),
            date="starts_on",
            measure=lambda: Count("id"),
            extras={
                "audience": Extra("audience", _("Audience"), dict(Audience.choices)),
                "topic": Extra("topic", _("Topic"), dict(Training.Topic.choices)),
                "training_department": Extra("department__name", _("Department")),
            },
            **common,
        )
    )
    register_indicator(
        Indicator(
            id="outreach.network_meetings",
            name=_("Network meetings"),
            definition=_("Meetings of departmental networks, working groups and the civil-society network."),
            numerator=_("meetings held"),
            denominator="",
            unit="events",
            rows=lambda: Meeting.objects.all(),
            date="date",
            measure=lambda: Count("id"),
            extras={
                "network": Extra("network__name", _("Network")),
                "network_department": Extra("network__department__name", _("Department")),
            },
            **common,
        )
    )
    status_labels = dict(NetworkAgreement.Status.choices)
    register_indicator(
        Indicator(
            id="outreach.network_agreements_due",
            name=_("Network agreements due"),
            definition=_("Commitments made by networks that fall due in the period, by status (met, open, dropped)."),
            numerator=_("agreements due in the period"),
            denominator="",
            unit="events",
            rows=lambda: NetworkAgreement.objects.all(),
            date="due_on",
            measure=lambda: Count("id"),
            extras={
                "status": Extra("status", _("Status"), status_labels),
                "network": Extra("network__name", _("Network")),
            },
            **common,
        )
    )
    register_indicator(
        Indicator(
            id="outreach.network_agreements_met",
            name=_("Network agreements met"),
            definition=_("Commitments due in the period that the network met."),
            numerator=_("agreements met"),
            denominator="",
            unit="events",
            rows=lambda: NetworkAgreement.objects.filter(status=NetworkAgreement.Status.DONE),
            date="due_on",
            measure=lambda: Count("id"),
            extras={"network": Extra("network__name", _("Network"))},
            **common,
        )
    )
    activity_extras = {
        "campaign": Extra("campaign__name", _("Campaign")),
        "activity_department": Extra("municipality__department__name", _("Department")),
        "kind": Extra("kind", _("Activity"), dict(CampaignActivity.Kind.choices)),
    }
    register_indicator(
        Indicator(
            id="outreach.campaign_reach",
            name=_("People reached by prevention campaigns"),
            definition=_(
                "People reached by campaign activities (talks, broadcasts, fairs), as each activity counted them."
            ),
            numerator=_("women, men and people of unknown sex reached"),
            denominator="",
            unit="persons",
            rows=lambda: CampaignActivity.objects.all(),
            date="date",
            measure=lambda: Sum(F("reached_female") + F("reached_male") + F("reached_unknown")),
            extras=activity_extras,
            hxl="#reached",
            **common,
        )
    )
    register_indicator(
        Indicator(
            id="outreach.campaign_reach_women",
            name=_("Women and girls reached by prevention campaigns"),
            definition=_("Women and girls reached by campaign activities where the sex was counted."),
            numerator=_("women and girls reached"),
            denominator="",
            unit="persons",
            rows=lambda: CampaignActivity.objects.all(),
            date="date",
            measure=lambda: Sum("reached_female"),
            extras=activity_extras,
            hxl="#reached+f",
            **common,
        )
    )


def register_costs() -> None:
    """Training costs enter the programme ledger (kind training) when the training has been held."""
    from retorno.funding.models import CostKind
    from retorno.funding.sources import CostRow, LedgerSource, register_ledger_source

    def training_costs(since):
        rows = Training.objects.filter(status__in=HELD, cost__gt=0).select_related("budget_line")
        if since:
            rows = rows.filter(starts_on__gte=since)
        for training in rows:
            yield CostRow(
                source_id=training.pk,
                day=training.starts_on,
                amount=training.cost,
                currency="GTQ",
                description=training.title[:200],
                budget_line_code=training.budget_line.code if training.budget_line_id else "",
            )

    register_ledger_source(LedgerSource(TRAINING_COSTS, CostKind.TRAINING, training_costs))
