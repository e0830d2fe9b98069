"""A protection shelter referral becomes the sealed detail of one ``referrals.Referral``.

Until now a shelter referral had its own status (pending, admitted, declined, left) and reached the
shelter's inbox and beds only when its organisation ran a shelter in the partner directory and the
person had consented to share with partners; otherwise it stayed on the protection page. From here
every one is a referral (``sealed``): the referral's status is the only status, and the detail
keeps what of the case it shares (sections, the consent recorded in the case, its revocation).

Existing rows move like this (``referral_status_for``, tested directly):

===========  ===============
old status   referral status
===========  ===============
pending      pending
admitted     accepted
declined     rejected
left         completed
===========  ===============

A row already linked to a referral keeps that referral's status (the protection page already
showed it) and the referral is marked sealed. A row without one gets one: to the organisation's
partner profile (added, offering shelter, when missing), to its shelter with most beds of the
case's kind when it runs one, by whoever made the shelter referral and when, sharing tier-1 data
(name, sex, age, languages) only under a consent to share with partners recorded outside
protection, nothing otherwise. Going back restores the old status from the referral's.
"""

import datetime

import django.db.models.deletion
from django.db import migrations, models
from django.utils import timezone

STATUS = {"pending": "pending", "admitted": "accepted", "declined": "rejected", "left": "completed"}
BACK = {"accepted": "admitted", "rejected": "declined", "completed": "left"}
BED = {"trafficking": "capacity_trafficking", "minor": "capacity_minors"}
SHELTER_FIELDS = ["name", "sex", "age", "languages"]


def referral_status_for(old_status: str) -> str:
    return STATUS.get(old_status, "pending")


def old_status_for(referral_status: str) -> str:
    return BACK.get(referral_status, "pending")


def _partner(apps, organisation_id):
    partner_model = apps.get_model("referrals", "Partner")
    offer_model = apps.get_model("referrals", "PartnerOffer")
    partner = partner_model.objects.filter(organisation_id=organisation_id).first()
    if partner is None:
        partner = partner_model.objects.create(organisation_id=organisation_id, created_at=timezone.now())
    offer_model.objects.get_or_create(partner=partner, service="shelter")
    return partner


def _sharing_consent(apps, person_id):
    """The person's latest decision to share with partners recorded outside protection, if given."""
    consent_model = apps.get_model("people", "Consent")
    latest = (
        consent_model.objects.filter(person_id=person_id, purpose="share_partners", sealed=False)
        .order_by("-at", "-id")
        .first()
    )
    return latest if latest is not None and latest.given else None


def to_referrals(apps, schema_editor):
    row_model = apps.get_model("protection", "ShelterReferral")
    referral_model = apps.get_model("referrals", "Referral")
    change_model = apps.get_model("referrals", "ReferralStatusChange")
    for row in row_model.objects.select_related("case", "referral"):
        if row.referral is not None:
            row.referral.sealed = True
            row.referral.save(update_fields=["sealed"])
            continue
        partner = _partner(apps, row.organisation_id)
        shelters = list(partner.shelters.filter(is_active=True).order_by("name"))
        capacity = BED.get(row.case.kind, "capacity_adults")
        shelters.sort(key=lambda s: -getattr(s, capacity))
        consent = _sharing_consent(apps, row.case.person_id)
        status = referral_status_for(row.status)
        closed = status in ("rejected", "completed")
        row.referral = referral_model.objects.create(
            person_id=row.case.person_id,
            partner=partner,
            service="shelter",
            purpose="Specialised shelter",
            shared_fields=list(SHELTER_FIELDS) if consent else [],
            consent_purpose="share_partners",
            consent_id=consent.pk if consent else None,
            status=status,
            referred_by_id=row.by_id,
            created_at=row.referred_at,
            answer_due_at=row.referred_at + datetime.timedelta(days=partner.answer_days),
            answered_at=row.referred_at if status != "pending" else None,
            closed_at=row.referred_at if closed else None,
            shelter=shelters[0] if shelters else None,
            expected_at=row.referred_at,
            sealed=True,
        )
        change_model.objects.create(
            referral=row.referral, from_status="", to_status=status, actor_id=row.by_id, at=row.referred_at, via="programme"
        )
        row.save(update_fields=["referral"])


def to_old_statuses(apps, schema_editor):
    row_model = apps.get_model("protection", "ShelterReferral")
    for row in row_model.objects.select_related("referral"):
        row.status = old_status_for(row.referral.status)
        row.save(update_fields=["status"])


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0005_consent_sealed"),
        ("protection", "0005_merge_shelter_referrals"),
        ("referrals", "0005_sealed_referrals"),
    ]

    operations = [
        migrations.AlterField(
            model_name="shelterreferral",
            name="referral",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="protection_shelter",
                to="referrals.referral",
                verbose_name="referral",
            ),
        ),
        migrations.RunPython(to_referrals, to_old_statuses),
        migrations.RemoveField(model_name="shelterreferral", name="status"),
        migrations.AlterField(
            model_name="shelterreferral",
            name="referral",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="protection_shelter",
                to="referrals.referral",
                verbose_name="referral",
            ),
        ),
    ]
