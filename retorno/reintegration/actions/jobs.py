"""Job referrals: a referral to an employer with its job detail (vacancy, interview, hiring).

A job referral is one ``referrals.Referral`` to the employer's partner profile (under the person's
consent to share data with partners, or a manager's audited override) and its ``JobReferral``
detail. The referral's status is the only status: the employer answers it in Retorno, through a
signed link, or by phone to the officer, and ``referral_set_status`` moves it. After each move
``job_referral_follow`` (registered in reintegration's ``ready()``) writes down the job facts the
answer brings: the interview date, the hiring (with its retention checks), why not. The officer
records a stage (``job_referral_set_status``) as the referral's move, never a second status.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from retorno.accounts.access import can, require
from retorno.accounts.models import Organisation, User
from retorno.audit.actions import audit_write, snapshot
from retorno.referrals.actions import (
    partner_create,
    partner_update,
    referral_create,
    referral_set_status,
    signed_link_create,
)
from retorno.referrals.models import Partner, Referral, Service, SharedField
from retorno.reintegration.actions.common import EDIT, require_live, require_reason, today_or
from retorno.reintegration.actions.followup import followups_schedule
from retorno.reintegration.audit_actions import AuditAction
from retorno.reintegration.models import FollowUpTrigger, JobReferral, ReintegrationCase, Vacancy

# What an employer needs to call the person in for an interview; the officer may share less or more.
DEFAULT_EMPLOYER_FIELDS = [SharedField.NAME, SharedField.AGE, SharedField.PHONE, SharedField.EDUCATION]
JOB_FACTS = ["interview_on", "hired_on", "outcome", "reason"]
Stage = JobReferral.Stage


def employer_partner(*, actor: User, vacancy: Vacancy, request=None) -> Partner:
    """The employer's partner profile offering employment; created (or extended) if the actor may."""
    employer = vacancy.employer
    partner = Partner.objects.filter(organisation=employer).prefetch_related("offers").first()
    if partner is not None and Service.EMPLOYMENT in partner.services:
        return partner
    if not can(actor, "partner.manage"):
        raise ValidationError(
            {
                "vacancy": _(
                    "%(employer)s is not in the partner directory as an employer yet: ask a programme manager "
                    "to add it (service: employment) before referring anyone to its vacancies."
                )
                % {"employer": employer.name}
            }
        )
    if partner is None:
        return partner_create(actor=actor, organisation=employer, services=[Service.EMPLOYMENT], request=request)
    offers = {offer.service: offer.detail for offer in partner.offers.all()}
    return partner_update(actor=actor, partner=partner, services={**offers, Service.EMPLOYMENT: ""}, request=request)


@transaction.atomic
def job_referral_follow(*, actor, referral: Referral, request=None) -> JobReferral | None:
    """Write down what the referral's new status means for its job detail (one way: status → facts).

    accepted: the interview (today, unless the officer booked a date); completed: hired (today
    unless recorded), which schedules the retention checks and closes a filled vacancy;
    rejected or no-show: not hired, with the employer's reason; revoked: the reason. Called by
    ``referral_set_status`` after every move of an employment referral; ``actor`` may be a
    partner user or a signed link.
    """
    job = JobReferral.objects.select_for_update().select_related("case", "vacancy").filter(referral=referral).first()
    if job is None:
        return None
    job.referral = referral
    before = snapshot(job, JOB_FACTS)
    status = referral.status
    if status == Referral.Status.ACCEPTED and job.interview_on is None:
        job.interview_on = timezone.localdate()
    elif status == Referral.Status.COMPLETED and job.outcome != JobReferral.Outcome.NOT_HIRED:
        job.outcome = JobReferral.Outcome.HIRED
        job.hired_on = job.hired_on or timezone.localdate()
        job.interview_on = job.interview_on or job.hired_on
    elif status in (Referral.Status.REJECTED, Referral.Status.NO_SHOW):
        job.outcome = JobReferral.Outcome.NOT_HIRED
        job.reason = referral.reason[:300]
        if status == Referral.Status.NO_SHOW:
            job.reason = (_("Did not show up: %(reason)s") % {"reason": referral.reason})[:300]
    elif status == Referral.Status.REVOKED:
        job.reason = referral.reason[:300]
    after = snapshot(job, JOB_FACTS)
    if after == before:
        return job
    job.full_clean()
    job.save(update_fields=JOB_FACTS)
    audit_write(
        actor=actor,
        action=AuditAction.JOB_REFERRAL_STATUS,
        obj=job,
        person_id=job.case.person_id,
        old=before,
        new={"stage": job.stage, **after},
        reason=referral.reason,
        request=request,
    )
    if job.stage == Stage.HIRED:
        _hired(actor=actor, job=job, request=request)
    return job


