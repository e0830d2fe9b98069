"""The administrator configures Retorno; the admin site shows no case data about a person."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_workflow_records_are_read_only_and_name_nobody(administrator, reintegration_officer, client_for, person):
    import datetime

    from retorno.people.actions import consent_record
    from retorno.reintegration.actions import case_open

    consent_record(actor=reintegration_officer, person=person, purpose="reintegration", given=True)
    case = case_open(actor=reintegration_officer, person=person, returned_on=datetime.date(2026, 3, 2))
    client = client_for(administrator)
    assert client.get(reverse("admin:index")).status_code == 200
    page = client.get(reverse("admin:reintegration_reintegrationcase_change", args=[case.pk]))
    assert page.status_code == 200 and "Xicará" not in page.content.decode()
    changelist = client.get(reverse("admin:reintegration_reintegrationcase_changelist")).content.decode()
    assert "Xicará" not in changelist
    assert client.get(reverse("admin:reintegration_reintegrationcase_add")).status_code == 403


def test_reference_data_is_editable(administrator, client_for):
    client = client_for(administrator)
    assert client.get(reverse("admin:reception_triageneed_add")).status_code == 200
    assert client.get(reverse("admin:geo_municipality_changelist")).status_code == 200


@pytest.mark.parametrize("username", ["clerk", "manager", "protection"])
def test_staff_have_no_admin_site(username, all_personas, client_for):
    response = client_for(all_personas[username]).get(reverse("admin:index"))
    assert response.status_code == 302  # to the admin login: not staff
