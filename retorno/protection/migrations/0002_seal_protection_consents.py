"""Consents recorded inside protection cases before they were sealed become sealed (tier 2).

Which existing rows were recorded inside protection: every consent to protection and victim
assistance, every consent a specialised-shelter referral relied on, and a psychosocial consent
recorded by staff assigned to one of that person's protection cases.
"""

from django.db import migrations


def seal(apps, schema_editor):
    Consent = apps.get_model("people", "Consent")
    ShelterReferral = apps.get_model("protection", "ShelterReferral")
    CaseAssignment = apps.get_model("protection", "CaseAssignment")
    Consent.objects.filter(purpose="protection").update(sealed=True)
    Consent.objects.filter(note__startswith="shelter referral, case #").update(sealed=True)
    used = ShelterReferral.objects.exclude(consent=None).values_list("consent_id", flat=True)
    Consent.objects.filter(id__in=list(used)).update(sealed=True)
    staff = CaseAssignment.objects.values_list("case__person_id", "user_id").distinct()
    for person_id, user_id in staff.iterator():
        Consent.objects.filter(person_id=person_id, recorded_by_id=user_id, purpose="psychosocial").update(sealed=True)


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0005_consent_sealed"),
        ("protection", "0001_initial"),
    ]

    operations = [migrations.RunPython(seal, migrations.RunPython.noop)]
