"""A job referral becomes the job detail of one ``referrals.Referral``: one record, one status.

Until now a job referral had its own status (referred, interview, hired, not hired, withdrawn)
kept in step with the referral the employer answers by a two-way sync. From here the referral's
status is the only one; the job keeps its facts (interview and hiring dates, the reason, and an
``outcome`` for the one thing the referral's status cannot say: "not hired" after an interview
closes the referral as revoked, like a withdrawal).

Existing rows move like this (``referral_status_for`` and ``outcome_for``, tested directly):

==========  =====================================  ===========
job status  referral status                        outcome
==========  =====================================  ===========
referred    pending                                —
interview   accepted                               —
hired       completed                              hired
not_hired   rejected (no interview date),          not_hired
            revoked (after the interview)
withdrawn   revoked                                —
==========  =====================================  ===========

A job referral already linked to a referral keeps that referral's status (the sync kept them in
step), unless the referral is still open while the job is closed: then the referral takes the
job's. One without a referral (recorded before referrals reached employers) gets one, to the
employer's partner profile (added, offering employment, when missing), sharing nothing new under
the reason "recorded before referrals reached employers", referred by the case officer, dated the
day it was referred. Going back restores the job status from the referral and the outcome; the
referrals made here stay (they are true records of the referral).
"""

import datetime

import django.db.models.deletion
from django.db import migrations, models
from django.utils import timezone

OPEN = ("pending", "accepted")
OVERRIDE = "Job referral recorded before referrals reached employers"
DEFAULT_EMPLOYER_FIELDS = ["name", "age", "phone", "education"]


def referral_status_for(job_status: str, interview_on) -> str:
    """The referral status a job referral's old status stands for."""
    if job_status == "not_hired":
        return "revoked" if interview_on else "rejected"
    return {
        "referred": "pending",
        "interview": "accepted",
        "hired": "completed",
        "withdrawn": "revoked",
    }.get(job_status, "pending")


def outcome_for(job_status: str) -> str:
    return job_status if job_status in ("hired", "not_hired") else ""


def job_status_for(referral_status: str, outcome: str) -> str:
    """Back: the old job status from the referral's status and the outcome."""
    if referral_status == "pending":
        return "referred"
    if referral_status == "accepted":
        return "interview"
    if outcome:
        return outcome
    if referral_status == "completed":
        return "hired"
    if referral_status in ("rejected", "no_show"):
        return "not_hired"
    return "withdrawn"


def _employer_partner(apps, organisation_id):
    partner_model = apps.get_model("referrals", "Partner")
    offer_model = apps.get_model("referrals", "PartnerOffer")
    partner = partner_model.objects.filter(organisation_id=organisation_id).first()
    if partner is None:
        partner = partner_model.objects.create(organisation_id=organisation_id, created_at=timezone.now())
    offer_model.objects.get_or_create(partner=partner, service="employment")
    return partner


def _when(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def to_referrals(apps, schema_editor):
    job_model = apps.get_model("reintegration", "JobReferral")
    referral_model = apps.get_model("referrals", "Referral")
    change_model = apps.get_model("referrals", "ReferralStatusChange")
    for job in job_model.objects.select_related("case", "vacancy", "referral"):
        target = referral_status_for(job.status, job.interview_on)
        job.outcome = outcome_for(job.status)
        referral = job.referral
        closed_at = job.status_changed_at if target not in OPEN else None
        if referral is None:
            partner = _employer_partner(apps, job.vacancy.employer_id)
            created = _when(job.referred_on)
            referral = referral_model.objects.create(
                person_id=job.case.person_id,
                partner=partner,
                service="employment",
                purpose=f"Job vacancy: {job.vacancy.title}"[:300],
                shared_fields=list(DEFAULT_EMPLOYER_FIELDS),
                consent_purpose="share_partners",
                consent_override_reason=OVERRIDE,
                status=target,
                referred_by_id=job.case.officer_id,
                created_at=created,
                answer_due_at=created + datetime.timedelta(days=partner.answer_days),
                answered_at=closed_at if target in ("accepted", "rejected") else None,
                closed_at=closed_at,
                reason=job.reason if target in ("rejected", "revoked") else "",
            )
            change_model.objects.create(
                referral=referral, from_status="", to_status=target, actor_id=job.case.officer_id, at=created, via="programme"
            )
            job.referral = referral
        elif referral.status in OPEN and target != referral.status and target not in OPEN:
            change_model.objects.create(
                referral=referral,
                from_status=referral.status,
                to_status=target,
                actor_id=job.case.officer_id,
                reason=job.reason,
                at=closed_at,
                via="programme",
            )
            referral.status = target
            referral.closed_at = closed_at
            referral.reason = job.reason if target in ("rejected", "revoked") else referral.reason
            referral.save(update_fields=["status", "closed_at", "reason"])
        job.save(update_fields=["referral", "outcome"])


def to_job_statuses(apps, schema_editor):
    job_model = apps.get_model("reintegration", "JobReferral")
    for job in job_model.objects.select_related("referral"):
        job.status = job_status_for(job.referral.status, job.outcome)
        job.status_changed_at = job.referral.closed_at or job.referral.answered_at or job.referral.created_at
        job.save(update_fields=["status", "status_changed_at"])


class Migration(migrations.Migration):
    dependencies = [
        ("referrals", "0005_sealed_referrals"),
        ("reintegration", "0005_merge_parallel_work"),
    ]

    operations = [
        migrations.RenameField(model_name="jobreferral", old_name="partner_referral", new_name="referral"),
        migrations.AlterField(
            model_name="jobreferral",
            name="referral",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="job",
                to="referrals.referral",
                verbose_name="referral to the employer",
            ),
        ),
        migrations.AddField(
            model_name="jobreferral",
            name="outcome",
            field=models.CharField(
                blank=True,
                choices=[("hired", "Hired"), ("not_hired", "Not hired")],
                max_length=10,
                verbose_name="outcome",
            ),
        ),
        migrations.RunPython(to_referrals, to_job_statuses),
        migrations.RemoveField(model_name="jobreferral", name="status"),
        migrations.RemoveField(model_name="jobreferral", name="status_changed_at"),
        migrations.AlterField(
            model_name="jobreferral",
            name="referral",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="job",
                to="referrals.referral",
                verbose_name="referral to the employer",
            ),
        ),
    ]