def _hired(*, actor, job: JobReferral, request=None) -> None:
    """Hiring schedules the retention checks (3, 6 and 12 months by default) and closes the vacancy
    when all its positions are filled."""
    followups_schedule(
        actor=actor,
        person=job.case.person,
        trigger=FollowUpTrigger.JOB,
        base_date=job.hired_on,
        case=job.case,
        job_referral=job,
        request=request,
    )
    vacancy = job.vacancy
    hired = vacancy.referrals.filter(referral__status=Referral.Status.COMPLETED, outcome=JobReferral.Outcome.HIRED)
    if hired.count() >= vacancy.positions:
        vacancy_open_or_close(actor=actor, vacancy=vacancy, is_open=False, request=request)


def job_referral_link_create(*, actor: User, job_referral: JobReferral, days_valid: int = 7, request=None) -> str:
    """A single-use signed link the employer answers the job referral with; returns its path (shown once)."""
    require(actor, EDIT)
    job_referral = JobReferral.objects.select_related("referral").get(pk=job_referral.pk)
    return signed_link_create(actor=actor, referral=job_referral.referral, days_valid=days_valid, request=request)


def job_referral_link_send(*, actor: User, job_referral: JobReferral, channel: str, days_valid: int = 7, request=None):
    """Send the employer a fresh signed link by email, SMS or WhatsApp (never copied by hand)."""
    from retorno.referrals.actions import referral_link_send

    require(actor, EDIT)
    job_referral = JobReferral.objects.select_related("referral__partner__organisation").get(pk=job_referral.pk)
    return referral_link_send(
        actor=actor, referral=job_referral.referral, channel=channel, days_valid=days_valid, request=request
    )


__all__ = [
    "DEFAULT_EMPLOYER_FIELDS",
    "employer_partner",
    "job_referral_follow",
    "job_referral_link_create",
    "job_referral_link_send",
]


# Jobs --------------------------------------------------------------------------------------------


@transaction.atomic
def vacancy_create(
    *,
    actor: User,
    employer: Organisation,
    title: str,
    sector: str,
    positions: int = 1,
    municipality=None,
    requirements: str = "",
    posted_on: datetime.date | None = None,
    request=None,
) -> Vacancy:
    """Publish a vacancy offered by an employer partner."""
    require(actor, EDIT)
    if employer.kind != Organisation.Kind.EMPLOYER:
        raise ValidationError({"employer": _("Choose an employer partner.")})
    vacancy = Vacancy(
        employer=employer,
        title=title.strip(),
        sector=sector,
        positions=positions,
        municipality=municipality,
        requirements=requirements.strip(),
        posted_on=posted_on or timezone.localdate(),
    )
    vacancy.full_clean()
    vacancy.save()
    audit_write(actor=actor, action=AuditAction.VACANCY_CREATE, obj=vacancy, new=snapshot(vacancy), request=request)
    return vacancy


@transaction.atomic
def vacancy_set_open(*, actor: User, vacancy: Vacancy, is_open: bool, request=None) -> Vacancy:
    """Staff close or reopen a vacancy (reintegration staff only)."""
    require(actor, EDIT)
    return vacancy_open_or_close(actor=actor, vacancy=vacancy, is_open=is_open, request=request)


def vacancy_open_or_close(*, actor, vacancy: Vacancy, is_open: bool, request=None) -> Vacancy:
    """Open or close a vacancy; also the programme's own move when the last position is filled."""
    if vacancy.is_open != is_open:
        vacancy.is_open = is_open
        vacancy.save(update_fields=["is_open"])
        audit_write(
            actor=actor,
            action=AuditAction.VACANCY_OPEN if is_open else AuditAction.VACANCY_CLOSE,
            obj=vacancy,
            new={"is_open": is_open},
            request=request,
        )
    return vacancy


