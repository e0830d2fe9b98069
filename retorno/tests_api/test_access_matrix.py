"""Every API operation and every page, for every role and an anonymous caller.

Generated from the OpenAPI document and the URL configuration: a new endpoint or page is in
the matrix the day it is written. Who may use it comes from the permission its code asks for,
or from ``retorno/accounts/access_expectations.py``; one without either fails here, saying
what to declare. One test per (operation, role): one failure never hides the rest.
"""

import json

import pytest
from django.test import Client

from retorno.accounts.access_expectations import PUBLIC, SEALED
from retorno.tests_api.examples import request_for
from retorno.tests_api.matrix import (
    ANONYMOUS,
    ROLES,
    allowed_roles,
    api_operations,
    declared_permission,
    openapi,
    pages,
)

pytestmark = [pytest.mark.django_db, pytest.mark.matrix]

REFUSED_API = {403, 404}
REFUSED_PAGE = {403, 404}


def _call(client: Client, method: str, request: dict):
    path = request["path"]
    if request.get("multipart"):
        return client.generic(method, path) if method != "POST" else client.post(path, request["data"])
    if "data" in request:
        return client.generic(method, path, request["data"], content_type=request["content_type"])
    return client.generic(method, path)


def _empty_list(response) -> bool:
    try:
        return response.status_code == 200 and json.loads(response.content) == []
    except ValueError:
        return False


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("operation", api_operations(), ids=str)
def test_api_operation(operation, role, world):
    expectation = declared_permission(operation)
    request = request_for(operation, openapi(), world)
    client = Client() if role == ANONYMOUS else Client(HTTP_AUTHORIZATION=f"Bearer {world.tokens[role]}")
    response = _call(client, operation.method, request)
    status = response.status_code
    assert status < 500, f"{operation} as {role}: server error {status}"
    if expectation == PUBLIC:  # sign-in and signed links: a bad token or password is still a 4xx
        assert status != 403, f"{operation} as {role}: refused with 403"
    elif expectation == SEALED and role in allowed_roles(expectation):
        assert status != 401, f"{operation} as {role}: not signed in?"  # the seal decides case by case
    elif role in allowed_roles(expectation):
        assert status not in (401, 403), f"{operation} as {role} ({expectation}): refused with {status}"
    elif role == ANONYMOUS:
        assert status == 401, f"{operation} without signing in: {status}, expected 401"
    else:
        refused = status in REFUSED_API or _empty_list(response)
        # Ninja validates a body before the view runs: a 422 did nothing either.
        refused = refused or (status == 422 and "data" in request)
        assert refused, f"{operation} as {role} (needs {expectation}): {status}, expected 403 or 404"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", pages(), ids=str)
def test_page(page, role, world):
    expectation = declared_permission(page)
    client = Client() if role == ANONYMOUS else world.sessions[role]
    path = world.fill(page.app, page.path)
    response = client.get(path)
    if response.status_code == 405:  # an action that only takes POST
        response = client.post(path, {})
    status = response.status_code
    assert status < 500, f"{page} ({path}) as {role}: server error {status}"
    if expectation == SEALED and role in allowed_roles(expectation):
        pass  # the seal decides case by case: any answer but a server error
    elif role in allowed_roles(expectation):
        assert status not in (401, 403), f"{page} as {role} ({expectation}): refused with {status}"
        if status == 302:
            assert "/accounts/login/" not in response["Location"], f"{page} as {role}: sent to sign in"
    elif role == ANONYMOUS:
        assert status == 302 and "/accounts/login/" in response["Location"], f"{page} without signing in: {status}"
    else:
        assert status in REFUSED_PAGE, f"{page} ({path}) as {role} (needs {expectation}): {status}, expected 403/404"
