"""A health referral becomes the sealed detail of one ``referrals.Referral`` to the facility.

Design: every referral goes to a partner, so the facility is one. For "other" it is the
organisation staff chose; for the three usual destinations (the national mental-health hospital,
a hospital for injuries, the prosthetics programme) it is one directory entry per destination
(``HEALTH_FACILITIES``: an organisation of kind health), added here or on first use, for a manager
to complete with the real facility's contacts. Either way the organisation gets a partner profile
offering "health", so a facility with an account answers in the one partner inbox. The referral is
sealed and shares nothing of the person; the reason and the outcome notes stay in the case,
encrypted.

The old outcome column goes; the outcome is the referral's status (``referral_status_for``,
tested directly):

============  ===============
old outcome   referral status
============  ===============
pending       pending
attended      completed
not_attended  no_show
declined      rejected
============  ===============

dated by when the outcome was recorded, by whoever made the referral. Going back restores the
outcome from the referral's status and removes those referrals.
"""

import datetime

import django.db.models.deletion
from django.db import migrations, models
from django.utils import timezone

STATUS = {"pending": "pending", "attended": "completed", "not_attended": "no_show", "declined": "rejected"}
BACK = {"completed": "attended", "no_show": "not_attended", "rejected": "declined", "revoked": "declined"}
FACILITIES = {
    "mental_health_hospital": ("hospital-nacional-salud-mental", "Hospital Nacional de Salud Mental"),
    "hospital": ("hospital-lesiones", "Hospital (lesiones)"),
    "prosthetics": ("programa-protesis", "Programa de prótesis"),
}
SEALED_REASON = "Recorded by the protection team; the notes stay in the case."


def referral_status_for(outcome: str) -> str:
    return STATUS.get(outcome, "pending")


def outcome_for(referral_status: str) -> str:
    return BACK.get(referral_status, "pending")


def _facility_id(apps, row) -> int:
    if row.organisation_id:
        return row.organisation_id
    organisation_model = apps.get_model("accounts", "Organisation")
    slug, name = FACILITIES[row.destination]
    facility = organisation_model.objects.filter(slug=slug).first() or organisation_model.objects.filter(name=name).first()
    return (facility or organisation_model.objects.create(slug=slug, name=name, kind="health")).pk


def _partner(apps, organisation_id):
    partner_model = apps.get_model("referrals", "Partner")
    offer_model = apps.get_model("referrals", "PartnerOffer")
    partner = partner_model.objects.filter(organisation_id=organisation_id).first()
    if partner is None:
        partner = partner_model.objects.create(organisation_id=organisation_id, created_at=timezone.now())
    offer_model.objects.get_or_create(partner=partner, service="health")
    return partner


def to_referrals(apps, schema_editor):
    row_model = apps.get_model("protection", "HealthReferral")
    referral_model = apps.get_model("referrals", "Referral")
    change_model = apps.get_model("referrals", "ReferralStatusChange")
    for row in row_model.objects.select_related("case"):
        partner = _partner(apps, _facility_id(apps, row))
        status = referral_status_for(row.outcome)
        closed_at = (row.outcome_at or row.referred_at) if status != "pending" else None
        row.referral = referral_model.objects.create(
            person_id=row.case.person_id,
            partner=partner,
            service="health",
            purpose="Health care",
            shared_fields=[],
            consent_purpose="share_partners",
            status=status,
            referred_by_id=row.by_id,
            created_at=row.referred_at,
            answer_due_at=row.referred_at + datetime.timedelta(days=partner.answer_days),
            answered_at=closed_at,
            closed_at=closed_at,
            reason=SEALED_REASON if status in ("no_show", "rejected") else "",
            sealed=True,
        )
        change_model.objects.create(
            referral=row.referral, from_status="", to_status="pending", actor_id=row.by_id, at=row.referred_at, via="programme"
        )
        if status != "pending":
            change_model.objects.create(
                referral=row.referral, from_status="pending", to_status=status, actor_id=row.by_id, at=closed_at, via="programme"
            )
        row.save(update_fields=["referral"])


def to_outcomes(apps, schema_editor):
    """Back: the outcome from the referral's status; the referrals go (the old shape has no place for
    them, and going forward again makes them anew)."""
    row_model = apps.get_model("protection", "HealthReferral")
    referral_model = apps.get_model("referrals", "Referral")
    referral_ids = []
    for row in row_model.objects.select_related("referral"):
        row.outcome = outcome_for(row.referral.status)
        row.save(update_fields=["outcome"])
        referral_ids.append(row.referral_id)
    row_model.objects.update(referral=None)
    referral_model.objects.filter(pk__in=referral_ids).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_merge_parallel_work"),
        ("protection", "0006_shelter_referral_is_a_referral_detail"),
        ("referrals", "0005_sealed_referrals"),
    ]

    operations = [
        migrations.AddField(
            model_name="healthreferral",
            name="referral",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="health",
                to="referrals.referral",
                verbose_name="referral",
            ),
        ),
        migrations.RunPython(to_referrals, to_outcomes),
        migrations.RemoveField(model_name="healthreferral", name="outcome"),
        migrations.AlterField(
            model_name="healthreferral",
            name="referral",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="health",
                to="referrals.referral",
                verbose_name="referral",
            ),
        ),
    ]
