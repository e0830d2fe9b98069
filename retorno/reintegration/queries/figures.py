"""Programme figures without names, for M&E, managers and officers."""

import datetime

from django.db.models import (
    Avg,
    Count,
    OuterRef,
    Q,
)
from django.utils import timezone

from retorno.reintegration.models import (
    BusinessGrant,
    DocumentRequest,
    Enrolment,
    FollowUp,
    FollowUpOutcome,
    JobReferral,
    ReintegrationCase,
    Remigration,
)
from retorno.reintegration.queries.records import CONTACTABLE, with_contact_consent


def arrivals_without_contact_consent() -> int:
    """People checked in at reception who did not agree to be contacted: no follow-up is scheduled."""
    from django.apps import apps

    try:
        arrival = apps.get_model("reception", "Arrival")
    except LookupError:
        return 0
    present = arrival.objects.filter(status__in=("checked_in", "walk_in"), person__isnull=False)
    return with_contact_consent(present).exclude(CONTACTABLE).count()


def programme_figures() -> dict:
    """Counts and averages without names, for the figures page (M&E, managers, officers)."""
    today = timezone.localdate()
    cases = ReintegrationCase.objects.aggregate(
        total=Count("id"),
        open=Count("id", filter=Q(status=ReintegrationCase.Status.OPEN)),
        active=Count("id", filter=Q(status=ReintegrationCase.Status.ACTIVE)),
        closed=Count("id", filter=Q(status=ReintegrationCase.Status.CLOSED)),
        remigrated=Count("id", filter=Q(status=ReintegrationCase.Status.REMIGRATED)),
        plan_late=Count(
            "id",
            filter=Q(
                status=ReintegrationCase.Status.OPEN,
                plan_agreed_on__isnull=True,
                returned_on__lt=today - datetime.timedelta(days=30),
            ),
        ),
    )
    contactable = with_contact_consent(FollowUp.objects.all())
    followups = contactable.aggregate(
        due=Count("id", filter=Q(status=FollowUp.Status.DUE) & CONTACTABLE),
        overdue=Count("id", filter=Q(status=FollowUp.Status.DUE, due_on__lt=today) & CONTACTABLE),
        done=Count("id", filter=Q(status=FollowUp.Status.DONE)),
        unreachable=Count("id", filter=Q(status=FollowUp.Status.UNREACHABLE)),
    )
    outcomes = FollowUpOutcome.objects.aggregate(
        n=Count("id"),
        working=Count("id", filter=~Q(working=FollowUpOutcome.Working.NONE)),
        intend=Count("id", filter=Q(intends_to_migrate=FollowUpOutcome.Intention.YES)),
        economic=Avg("economic_score"),
        social=Avg("social_score"),
        psychosocial=Avg("psychosocial_score"),
        composite=Avg("composite_score"),
    )
    followups["no_consent"] = arrivals_without_contact_consent()
    return {
        "cases": cases,
        "followups": followups,
        "outcomes": outcomes,
        "remigrations": Remigration.objects.count(),
        "documents_issued": DocumentRequest.objects.filter(status=DocumentRequest.Status.ISSUED).count(),
        "trainings_completed": Enrolment.objects.filter(
            status__in=[Enrolment.Status.COMPLETED, Enrolment.Status.CERTIFIED]
        ).count(),
        "hired": JobReferral.objects.filter(outcome=JobReferral.Outcome.HIRED).count(),
        "grants_disbursed": BusinessGrant.objects.filter(status=BusinessGrant.Status.DISBURSED).count(),
    }


def followup_response_by_cohort(*, months: int = 12) -> list[dict]:
    """Per arrival month (follow-ups counted from an arrival): how many were invited to answer by
    themselves, how many answered, and the response rate — counted in the database."""
    from django.db.models import Count, Exists, Q
    from django.db.models.functions import TruncMonth

    from retorno.reintegration.models import FollowUpInvitation

    since = timezone.localdate().replace(day=1) - datetime.timedelta(days=31 * (months - 1))
    invited = FollowUpInvitation.objects.filter(followup=OuterRef("pk"))
    rows = (
        FollowUp.objects.filter(trigger="arrival", base_date__gte=since.replace(day=1))
        .annotate(cohort=TruncMonth("base_date"), was_invited=Exists(invited))
        .values("cohort")
        .annotate(
            followups=Count("id"),
            invited=Count("id", filter=Q(was_invited=True)),
            answered=Count("id", filter=Q(outcome__self_reported=True)),
        )
        .order_by("-cohort")
    )
    return [{**row, "rate": row["answered"] / row["invited"] if row["invited"] else None} for row in rows]


def scoring_versions() -> list[dict]:
    """Each survey scoring version with its questions, answer values, weights and the outcomes stored with it.

    Texts are in the active language (for the page and the API alike).
    """
    from retorno.reintegration import rss

    stored = dict(FollowUpOutcome.objects.values("rss_version").annotate(n=Count("id")).values_list("rss_version", "n"))
    return [
        {
            "code": s.code,
            "name": str(s.name),
            "method": str(s.method),
            "source": str(s.source),
            "current": s.code == rss.CURRENT_VERSION,
            "outcomes": stored.get(s.code, 0),
            "min_answered_share": s.min_answered_share,
            "dimension_weights": [
                {"dimension": d, "label": str(rss.DIMENSION_LABELS[d]), "weight": s.dimension_weight(d)}
                for d in rss.DIMENSIONS
            ],
            "questions": [
                {
                    "code": q.code,
                    "dimension": q.dimension,
                    "dimension_label": str(rss.DIMENSION_LABELS[q.dimension]),
                    "text": str(q.text),
                    "weight": s.weight(q.code),
                    "answers": [
                        {"answer": code, "label": str(rss.OPTION_LABELS.get(code, code)), "value": value}
                        for code, value in q.options.items()
                    ],
                }
                for q in s.questions
            ],
        }
        for s in rss.VERSIONS.values()
    ]
