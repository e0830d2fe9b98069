from django.db import migrations

# The kinds the directory's choice lists now filter by; an entry typed as a generic government body
# whose name says it is one of them (the MP and its fiscalías, the PGN) moves to that kind.
REFINED = ("prosecution", "pgn")


def forwards(apps, schema_editor):
    from retorno.accounts.directory import guess_kind

    Organisation = apps.get_model("accounts", "Organisation")
    for org in Organisation.objects.filter(kind="government"):
        kind = guess_kind(f"{org.name} {org.acronym}")
        if kind in REFINED:
            Organisation.objects.filter(pk=org.pk).update(kind=kind)


class Migration(migrations.Migration):
    """The MP's offices and the PGN recorded as generic government bodies get their own kinds, so
    the prosecutor's office list and the PGN handover find them."""

    dependencies = [("accounts", "0006_recovery_codes_from_static_tokens")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
