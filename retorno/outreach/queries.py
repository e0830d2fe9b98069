"""Every outreach read: what a user may see, worklists, and the figures (aggregates only, no names)."""

import datetime

from django.db.models import Count, Q, QuerySet, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from retorno.accounts.access import can, require
from retorno.accounts.models import Organisation, User
from retorno.outreach.models import (
    Campaign,
    CampaignActivity,
    CapacityAssessment,
    DialogueEvent,
    Enrolment,
    Meeting,
    Network,
    NetworkAgreement,
    Participant,
    PartnerAgreement,
    SessionAttendance,
    Training,
)

# Share of a training's sessions a participant must attend to earn the certificate.
ATTENDANCE_FOR_CERTIFICATE = 0.8


def institutions_directory(*, user: User, kind: str = "", q: str = "") -> QuerySet[Organisation]:
    require(user, "institution.view")
    rows = Organisation.objects.select_related("parent", "department").filter(is_active=True)
    if kind:
        rows = rows.filter(kind=kind)
    if q:
        rows = rows.filter(Q(name__icontains=q) | Q(acronym__icontains=q))
    return rows


def institution_get_for(*, user: User, organisation_id: int) -> Organisation:
    require(user, "institution.view")
    return get_object_or_404(Organisation, pk=organisation_id)


def trainings_visible_to(user: User) -> QuerySet[Training]:
    require(user, "outreach.view")
    return Training.objects.select_related("department").annotate(participants=Count("enrolments"))


def training_get_for(*, user: User, training_id: int) -> Training:
    return get_object_or_404(trainings_visible_to(user), pk=training_id)


def training_roster(training: Training) -> list[dict]:
    """Each enrolment with the sessions attended and whether it earns the certificate."""
    sessions = training.sessions.count()
    present = dict(
        SessionAttendance.objects.filter(enrolment__training=training, present=True)
        .values("enrolment")
        .annotate(n=Count("id"))
        .values_list("enrolment", "n")
    )
    rows = []
    for enrolment in training.enrolments.select_related("participant__institution", "participant__department"):
        attended = present.get(enrolment.pk, 0)
        rows.append(
            {
                "enrolment": enrolment,
                "attended": attended,
                "sessions": sessions,
                "certified": _earns_certificate(training, enrolment, attended, sessions),
            }
        )
    return rows


def _earns_certificate(training: Training, enrolment: Enrolment, attended: int, sessions: int) -> bool:
    return (
        sessions > 0
        and attended >= ATTENDANCE_FOR_CERTIFICATE * sessions
        and enrolment.post_score is not None
        and enrolment.post_score >= training.pass_mark
    )


def certificate_holders(training: Training) -> list[Enrolment]:
    return [row["enrolment"] for row in training_roster(training) if row["certified"]]


def attendance_by_session(training: Training) -> dict[int, set[int]]:
    """session id -> ids of the enrolments present."""
    present: dict[int, set[int]] = {s.pk: set() for s in training.sessions.all()}
    for session_id, enrolment_id in SessionAttendance.objects.filter(
        session__training=training, present=True
    ).values_list("session", "enrolment"):
        present[session_id].add(enrolment_id)
    return present


def participants_register(*, user: User, q: str = "") -> QuerySet[Participant]:
    require(user, "outreach.view")
    rows = Participant.objects.select_related("institution", "department").annotate(trainings=Count("enrolments"))
    if q:
        rows = rows.filter(full_name__icontains=q)
    return rows


def networks_visible_to(user: User):
    require(user, "outreach.view")
    return Network.objects.select_related("department", "coordinator").annotate(
        member_count=Count("members", filter=Q(members__is_active=True), distinct=True),
        meeting_count=Count("meetings", distinct=True),
    )


def agreements_due(*, user: User, within_days: int = 30) -> QuerySet[NetworkAgreement]:
    """The worklist: open network agreements due within ``within_days`` or overdue, earliest first."""
    require(user, "outreach.view")
    horizon = timezone.localdate() + datetime.timedelta(days=within_days)
    return NetworkAgreement.objects.filter(status=NetworkAgreement.Status.OPEN, due_on__lte=horizon).select_related(
        "network", "owner"
    )


