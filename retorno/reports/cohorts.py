"""Cohort outcomes: for the people who arrived in a month, what follow-up found at 3, 6 and 12
months. One GROUP BY over follow-ups (counted from the arrival) joined to their outcomes."""

import datetime

from django.db.models import Avg, Count, Exists, OuterRef, Q

from retorno.reintegration.models import FollowUp, FollowUpInvitation, FollowUpOutcome
from retorno.reintegration.models.reference import FollowUpTrigger

MONTHS = (3, 6, 12)


def cohort(month: datetime.date) -> list[dict]:
    """Rows per months-after: due, reached, working, business, intending to migrate, mean scores."""
    first = month.replace(day=1)
    last = (first + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    outcome = "outcome__"
    rows = (
        FollowUp.objects.filter(trigger=FollowUpTrigger.ARRIVAL, base_date__gte=first, base_date__lte=last)
        .exclude(status=FollowUp.Status.CANCELLED)
        .filter(months_after__in=MONTHS)
        .annotate(was_invited=Exists(FollowUpInvitation.objects.filter(followup=OuterRef("pk"))))
        .values("months_after")
        .annotate(
            due=Count("id"),
            invited=Count("id", filter=Q(was_invited=True)),
            self_answered=Count("id", filter=Q(outcome__self_reported=True)),
            reached=Count("id", filter=Q(status=FollowUp.Status.DONE)),
            working=Count("id", filter=Q(outcome__isnull=False) & ~Q(outcome__working=FollowUpOutcome.Working.NONE)),
            business=Count("id", filter=Q(outcome__business_operating=True)),
            intend=Count("id", filter=Q(outcome__intends_to_migrate=FollowUpOutcome.Intention.YES)),
            remigrated=Count("id", filter=Q(status=FollowUp.Status.REMIGRATED)),
            economic=Avg(f"{outcome}economic_score"),
            social=Avg(f"{outcome}social_score"),
            psychosocial=Avg(f"{outcome}psychosocial_score"),
            composite=Avg(f"{outcome}composite_score"),
        )
        .order_by("months_after")
    )
    out = []
    for row in rows:
        due, reached = row["due"], row["reached"]
        out.append(
            {
                **row,
                "reach": round(100 * reached / due, 1) if due else None,
                # Of those sent the questionnaire link, the share who answered it themselves.
                "response_rate": round(100 * row["self_answered"] / row["invited"], 1) if row["invited"] else None,
                "working_share": round(100 * row["working"] / reached, 1) if reached else None,
                "business_share": round(100 * row["business"] / reached, 1) if reached else None,
                "intend_share": round(100 * row["intend"] / reached, 1) if reached else None,
                **{
                    k: (round(100 * row[k], 1) if row[k] is not None else None)
                    for k in ("economic", "social", "psychosocial", "composite")
                },
            }
        )
    return out
