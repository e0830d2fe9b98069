"""A document's issuer is chosen from the institutions directory (RENAP, consulates, ministries...),
on the case page and in the API; no text is typed and nothing is added to the directory."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from retorno.accounts.models import Organisation
from retorno.reintegration import actions
from retorno.reintegration.models import DocumentRequest

pytestmark = pytest.mark.django_db


@pytest.fixture
def consulate(db) -> Organisation:
    return Organisation.objects.create(
        slug="consulado-houston", name="Consulado de Guatemala en Houston", kind=Organisation.Kind.CONSULATE
    )


def test_the_form_offers_issuing_offices_only(case, reintegration_officer, client_for, consulate, employer_org):
    page = client_for(reintegration_officer).get(reverse("reintegration:case", args=[case.pk]))
    html = page.content.decode()
    assert f'<option value="{consulate.pk}">Consulado de Guatemala en Houston</option>' in html
    assert employer_org.name not in html


def test_posting_the_form_links_the_chosen_issuer(case, reintegration_officer, client_for, consulate, employer_org):
    client = client_for(reintegration_officer)
    url = reverse("reintegration:document_add", args=[case.pk])
    client.post(url, {"kind": "birth_certificate", "issuer": employer_org.pk})  # not offered: refused
    assert not DocumentRequest.objects.exists()
    before = Organisation.objects.count()
    client.post(url, {"kind": "birth_certificate", "issuer": consulate.pk})
    document = DocumentRequest.objects.get()
    assert (document.issuer_org, document.issuer) == (consulate, consulate.name)
    assert Organisation.objects.count() == before


def test_without_an_issuer_the_usual_office_is_the_directory_entry(case, reintegration_officer):
    renap = Organisation.objects.create(
        slug="renap", name="Registro Nacional de las Personas", acronym="RENAP", kind=Organisation.Kind.REGISTRY
    )
    document = actions.document_request(actor=reintegration_officer, case=case, kind="dpi")
    assert document.issuer_org == renap


def test_the_action_refuses_an_institution_of_another_kind(case, reintegration_officer, employer_org):
    with pytest.raises(ValidationError) as refused:
        actions.document_request(actor=reintegration_officer, case=case, kind="dpi", issuer=employer_org)
    assert "issuer" in refused.value.error_dict


def test_the_api_takes_a_directory_id_and_names_the_field_when_it_is_wrong(
    case, reintegration_officer, api_for, consulate, employer_org
):
    api = api_for(reintegration_officer)
    url = f"/api/v1/reintegration/cases/{case.pk}/documents"

    def post(body):
        return api.post(url, json.dumps(body), content_type="application/json")

    for wrong in (employer_org.pk, 999_999):
        answer = post({"kind": "birth_certificate", "issuer_id": wrong})
        assert answer.status_code == 422
        assert [e["field"] for e in answer.json()["errors"]] == ["issuer_id"]
    assert post({"kind": "birth_certificate", "issuer": "Consulado"}).status_code == 422  # no free text
    created = post({"kind": "birth_certificate", "issuer_id": consulate.pk})
    assert created.status_code == 201
    assert created.json()["issuer"] == {"id": consulate.pk, "name": consulate.name}
    assert api.get(url).json()[0]["issuer"]["id"] == consulate.pk


def test_the_openapi_document_describes_the_issuer_as_a_directory_id(client):
    doc = client.get("/api/v1/openapi.json").json()
    document_in = doc["components"]["schemas"]["DocumentIn"]["properties"]
    assert "issuer" not in document_in
    assert "registry" in document_in["issuer_id"]["description"]
