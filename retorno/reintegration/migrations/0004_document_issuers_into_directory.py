from django.db import migrations


def forwards(apps, schema_editor):
    from retorno.accounts.directory import organisation_for_name

    Organisation = apps.get_model("accounts", "Organisation")
    DocumentRequest = apps.get_model("reintegration", "DocumentRequest")
    names = DocumentRequest.objects.filter(issuer_org=None).exclude(issuer="")
    for name in names.values_list("issuer", flat=True).distinct():
        org = organisation_for_name(Organisation, name)
        DocumentRequest.objects.filter(issuer=name, issuer_org=None).update(issuer_org=org)


class Migration(migrations.Migration):
    """Every document issuer written as text becomes (or finds) its directory entry."""

    dependencies = [
        ("accounts", "0003_institutions_directory"),
        ("reintegration", "0003_document_issuer_directory"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
