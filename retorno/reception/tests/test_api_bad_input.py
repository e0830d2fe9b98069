"""A manifest upload that is not real multipart answers 4xx, never 500 (issue 10, item 13)."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "content_type", ["multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=x"]
)
def test_manifest_upload_without_a_usable_boundary(content_type, flight, clerk, api_for):
    response = api_for(clerk).post(
        f"/api/v1/reception/flights/{flight.pk}/manifest", data=b"not multipart", content_type=content_type
    )
    assert 400 <= response.status_code < 500
    assert response.json()["errors"][0]["field"].startswith("file")
