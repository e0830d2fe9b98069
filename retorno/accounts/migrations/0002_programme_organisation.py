from django.db import migrations


def create_programme(apps, schema_editor):
    Organisation = apps.get_model("accounts", "Organisation")
    Organisation.objects.get_or_create(
        slug="programa", defaults={"name": "Programa de Retornados", "kind": "programme"}
    )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]
    operations = [migrations.RunPython(create_programme, migrations.RunPython.noop)]
