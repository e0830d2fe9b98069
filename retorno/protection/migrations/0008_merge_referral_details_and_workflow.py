"""Joins the two lines of work: the status histories' workflow vocabulary, and the shelter and health
referrals becoming details of one referral. They touch different tables."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("protection", "0006_status_changes_speak_workflow"),
        ("protection", "0007_health_referral_is_a_referral_detail"),
    ]

    operations = []
