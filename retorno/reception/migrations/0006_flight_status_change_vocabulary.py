"""The flight's status history speaks the shared vocabulary (lib.workflow.StatusChange):
old_status/new_status/by/note become from_status/to_status/actor/reason; the rows are kept."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("reception", "0005_messages_as_codes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField("flightstatuschange", "old_status", "from_status"),
        migrations.RenameField("flightstatuschange", "new_status", "to_status"),
        migrations.RenameField("flightstatuschange", "by", "actor"),
        migrations.RenameField("flightstatuschange", "note", "reason"),
        migrations.AlterField(
            model_name="flightstatuschange",
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
        migrations.AlterField(
            model_name="flightstatuschange",
            name="at",
            field=models.DateTimeField(default=django.utils.timezone.now, verbose_name="when"),
        ),
        migrations.AlterField(
            model_name="flightstatuschange",
            name="from_status",
            field=models.CharField(blank=True, max_length=30, verbose_name="from"),
        ),
        migrations.AlterField(
            model_name="flightstatuschange",
            name="reason",
            field=models.CharField(blank=True, max_length=500, verbose_name="reason"),
        ),
        migrations.AlterField(
            model_name="flightstatuschange",
            name="to_status",
            field=models.CharField(max_length=30, verbose_name="to"),
        ),
    ]