def campaigns_visible_to(user: User):
    require(user, "outreach.view")
    return Campaign.objects.annotate(
        activity_count=Count("activities", distinct=True),
        reached=Sum("activities__reached_female")
        + Sum("activities__reached_male")
        + Sum("activities__reached_unknown"),
    )


def campaigns_by_department(user: User) -> list[dict]:
    """Campaign activities and reach per department (the map's figures)."""
    require(user, "outreach.view")
    rows = (
        CampaignActivity.objects.filter(municipality__isnull=False)
        .values("municipality__department__code", "municipality__department__name")
        .annotate(
            activities=Count("id"),
            campaigns=Count("campaign", distinct=True),
            female=Sum("reached_female"),
            male=Sum("reached_male"),
            unknown=Sum("reached_unknown"),
            schools=Sum("schools"),
            broadcasts=Sum("broadcasts"),
        )
        .order_by("municipality__department__code")
    )
    return [
        {
            "code": r["municipality__department__code"],
            "department": r["municipality__department__name"],
            "activities": r["activities"],
            "campaigns": r["campaigns"],
            "reached": r["female"] + r["male"] + r["unknown"],
            "female": r["female"],
            "male": r["male"],
            "schools": r["schools"],
            "broadcasts": r["broadcasts"],
        }
        for r in rows
    ]


def dialogue_visible_to(user: User) -> QuerySet[DialogueEvent]:
    require(user, "outreach.view")
    return DialogueEvent.objects.annotate(institutions=Count("participants", distinct=True))


def agreements_visible_to(user: User) -> QuerySet[PartnerAgreement]:
    """Programme staff see every partner agreement; a partner sees only its own organisation's."""
    require(user, "agreement.view")
    rows = PartnerAgreement.objects.select_related("organisation", "budget_line", "created_by", "approved_by")
    if not can(user, "outreach.view"):
        rows = rows.filter(organisation=user.organisation)
    return rows


def agreement_get_for(*, user: User, agreement_id: int) -> PartnerAgreement:
    return get_object_or_404(agreements_visible_to(user), pk=agreement_id)


def assessments_visible_to(user: User) -> QuerySet[CapacityAssessment]:
    require(user, "agreement.view")
    rows = CapacityAssessment.objects.select_related("organisation", "checklist", "assessed_by")
    if not can(user, "outreach.view"):
        rows = rows.filter(organisation=user.organisation)
    return rows


def assessment_get_for(*, user: User, assessment_id: int) -> CapacityAssessment:
    return get_object_or_404(assessments_visible_to(user), pk=assessment_id)


def assessment_result(assessment: CapacityAssessment) -> dict:
    """Score per area and overall, as points and percent of the maximum."""
    areas: dict[str, list[int]] = {}
    for row in assessment.scores.select_related("criterion"):
        got, top = areas.setdefault(row.criterion.area, [0, 0]), row.criterion.max_score
        got[0] += row.score
        got[1] += top
    total = [sum(v[0] for v in areas.values()), sum(v[1] for v in areas.values())]
    return {
        "areas": [
            {"area": a, "score": s, "max": m, "percent": round(100 * s / m) if m else 0} for a, (s, m) in areas.items()
        ],
        "score": total[0],
        "max": total[1],
        "percent": round(100 * total[0] / total[1]) if total[1] else 0,
    }


def object_or_404(queryset: QuerySet, pk: int):
    row = queryset.filter(pk=pk).first()
    if row is None:
        raise Http404
    return row


# --- Figures (aggregates; the indicators of the evidence issue) -------------------------------------


def _period(rows: QuerySet, field: str, start: datetime.date | None, end: datetime.date | None) -> QuerySet:
    if start:
        rows = rows.filter(**{f"{field}__gte": start})
    if end:
        rows = rows.filter(**{f"{field}__lte": end})
    return rows


