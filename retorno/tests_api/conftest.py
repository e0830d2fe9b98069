"""One demo programme per test module, loaded once and rolled back at the end.

The matrix and the fuzzing run hundreds of requests against the same rows; each test still
runs in its own savepoint, so nothing one request writes is seen by the next.
"""

import re
from dataclasses import dataclass, field
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.utils import timezone

MATRIX_PERSONS = 90  # enough for the demo's flights (two of 40 passengers)


@dataclass
class World:
    sessions: dict[str, Client] = field(default_factory=dict)  # role -> signed-in browser session
    tokens: dict[str, str] = field(default_factory=dict)  # role -> bearer token
    users: dict = field(default_factory=dict)  # role -> user
    ids: dict[str, object] = field(default_factory=dict)  # "app parameter" -> value

    def id_for(self, app: str, parameter: str):
        from retorno.tests_api.matrix import model_for

        key = f"{app} {parameter}"
        if key not in self.ids:
            model = model_for(app, parameter)
            if isinstance(model, str):  # a declared literal ("=json")
                self.ids[key] = model[1:]
                return self.ids[key]
            pk = model.objects.order_by("pk").values_list("pk", flat=True).first() if model else None
            self.ids[key] = pk if pk is not None else ("no-such-token" if model is None else 999999)
        return self.ids[key]

    def fill(self, app: str, path: str) -> str:
        return re.sub(r"{(\w+)}", lambda m: str(self.id_for(app, m.group(1))), path)


def _signed_in(user) -> Client:
    from django_otp import DEVICE_ID_SESSION_KEY

    from conftest import enrol_second_factor
    from retorno.accounts.access import needs_second_factor

    client = Client()
    client.force_login(user)
    if needs_second_factor(user):
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = enrol_second_factor(user).persistent_id
        session.save()
    return client


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    from retorno.accounts.models import PROGRAMME_ORGANISATION_SLUG, ApiToken, Organisation, User

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("demo_data", persons=MATRIX_PERSONS, quiet=True, stdout=StringIO())
            programme = Organisation.objects.get(slug=PROGRAMME_ORGANISATION_SLUG)
            partner_org = Organisation.objects.exclude(slug=PROGRAMME_ORGANISATION_SLUG).order_by("pk").first()
            world = World()
            for role in User.Role.values:
                # The demo's own user for each role (cases are assigned to them); a new role gets one here.
                user = User.objects.filter(role=role, is_active=True).order_by("pk").first() or User.objects.create(
                    username=f"matrix-{role}",
                    role=role,
                    organisation=partner_org if role == User.Role.PARTNER else programme,
                )
                world.users[role] = user
                world.sessions[role] = _signed_in(user)
                raw = f"matrix-token-{role}"
                ApiToken.objects.create(
                    user=user,
                    digest=ApiToken.digest_of(raw),
                    credential_stamp=ApiToken.stamp_for(user),
                    expires_at=timezone.now() + timedelta(hours=4),
                )
                world.tokens[role] = raw
            yield world
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
