from django.db import migrations


def forwards(apps, schema_editor):
    from retorno.accounts.directory import organisation_for_name

    Organisation = apps.get_model("accounts", "Organisation")
    LegalCase = apps.get_model("protection", "LegalCase")
    names = LegalCase.objects.filter(prosecutor_office_org=None).exclude(prosecutor_office="")
    for name in names.values_list("prosecutor_office", flat=True).distinct():
        org = organisation_for_name(Organisation, name)
        LegalCase.objects.filter(prosecutor_office=name, prosecutor_office_org=None).update(prosecutor_office_org=org)


class Migration(migrations.Migration):
    """Every prosecutor's office written as text becomes (or finds) its directory entry."""

    dependencies = [
        ("accounts", "0003_institutions_directory"),
        ("protection", "0002_legal_case_prosecutor_office_directory"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
