"""Move every recovery code out of django-otp's otp_static (kept as typed) into hashed codes.

Each plain ``StaticToken`` becomes a salted scrypt hash under a ``RecoveryCodeDevice`` of the same
user, keeping its throttling state; the plain tokens and their devices are then deleted. Sessions
verified with an old static device ask for a code again. Not reversible: the plain codes are gone.
"""

from django.contrib.auth.hashers import ScryptPasswordHasher
from django.db import migrations


class _Hasher(ScryptPasswordHasher):
    parallelism = 1  # as retorno.accounts.second_factor.models at the time of writing


def forwards(apps, schema_editor):
    StaticDevice = apps.get_model("otp_static", "StaticDevice")
    StaticToken = apps.get_model("otp_static", "StaticToken")
    RecoveryCodeDevice = apps.get_model("accounts", "RecoveryCodeDevice")
    RecoveryCode = apps.get_model("accounts", "RecoveryCode")
    hasher = _Hasher()
    for old in StaticDevice.objects.order_by("pk"):
        new = RecoveryCodeDevice.objects.create(
            user_id=old.user_id,
            name=old.name or "recovery",
            confirmed=old.confirmed,
            throttling_failure_timestamp=old.throttling_failure_timestamp,
            throttling_failure_count=old.throttling_failure_count,
            last_used_at=old.last_used_at,
        )
        tokens = StaticToken.objects.filter(device_id=old.pk).values_list("token", flat=True)
        RecoveryCode.objects.bulk_create(
            [RecoveryCode(device=new, code_hash=hasher.encode(token.lower(), hasher.salt())) for token in tokens]
        )
    StaticToken.objects.all().delete()
    StaticDevice.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_recovery_codes_hashed"),
        ("otp_static", "0003_add_timestamps"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
