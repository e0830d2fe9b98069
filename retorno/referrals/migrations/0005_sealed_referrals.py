"""A referral may come from a protection case (``sealed``); such a referral may share nothing."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("referrals", "0004_status_changes_speak_the_workflow_vocabulary"),
    ]

    operations = [
        migrations.AddField(
            model_name="referral",
            name="sealed",
            field=models.BooleanField(
                default=False,
                help_text="Only the shared data shows outside protection; the case never does.",
                verbose_name="from a protection case",
            ),
        ),
        migrations.AlterField(
            model_name="referral",
            name="shared_fields",
            field=models.JSONField(blank=True, default=list, verbose_name="data shared"),
        ),
    ]
