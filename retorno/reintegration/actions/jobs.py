"""Job referrals through the referrals app: the employer answers a referral, the job referral follows.

A job referral sends a ``referrals.Referral`` to the employer's partner profile (under the
person's consent to share data with partners, or a manager's audited override). The employer
answers it in Retorno, through a signed link, or by phone to staff; ``referral_set_status``
then calls ``job_referral_sync_from_partner`` explicitly. The officer's own moves of the job
referral are passed on to the open referral the other way, so both records always agree.
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
from retorno.lib.workflow import transition
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

# The employer's answer on the referral -> where the job referral goes.
FROM_PARTNER = {
    Referral.Status.ACCEPTED: JobReferral.Status.INTERVIEW,
    Referral.Status.REJECTED: JobReferral.Status.NOT_HIRED,
    Referral.Status.COMPLETED: JobReferral.Status.HIRED,
    Referral.Status.NO_SHOW: JobReferral.Status.NOT_HIRED,
    Referral.Status.REVOKED: JobReferral.Status.WITHDRAWN,
}


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


def partner_referral_for_job(
    *,
    actor: User,
    job_referral: JobReferral,
    shared_fields: list[str] | None = None,
    consent_override_reason: str = "",
    note: str = "",
    request=None,
) -> Referral:
    """Send the employer the referral it will answer, and link it to ``job_referral``."""
    vacancy = job_referral.vacancy
    referral = referral_create(
        actor=actor,
        person=job_referral.case.person,
        partner=employer_partner(actor=actor, vacancy=vacancy, request=request),
        service=Service.EMPLOYMENT,
        purpose=_("Job vacancy: %(title)s") % {"title": vacancy.title},
        shared_fields=list(shared_fields or DEFAULT_EMPLOYER_FIELDS),
        consent_override_reason=consent_override_reason,
        note=note,
        request=request,
    )
    job_referral.partner_referral = referral
    job_referral.save(update_fields=["partner_referral"])
    return referral


@transaction.atomic
def job_referral_sync_from_partner(*, actor, referral: Referral, request=None) -> JobReferral | None:
    """Move the job referral linked to ``referral`` to match the employer's answer.

    accepted → interview, rejected → not hired (with the employer's reason), completed → hired
    (scheduling the retention checks), no-show → not hired, revoked → withdrawn. A job referral
    already there, or already closed, stays as it is. Called by ``referral_set_status``; ``actor``
    may be a partner user or a signed link.
    """
    job = JobReferral.objects.select_for_update().filter(partner_referral_id=referral.pk).first()
    target = FROM_PARTNER.get(referral.status)
    if job is None or target is None or job.status == target or job.is_final:
        return job
    reason = referral.reason
    if referral.status == Referral.Status.NO_SHOW:
        reason = _("Did not show up: %(reason)s") % {"reason": referral.reason}
    if target == JobReferral.Status.HIRED and job.status == JobReferral.Status.REFERRED:
        job = job_referral_move(actor=actor, job_referral=job, status=JobReferral.Status.INTERVIEW, request=request)
    return job_referral_move(actor=actor, job_referral=job, status=target, reason=reason, request=request)


def _answers_for(job_status: str, referral_status: str) -> list[str]:
    """The referral statuses that record the officer's move of the job referral, in order."""
    J, R = JobReferral.Status, Referral.Status
    pending = referral_status == R.PENDING
    if job_status == J.INTERVIEW:
        return [R.ACCEPTED] if pending else []
    if job_status == J.HIRED:
        return [R.ACCEPTED, R.COMPLETED] if pending else [R.COMPLETED]
    if job_status == J.NOT_HIRED:
        return [R.REJECTED] if pending else [R.REVOKED]
    if job_status == J.WITHDRAWN:
        return [R.REVOKED]
    return []


def partner_referral_follow_job(*, actor: User, job_referral: JobReferral, request=None) -> None:
    """Pass the officer's move of ``job_referral`` on to its open referral (an answer given by phone)."""
    referral = job_referral.partner_referral
    if referral is None:
        return
    referral.refresh_from_db()
    if not referral.is_open:
        return
    # Stored as the English message and translated when shown (referrals' detail page), so each reader
    # sees it in their own language.
    note = gettext_noop("Recorded from the job referral by the reintegration officer.")
    for status in _answers_for(job_referral.status, referral.status):
        referral = referral_set_status(
            actor=actor, referral=referral, status=status, reason=job_referral.reason, note=note, request=request
        )


def job_referral_link_create(*, actor: User, job_referral: JobReferral, days_valid: int = 7, request=None) -> str:
    """A single-use signed link the employer answers the job referral with; returns its path (shown once)."""
    require(actor, "reintegration.edit")
    job_referral = JobReferral.objects.select_related("partner_referral").get(pk=job_referral.pk)
    if job_referral.partner_referral is None:
        raise ValidationError(_("This job referral was not sent to the employer through Retorno."))
    return signed_link_create(
        actor=actor, referral=job_referral.partner_referral, days_valid=days_valid, request=request
    )


def job_referral_link_send(*, actor: User, job_referral: JobReferral, channel: str, days_valid: int = 7, request=None):
    """Send the employer a fresh signed link by email, SMS or WhatsApp (never copied by hand)."""
    from retorno.referrals.actions import referral_link_send

    require(actor, "reintegration.edit")
    job_referral = JobReferral.objects.select_related("partner_referral__partner__organisation").get(pk=job_referral.pk)
    if job_referral.partner_referral is None:
        raise ValidationError(_("This job referral was not sent to the employer through Retorno."))
    return referral_link_send(
        actor=actor, referral=job_referral.partner_referral, channel=channel, days_valid=days_valid, request=request
    )


__all__ = [
    "DEFAULT_EMPLOYER_FIELDS",
    "employer_partner",
    "job_referral_link_create",
    "job_referral_link_send",
    "job_referral_sync_from_partner",
    "partner_referral_follow_job",
    "partner_referral_for_job",
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
    live = [JobReferral.Status.REFERRED, JobReferral.Status.INTERVIEW]
    if case.job_referrals.filter(vacancy=vacancy, status__in=live).exists():
        raise ValidationError({"vacancy": _("The person is already referred to this vacancy.")})
    referral = JobReferral(case=case, vacancy=vacancy)
    referral.full_clean()
    referral.save()
    partner_referral_for_job(
        actor=actor,
        job_referral=referral,
        shared_fields=shared_fields,
        consent_override_reason=consent_override_reason,
        note=note,
        request=request,
    )
    audit_write(
        actor=actor,
        action=AuditAction.JOB_REFERRAL_CREATE,
        obj=referral,
        person_id=case.person_id,
        new=snapshot(referral),
        request=request,
    )
    return referral


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
    """The officer moves a job referral: referred → interview → hired / not hired (or withdrawn).

    The move is passed on to the employer's open referral (as an answer recorded by staff, or
    its revocation), so the employer's link stops working once the outcome is known.
    """
    require(actor, EDIT)
    referral = job_referral_move(
        actor=actor, job_referral=job_referral, status=status, on=on, reason=reason, request=request
    )
    partner_referral_follow_job(actor=actor, job_referral=referral, request=request)
    return referral


def job_referral_move(
    *,
    actor,
    job_referral: JobReferral,
    status: str,
    on: datetime.date | None = None,
    reason: str = "",
    request=None,
) -> JobReferral:
    """The one place a job referral's status changes (the officer's move or the employer's answer).

    Hiring schedules the retention checks (3, 6 and 12 months by default) and closes the
    vacancy when all its positions are filled. Runs inside the caller's transaction.
    """
    referral = JobReferral.objects.select_for_update().select_related("case", "vacancy").get(pk=job_referral.pk)
    S = JobReferral.Status
    fields: dict = {}
    if status == S.INTERVIEW:
        fields = {"interview_on": on or timezone.localdate()}  # an interview may be booked ahead
    elif status == S.HIRED:
        fields = {"hired_on": today_or(on)}
    elif status in (S.NOT_HIRED, S.WITHDRAWN):
        fields = {"reason": require_reason(reason, _("Say why."))}
    referral = transition(
        referral,
        status,
        actor=actor,
        action=AuditAction.JOB_REFERRAL_STATUS,
        person_id=referral.case.person_id,
        request=request,
        reason=reason,
        fields=fields,
    )
    if status == S.HIRED:
        followups_schedule(
            actor=actor,
            person=referral.case.person,
            trigger=FollowUpTrigger.JOB,
            base_date=referral.hired_on,
            case=referral.case,
            job_referral=referral,
            request=request,
        )
        vacancy = referral.vacancy
        if vacancy.referrals.filter(status=S.HIRED).count() >= vacancy.positions:
            vacancy_open_or_close(actor=actor, vacancy=vacancy, is_open=False, request=request)
    return referral