@transaction.atomic
def job_referral_create(
    *,
    actor: User,
    case: ReintegrationCase,
    vacancy: Vacancy,
    shared_fields: list[str] | None = None,
    consent_override_reason: str = "",
    note: str = "",
    request=None,
) -> JobReferral:
    """Put the person forward for an open vacancy, and send the employer a referral to answer.

    The referral goes to the employer's partner profile (created on the fly when the actor
    manages partners) and shares ``shared_fields`` under the person's consent to share data
    with partners; without it only a manager may refer, with a reason (audited).
    """
    require(actor, EDIT)
    require_live(case)
    if not vacancy.is_open:
        raise ValidationError({"vacancy": _("This vacancy is closed.")})
    live = [Referral.Status.PENDING, Referral.Status.ACCEPTED]
    if case.job_referrals.filter(vacancy=vacancy, referral__status__in=live).exists():
        raise ValidationError({"vacancy": _("The person is already referred to this vacancy.")})
    referral = referral_create(
        actor=actor,
        person=case.person,
        partner=employer_partner(actor=actor, vacancy=vacancy, request=request),
        service=Service.EMPLOYMENT,
        purpose=_("Job vacancy: %(title)s") % {"title": vacancy.title},
        shared_fields=list(shared_fields or DEFAULT_EMPLOYER_FIELDS),
        consent_override_reason=consent_override_reason,
        note=note,
        request=request,
    )
    job = JobReferral(referral=referral, case=case, vacancy=vacancy)
    job.full_clean()
    job.save()
    audit_write(
        actor=actor,
        action=AuditAction.JOB_REFERRAL_CREATE,
        obj=job,
        person_id=case.person_id,
        new=snapshot(job),
        request=request,
    )
    return job


@transaction.atomic
def job_referral_set_status(
    *,
    actor: User,
    job_referral: JobReferral,
    status: str,
    on: datetime.date | None = None,
    reason: str = "",
    request=None,
) -> JobReferral:
    """The officer records a stage of a job referral (an answer the employer gave by phone, a withdrawal).

    ``status`` is a stage: interview (``on`` may be ahead), hired (``on`` not in the future), not
    hired or withdrawn (with a reason). Each is a move of the referral: interview → accepted,
    hired → completed, not hired → rejected while pending (revoked after the interview, which
    closes the employer's link), withdrawn → revoked; ``job_referral_follow`` then writes the facts.
    """
    require(actor, EDIT)
    job = JobReferral.objects.select_for_update().select_related("referral").get(pk=job_referral.pk)
    if status not in dict(job.next_stages()):
        params = {"thing": str(JobReferral._meta.verbose_name), "from": job.get_stage_display()}
        params["to"] = str(dict(Stage.choices).get(status, status))
        raise ValidationError({"status": _("This %(thing)s cannot go from “%(from)s” to “%(to)s”.") % params})
    R = Referral.Status
    referral = job.referral
    moves: list[str] = []
    if status == Stage.INTERVIEW:
        job.interview_on = on or timezone.localdate()  # an interview may be booked ahead
        moves = [R.ACCEPTED]
    elif status == Stage.HIRED:
        job.hired_on = today_or(on)
        moves = [R.ACCEPTED, R.COMPLETED] if referral.status == R.PENDING else [R.COMPLETED]
    else:
        reason = require_reason(reason, _("Say why."))
        if status == Stage.NOT_HIRED:
            job.outcome = JobReferral.Outcome.NOT_HIRED
            moves = [R.REJECTED] if referral.status == R.PENDING else [R.REVOKED]
        else:
            moves = [R.REVOKED]
    job.full_clean()
    job.save()
    # Stored as the English message and translated when shown (referrals' detail page), so each reader
    # sees it in their own language.
    note = gettext_noop("Recorded from the job referral by the reintegration officer.")
    for move in moves:
        referral = referral_set_status(
            actor=actor, referral=referral, status=move, reason=reason, note=note, request=request
        )
    job.refresh_from_db()
    return job
