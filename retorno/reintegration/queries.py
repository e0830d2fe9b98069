"""Every read of the reintegration app, through what the user may see."""

import datetime
from decimal import Decimal

from django.db.models import (
    Avg,
    BooleanField,
    Count,
    DecimalField,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest
from django.utils import timezone

from retorno.accounts.access import can
from retorno.accounts.models import User
from retorno.audit.actions import audit_view
from retorno.reintegration.models import (
    BudgetLine,
    BusinessGrant,
    DocumentRequest,
    Enrolment,
    FollowUp,
    FollowUpOutcome,
    JobReferral,
    ReintegrationCase,
    Remigration,
)


def cases_visible_to(user: User) -> QuerySet[ReintegrationCase]:
    """Reintegration officers and programme managers see every case; nobody else sees any."""
    if not can(user, "reintegration.view"):
        return ReintegrationCase.objects.none()
    return ReintegrationCase.objects.select_related("person", "officer")


def _read(user: User, obj, *, person_id: int | None, section: str, request: HttpRequest | None):
    """Write the read audit for ``obj`` when the caller names the page's ``section`` (a page or endpoint
    that shows the record); lookups made only to act on a record pass no section."""
    if section:
        audit_view(actor=user, obj=obj, person_id=person_id, section=section, request=request)
    return obj


def case_get_for(
    *, user: User, case_id: int, section: str = "", request: HttpRequest | None = None
) -> ReintegrationCase:
    """The case if ``user`` may see it; 404 otherwise. With ``section``, the read is audited."""
    try:
        case = cases_visible_to(user).get(pk=case_id)
    except (ReintegrationCase.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    return _read(user, case, person_id=case.person_id, section=section, request=request)


def followups_visible_to(user: User) -> QuerySet[FollowUp]:
    if not can(user, "reintegration.view"):
        return FollowUp.objects.none()
    return FollowUp.objects.select_related("person", "case", "officer")


def followup_get_for(
    *, user: User, followup_id: int, section: str = "", request: HttpRequest | None = None
) -> FollowUp:
    """The follow-up if ``user`` may see it; 404 otherwise. With ``section``, the read is audited."""
    try:
        followup = followups_visible_to(user).get(pk=followup_id)
    except (FollowUp.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    return _read(user, followup, person_id=followup.person_id, section=section, request=request)


def object_get_for(
    *, user: User, model, pk: int, case_path: str = "case", section: str = "", request: HttpRequest | None = None
):
    """A document, enrolment, job referral, grant... whose case ``user`` may see; 404 otherwise.

    With ``section``, the read is audited against the case's person.
    """
    if not can(user, "reintegration.view"):
        raise Http404
    try:
        obj = model.objects.select_related(case_path, f"{case_path}__person").get(pk=pk)
    except (model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    case = obj
    for step in case_path.split("__"):
        case = getattr(case, step)
    return _read(user, obj, person_id=case.person_id, section=section, request=request)


def with_questionnaire_state(followups: QuerySet[FollowUp]) -> QuerySet[FollowUp]:
    """Annotate ``invited`` and ``self_answered``: calls go only to those who did not answer."""
    from django.db.models import Exists, OuterRef

    from retorno.reintegration.models import FollowUpInvitation

    invitations = FollowUpInvitation.objects.filter(followup=OuterRef("pk"))
    return followups.annotate(
        invited=Exists(invitations), self_answered=Exists(invitations.filter(answered_at__isnull=False))
    )


CONTACT_PURPOSES = ("follow_up", "reintegration")  # Consent.Purpose values that allow contacting a person


def _consent_given(purpose: str, person_ref: str):
    from retorno.people.models import Consent

    latest = Consent.objects.filter(person=OuterRef(person_ref), purpose=purpose).order_by("-at", "-id")
    return Coalesce(Subquery(latest.values("given")[:1]), Value(False), output_field=BooleanField())


def with_contact_consent(queryset: QuerySet, *, person_ref: str = "person_id") -> QuerySet:
    """Annotate ``contactable``-ready fields: the decision in force for each contact purpose."""
    return queryset.annotate(**{f"consent_{p}": _consent_given(p, person_ref) for p in CONTACT_PURPOSES})


CONTACTABLE = Q(**{f"consent_{CONTACT_PURPOSES[0]}": True}) | Q(**{f"consent_{CONTACT_PURPOSES[1]}": True})


def worklist(*, user: User, until: datetime.date | None = None) -> dict:
    """The officer's follow-ups still due, by due date, and those nobody has taken yet.

    Only people who agreed to be contacted are listed (nobody may call the others); those
    are counted as ``no_consent``, never as due or overdue.
    """
    due = with_contact_consent(
        with_questionnaire_state(followups_visible_to(user).filter(status=FollowUp.Status.DUE))
    ).order_by("due_on", "id")
    if until:
        due = due.filter(due_on__lte=until)
    contactable = due.filter(CONTACTABLE)
    return {
        "mine": list(contactable.filter(officer=user)[:300]),
        "unassigned": list(contactable.filter(officer__isnull=True)[:100]),
        "no_consent": due.exclude(CONTACTABLE).count(),
        # Answered by the person through a link in the last two weeks: no call needed, read the answers.
        "self_answered": list(
            followups_visible_to(user)
            .filter(
                Q(officer=user) | Q(officer__isnull=True),
                outcome__self_reported=True,
                outcome__recorded_at__gte=timezone.now() - datetime.timedelta(days=14),
            )
            .select_related("outcome")
            .order_by("-outcome__recorded_at")[:100]
        ),
    }


def arrivals_without_contact_consent() -> int:
    """People checked in at reception who did not agree to be contacted: no follow-up is scheduled."""
    from django.apps import apps

    try:
        arrival = apps.get_model("reception", "Arrival")
    except LookupError:
        return 0
    present = arrival.objects.filter(status__in=("checked_in", "walk_in"), person__isnull=False)
    return with_contact_consent(present).exclude(CONTACTABLE).count()


def budget_lines_with_balance() -> QuerySet[BudgetLine]:
    money = DecimalField(max_digits=14, decimal_places=2)
    return BudgetLine.objects.select_related("donor").annotate(
        spent=Coalesce(Sum("payments__amount"), Value(Decimal("0")), output_field=money),
        balance=ExpressionWrapper(F("amount") - F("spent"), output_field=money),
    )


def grants_awaiting_review(user: User) -> QuerySet[BusinessGrant]:
    if not can(user, "reintegration.grant_approve"):
        return BusinessGrant.objects.none()
    return BusinessGrant.objects.filter(status=BusinessGrant.Status.SUBMITTED).select_related(
        "case__person", "drafted_by"
    )


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


def job_referral_get_for(
    *, user: User, job_referral_id: int, section: str = "", request: HttpRequest | None = None
) -> JobReferral:
    """A job referral whose case ``user`` may see, with its vacancy and employer referral; 404 otherwise.

    With ``section``, the read is audited.
    """
    if not can(user, "reintegration.view"):
        raise Http404
    jobs = JobReferral.objects.select_related(
        "case__person", "case__officer", "vacancy__employer", "referral__partner__organisation"
    )
    try:
        job = jobs.get(pk=job_referral_id)
    except (JobReferral.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    return _read(user, job, person_id=job.case.person_id, section=section, request=request)


def partner_referral_history(job: JobReferral) -> list:
    """The employer referral's changes (who answered what, how, when), oldest first."""
    return list(job.referral.changes.select_related("actor"))


def employer_may_answer(job: JobReferral) -> bool:
    """Whether the employer still has an answer to give (so a signed link makes sense)."""
    return bool(job.referral.partner_answers())


def followup_response_by_cohort(*, months: int = 12) -> list[dict]:
    """Per arrival month (follow-ups counted from an arrival): how many were invited to answer by
    themselves, how many answered, and the response rate — counted in the database."""
    from django.db.models import Count, Exists, OuterRef, Q
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
