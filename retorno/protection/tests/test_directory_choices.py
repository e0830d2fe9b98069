"""A legal case's prosecutor's office is chosen from the institutions directory (the MP and its
units), on the page and in the API; no text is typed and nothing is added to the directory."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from retorno.accounts.models import Organisation
from retorno.protection import actions
from retorno.protection.models import LegalCase
from retorno.protection.tests.conftest import fiscalia

pytestmark = pytest.mark.django_db


@pytest.fixture
def ministry(db) -> Organisation:
    return Organisation.objects.create(slug="mintrab", name="Ministerio de Trabajo", kind=Organisation.Kind.MINISTRY)


def test_the_form_offers_the_mp_units_only(victim_case, protection_officer, client_for, ministry, shelter_org):
    office = fiscalia()
    page = client_for(protection_officer).get(reverse("protection:case_section", args=[victim_case.pk, "legal"]))
    html = page.content.decode()
    assert f'<option value="{office.pk}">Fiscalía contra la Trata de Personas</option>' in html
    assert "Ministerio de Trabajo" not in html and shelter_org.name not in html


def test_posting_the_form_links_the_chosen_office(victim_case, protection_officer, client_for, ministry):
    office = fiscalia()
    client = client_for(protection_officer)
    url = reverse("protection:case_write", args=[victim_case.pk, "legal_open"])
    form = {"complaint_number": "MP-9", "filed_on": "2026-01-05"}
    client.post(url, form | {"prosecutor_office": ministry.pk})  # not offered: refused
    assert not LegalCase.objects.exists()
    before = Organisation.objects.count()
    client.post(url, form | {"prosecutor_office": office.pk})
    legal = LegalCase.objects.get(case=victim_case)
    assert (legal.prosecutor_office_org, legal.prosecutor_office) == (office, office.name)
    assert Organisation.objects.count() == before  # chosen, not found-or-created


def test_the_action_refuses_an_institution_of_another_kind(victim_case, protection_officer, ministry):
    with pytest.raises(ValidationError) as refused:
        actions.legal_case_open(
            actor=protection_officer,
            case=victim_case,
            complaint_number="MP-1",
            prosecutor_office=ministry,
            filed_on=datetime.date(2026, 1, 5),
        )
    assert "prosecutor_office" in refused.value.error_dict


def test_the_api_takes_a_directory_id_and_names_the_field_when_it_is_wrong(
    victim_case, protection_officer, api_for, ministry
):
    api = api_for(protection_officer)
    url = f"/api/v1/protection/cases/{victim_case.pk}/legal"
    body = {"complaint_number": "MP-1", "filed_on": "2026-01-05"}
    for wrong in (ministry.pk, 999_999):
        answer = api.post(url, body | {"prosecutor_office_id": wrong}, content_type="application/json")
        assert answer.status_code == 422
        assert [e["field"] for e in answer.json()["errors"]] == ["prosecutor_office_id"]
    text = api.post(url, body | {"prosecutor_office": "FTP"}, content_type="application/json")
    assert text.status_code == 422  # the free-text field is gone
    office = fiscalia()
    created = api.post(url, body | {"prosecutor_office_id": office.pk}, content_type="application/json")
    assert created.status_code == 201
    assert created.json()["prosecutor_office"] == {"id": office.pk, "name": office.name}
    assert api.get(url).json()["prosecutor_office"]["id"] == office.pk


def test_the_openapi_document_describes_the_office_as_a_directory_id(client):
    doc = client.get("/api/v1/openapi.json").json()
    legal_in = doc["components"]["schemas"]["LegalIn"]
    assert "prosecutor_office" not in legal_in["properties"]
    assert legal_in["properties"]["prosecutor_office_id"]["type"] == "integer"
    assert "prosecution" in legal_in["properties"]["prosecutor_office_id"]["description"]
    assert doc["components"]["schemas"]["DirectoryEntryOut"]["required"] == ["id", "name"]


def test_custody_and_shelter_take_an_institution_of_the_right_kind(
    victim_case, minor_case, protection_officer, api_for, employer_org, shelter_org
):
    """A restaurant or a construction firm never receives a minor or a victim: 422 naming the field."""
    api = api_for(protection_officer)
    custody = f"/api/v1/protection/cases/{minor_case.pk}/minor/custody"
    shelter = f"/api/v1/protection/cases/{victim_case.pk}/victim/shelter-referrals"
    for url, body in ((custody, {"stage": "minors_shelter"}), (shelter, {})):
        for wrong in (employer_org.pk, 999_999):
            answer = api.post(url, body | {"organisation_id": wrong}, content_type="application/json")
            assert answer.status_code == 422, answer.content
            assert [e["field"] for e in answer.json()["errors"]] == ["organisation_id"]
    created = api.post(
        custody, {"stage": "minors_shelter", "organisation_id": shelter_org.pk}, content_type="application/json"
    )
    assert created.status_code == 201
