"""Tracing requests opened from the retired free-text log have no name and no relationship: the
protection officer sees them plainly (never a blank), counted on the protection home, and completes
them through the edit form or the API."""

import json

import pytest
from django.urls import reverse
from django.utils import translation

from conftest import make_user
from retorno.accounts.models import User
from retorno.audit.models import AuditEvent
from retorno.protection.audit_actions import AuditAction
from retorno.protection.models import TracingRequest

pytestmark = pytest.mark.django_db
NAME = "SELLO-Rosa-Tzoc-8812"
MISSING_ES = "Nombre no registrado — complételo"


@pytest.fixture
def from_the_log(minor_case, protection_officer):
    """What migration 0010 made of a case's old log: a request with no name and no relationship."""
    return TracingRequest.objects.create(case=minor_case, opened_by=protection_officer, status="open")


def _section(case):
    return reverse("protection:case_section", args=[case.pk, "minor"])


def _edit(client, case, request_id, **data):
    form = {"tracing_request": request_id, "address": "", "phone": "", "contacts_tried": "", **data}
    return client.post(reverse("protection:case_write", args=[case.pk, "tracing_edit"]), form)


def test_the_case_page_says_what_is_missing_and_offers_the_edit_form(
    client_for, protection_officer, minor_case, from_the_log
):
    text = client_for(protection_officer).get(_section(minor_case), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert MISSING_ES in text and "Parentesco no registrado — complételo" in text
    assert f'name="tracing_request" value="{from_the_log.pk}"' in text
    assert "tracing_edit" in text
    assert "> ()<" not in text and "()</option>" not in text  # the assessment form's choice is not blank


def test_the_officer_completes_the_name_and_relationship(client_for, protection_officer, minor_case, from_the_log):
    client = client_for(protection_officer)
    answer = _edit(client, minor_case, from_the_log.pk, sought_name=NAME, relationship="mother")
    assert answer.status_code == 302
    row = TracingRequest.objects.get(pk=from_the_log.pk)
    assert (row.sought_name, row.relationship, row.details_missing) == (NAME, "mother", False)
    audit = AuditEvent.objects.get(action=AuditAction.TRACING_REQUEST_UPDATE, object_id=str(row.pk))
    assert audit.person_id == minor_case.person_id and NAME not in json.dumps([audit.old, audit.new])
    assert MISSING_ES not in client.get(_section(minor_case), HTTP_ACCEPT_LANGUAGE="es").content.decode()


def test_a_blank_name_or_relationship_is_refused(client_for, protection_officer, minor_case, from_the_log):
    client = client_for(protection_officer)
    for data in ({"sought_name": " ", "relationship": "mother"}, {"sought_name": NAME, "relationship": ""}):
        answer = _edit(client, minor_case, from_the_log.pk, **data)
        assert answer.status_code == 302  # back to the section, with the form's problem as a message
        assert TracingRequest.objects.get(pk=from_the_log.pk).details_missing
    assert not AuditEvent.objects.filter(action=AuditAction.TRACING_REQUEST_UPDATE).exists()


def test_someone_not_on_the_case_cannot_edit(client_for, minor_case, from_the_log, programme):
    other = make_user("protection2", User.Role.PROTECTION, programme)
    answer = _edit(client_for(other), minor_case, from_the_log.pk, sought_name=NAME, relationship="mother")
    assert answer.status_code in (403, 404)
    assert TracingRequest.objects.get(pk=from_the_log.pk).details_missing


def test_the_protection_home_counts_them_for_the_assigned_officer(
    client_for, protection_officer, minor_case, from_the_log, programme
):
    text = client_for(protection_officer).get(reverse("protection:index"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "tracing-to-complete" in text and "1 solicitud de búsqueda" in text and MISSING_ES in text
    other = make_user("protection2", User.Role.PROTECTION, programme)
    assert "tracing-to-complete" not in client_for(other).get(reverse("protection:index")).content.decode()


def test_the_api_lists_and_completes_them(api_for, protection_officer, minor_case, from_the_log, programme):
    api = api_for(protection_officer)
    listed = api.get("/api/v1/protection/tracing-requests/to-complete").json()
    assert listed == [
        {
            "id": from_the_log.pk,
            "case_id": minor_case.pk,
            "person_id": minor_case.person_id,
            "opened_at": listed[0]["opened_at"],
            "name_missing": True,
            "relationship_missing": True,
        }
    ]
    url = f"/api/v1/protection/cases/{minor_case.pk}/minor/tracing-requests/{from_the_log.pk}"
    assert api.get(url).json()["details_missing"] is True
    other = make_user("protection2", User.Role.PROTECTION, programme)
    body = {"sought_name": NAME, "relationship": "grandparent"}
    assert api_for(other).put(url, body, content_type="application/json").status_code in (403, 404)
    done = api.put(url, body, content_type="application/json")
    assert done.status_code == 200 and done.json()["details_missing"] is False
    assert done.json()["sought_name"] == NAME
    assert api.get("/api/v1/protection/tracing-requests/to-complete").json() == []


def test_the_label_never_shows_a_blank(from_the_log):
    with translation.override("es"):
        assert from_the_log.sought_label == MISSING_ES
