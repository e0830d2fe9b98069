"""The two status-history tables take ``lib.workflow.StatusChange``'s vocabulary.

``old``/``new``/``by`` are renamed (the rows stay) to ``from_status``/``to_status``/``actor``,
and gain the (empty) ``reason`` every history row has.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def _renames(model_name: str) -> list:
    return [
        migrations.RenameField(model_name=model_name, old_name="old", new_name="from_status"),
        migrations.RenameField(model_name=model_name, old_name="new", new_name="to_status"),
        migrations.RenameField(model_name=model_name, old_name="by", new_name="actor"),
        migrations.AlterField(
            model_name=model_name,
            name="from_status",
            field=models.CharField(blank=True, max_length=30, verbose_name="from"),
        ),
        migrations.AlterField(
            model_name=model_name,
            name="to_status",
            field=models.CharField(max_length=30, verbose_name="to"),
        ),
        migrations.AlterField(
            model_name=model_name,
            name="actor",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="by",
            ),
        ),
        migrations.AddField(
            model_name=model_name,
            name="reason",
            field=models.CharField(blank=True, max_length=500, verbose_name="reason"),
        ),
        migrations.AlterField(
            model_name=model_name,
            name="at",
            field=models.DateTimeField(default=django.utils.timezone.now, verbose_name="when"),
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("protection", "0005_merge_shelter_referrals"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = _renames("casestatuschange") + _renames("legalstatuschange")
