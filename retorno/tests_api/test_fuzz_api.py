"""A bounded schemathesis run over every API operation, as a signed-in manager and as a partner.

Checks: no server error, responses (and their content types) match the OpenAPI document, and
authentication is never ignored (the same request without or with a broken token is refused).
Derandomised: the same cases every run, so CI is reproducible. ``FUZZ_EXAMPLES`` (default 6)
bounds the examples per operation and role.
"""

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import content_type_conformance, ignored_auth, response_schema_conformance

from retorno.accounts.models import User
from retorno.api import api
from retorno.wsgi import application

EXAMPLES = int(os.getenv("FUZZ_EXAMPLES", "6"))

schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = application
schema.config.generation.update(modes=[GenerationMode.POSITIVE], deterministic=True)

CHECKS = [schemathesis.checks.not_a_server_error, response_schema_conformance, content_type_conformance, ignored_auth]

pytestmark = [pytest.mark.django_db, pytest.mark.fuzz]


@pytest.mark.parametrize("role", [User.Role.MANAGER, User.Role.PARTNER])
@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_fuzz(case, role, world):
    case.call_and_validate(headers={"Authorization": f"Bearer {world.tokens[role]}"}, checks=CHECKS)
