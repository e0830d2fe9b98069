"""Status-change notes of the job-referral sync and the purpose of reception's shelter referrals were
stored in the writer's language (Spanish); they are now stored as the English message and translated
when shown."""

from django.db import migrations

STORED = {
    "Registrado desde la referencia laboral por la oficial de reintegración.": (
        "Recorded from the job referral by the reintegration officer."
    ),
}


PURPOSES = {"Albergue temporal después del ingreso": "Temporary shelter after arrival"}


def forwards(apps, schema_editor):
    change = apps.get_model("referrals", "ReferralStatusChange")
    for spanish, english in STORED.items():
        change.objects.filter(note=spanish).update(note=english)
    referral = apps.get_model("referrals", "Referral")
    for spanish, english in PURPOSES.items():
        referral.objects.filter(purpose=spanish).update(purpose=english)


class Migration(migrations.Migration):
    dependencies = [("referrals", "0002_verbose_names_for_admin")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
