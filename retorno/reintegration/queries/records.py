"""Every read of the reintegration app, through what the user may see."""

import datetime

from django.db.models import (
    BooleanField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest
from django.utils import timezone

from retorno.accounts.access import can
from retorno.accounts.models import User
from retorno.audit.actions import audit_view
from retorno.reintegration.models import (
    BusinessGrant,
    FollowUp,
    JobReferral,
    ReintegrationCase,
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
    # A document drafted before any case (from reception's triage) names its person itself.
    person_id = case.person_id if case is not None else obj.person_id
    return _read(user, obj, person_id=person_id, section=section, request=request)


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


def grants_awaiting_review(user: User) -> QuerySet[BusinessGrant]:
    if not can(user, "reintegration.grant_approve"):
        return BusinessGrant.objects.none()
    return BusinessGrant.objects.filter(status=BusinessGrant.Status.SUBMITTED).select_related(
        "case__person", "drafted_by"
    )


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