def officials_trained(
    *, start: datetime.date | None = None, end: datetime.date | None = None, by: str = "institution"
) -> list[dict]:
    """Distinct officials who took part in a training held in the period, by ``institution``,
    ``position``, ``department``, ``sex``, ``audience`` or ``topic`` (a repeat participant counts once per group)."""
    field = {
        "institution": "participant__institution__name",
        "position": "participant__position",
        "department": "participant__department__name",
        "sex": "participant__sex",
        "audience": "training__audience",
        "topic": "training__topic",
    }[by]
    rows = _period(
        Enrolment.objects.filter(training__status__in=[Training.Status.HELD, Training.Status.CLOSED]),
        "training__starts_on",
        start,
        end,
    )
    grouped = rows.values(field).annotate(
        officials=Count("participant", distinct=True),
        women=Count("participant", filter=Q(participant__sex="F"), distinct=True),
        men=Count("participant", filter=Q(participant__sex="M"), distinct=True),
    )
    return sorted(
        (
            {"group": r[field] or "—", "officials": r["officials"], "women": r["women"], "men": r["men"]}
            for r in grouped
        ),
        key=lambda r: (-r["officials"], str(r["group"])),
    )


def outreach_totals(*, start: datetime.date | None = None, end: datetime.date | None = None) -> dict:
    """The headline outreach indicators for a period."""
    held = _period(
        Training.objects.filter(status__in=[Training.Status.HELD, Training.Status.CLOSED]), "starts_on", start, end
    )
    enrolments = Enrolment.objects.filter(training__in=held)
    scored = enrolments.filter(pre_score__isnull=False, post_score__isnull=False)
    gain = scored.aggregate(pre=Sum("pre_score"), post=Sum("post_score"), n=Count("id"))
    agreements = _period(NetworkAgreement.objects.all(), "due_on", start, end)
    today = timezone.localdate()
    activities = _period(CampaignActivity.objects.all(), "date", start, end)
    reach = activities.aggregate(
        female=Sum("reached_female"),
        male=Sum("reached_male"),
        unknown=Sum("reached_unknown"),
        minors=Sum("reached_minors"),
        schools=Sum("schools"),
        broadcasts=Sum("broadcasts"),
    )
    reach = {k: v or 0 for k, v in reach.items()}
    return {
        "trainings_held": held.count(),
        "officials_trained": enrolments.values("participant").distinct().count(),
        "officials_trained_women": enrolments.filter(participant__sex="F").values("participant").distinct().count(),
        "officials_trained_men": enrolments.filter(participant__sex="M").values("participant").distinct().count(),
        "judges_trained": enrolments.filter(training__audience="judges").values("participant").distinct().count(),
        "average_score_gain": round((gain["post"] - gain["pre"]) / gain["n"], 1) if gain["n"] else None,
        "network_meetings": _period(Meeting.objects.all(), "date", start, end).count(),
        "networks_active": networks_count(),
        "network_agreements_due": agreements.count(),
        "network_agreements_met": agreements.filter(status=NetworkAgreement.Status.DONE).count(),
        "network_agreements_overdue": agreements.filter(status=NetworkAgreement.Status.OPEN, due_on__lt=today).count(),
        "campaign_activities": activities.count(),
        "campaign_reach": reach["female"] + reach["male"] + reach["unknown"],
        "campaign_reach_women": reach["female"],
        "campaign_reach_men": reach["male"],
        "campaign_reach_minors": reach["minors"],
        "campaign_schools": reach["schools"],
        "campaign_broadcasts": reach["broadcasts"],
        "dialogue_events": _period(DialogueEvent.objects.all(), "date", start, end).count(),
        "partner_agreements_approved": PartnerAgreement.objects.filter(
            status__in=[PartnerAgreement.Status.APPROVED, PartnerAgreement.Status.CLOSED]
        ).count(),
    }


def networks_count() -> int:
    return Network.objects.filter(is_active=True).count()


def figures_for(*, user: User, start: datetime.date | None = None, end: datetime.date | None = None) -> dict:
    """The outreach figures page: totals and officials trained by institution, position, department, sex."""
    require(user, "outreach.figures")
    return {
        "totals": outreach_totals(start=start, end=end),
        "by": {
            by: officials_trained(start=start, end=end, by=by)
            for by in ("institution", "position", "department", "sex")
        },
        "campaigns_by_department": campaigns_by_department(user),
    }
