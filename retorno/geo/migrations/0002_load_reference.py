from django.db import migrations

from retorno.geo.loading import load_reference


def load(apps, schema_editor):
    load_reference(apps.get_model("geo", "Country"), apps.get_model("geo", "Department"), apps.get_model("geo", "Municipality"))


class Migration(migrations.Migration):
    dependencies = [("geo", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
