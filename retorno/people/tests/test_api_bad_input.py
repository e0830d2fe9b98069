"""A number for a birth date answers 422 naming the field (issue 10, item 13)."""

import json

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", [0, 1700000000, "0", True, "2026-13-01"])
def test_birth_date_must_be_a_date(value, manager, person, api_for):
    response = api_for(manager).patch(
        f"/api/v1/people/persons/{person.pk}", json.dumps({"birth_date": value}), content_type="application/json"
    )
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["birth_date"]
    person.refresh_from_db()
    assert person.birth_date.year == 1990
