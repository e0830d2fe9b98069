"""Item 16 of the field test: what a newcomer meets on the way (assets, lists, forms, menus)."""

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_api_docs_load_swagger_from_this_server(client):
    html = client.get("/api/v1/docs").content.decode()
    assert "cdn.jsdelivr" not in html and "unpkg.com" not in html
    for asset in ("ninja/swagger-ui-bundle.js", "ninja/swagger-ui.css", "ninja/swagger-ui-init.js"):
        assert f"/static/{asset}" in html
        assert finders.find(asset), asset


def test_favicon_is_served(client, clerk, client_for):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert finders.find(response["Location"].removeprefix("/static/"))
    assert "favicon.svg" in client_for(clerk).get(reverse("home")).content.decode()


def test_flight_list_newest_first_with_filter_and_pages(clerk, client_for):
    import datetime

    from retorno.reception.actions import flight_create

    day = datetime.date(2026, 3, 1)
    for i in range(55):
        flight_create(
            actor=clerk, date=day + datetime.timedelta(days=i), origin="Texas", carrier="ICE", code=f"GT{i:03d}"
        )
    client = client_for(clerk)
    html = client.get(reverse("reception:flights")).content.decode()
    assert html.index("GT054") < html.index("GT053")  # newest first
    assert "GT000" not in html  # on the second page
    second = client.get(reverse("reception:flights"), {"page": 2}).content.decode()
    assert "GT000" in second and "GT054" not in second
    only = client.get(reverse("reception:flights"), {"code": "GT01", "date": "2026-03-11"}).content.decode()
    assert "GT010" in only and "GT011" not in only
    assert client.get(reverse("reception:flights"), {"date": "not-a-date"}).status_code == 200


def test_custody_institutions_are_filtered_by_kind(clerk, protection_officer, client_for, programme):
    import datetime

    from django.core.exceptions import ValidationError

    from retorno.accounts.models import Organisation
    from retorno.people.actions import person_create
    from retorno.protection import actions
    from retorno.protection.forms import CustodyForm

    restaurant = Organisation.objects.create(slug="pollo-campero", name="Restaurante El Pollo", kind="employer")
    pgn = Organisation.objects.create(slug="pgn-test", name="PGN", kind="government")
    offered = set(CustodyForm().fields["organisation"].queryset)
    assert pgn in offered and restaurant not in offered
    minor = person_create(
        actor=clerk, given_names="Ana", first_surname="Pérez", sex="F", birth_date=datetime.date(2013, 1, 1)
    )
    referral = actions.protection_referral_receive(actor=clerk, person=minor, unaccompanied_minor=True)
    case = actions.referral_take(actor=protection_officer, referral=referral)
    with pytest.raises(ValidationError) as refused:
        actions.custody_record(actor=protection_officer, case=case, stage="minors_shelter", organisation=restaurant)
    assert "organisation" in refused.value.message_dict


def test_protection_queue_offers_each_colleague_once(clerk, person, protection_officer, client_for):
    from retorno.protection import actions

    actions.protection_referral_receive(actor=clerk, person=person)
    html = client_for(protection_officer).get(reverse("protection:index")).content.decode()
    assert html.count(f'<option value="{protection_officer.pk}">') == 1


def test_yes_no_field_is_a_labelled_checkbox_not_a_lone_box():
    from django import forms
    from django.template.loader import render_to_string

    class Form(forms.Form):
        document_checked = forms.BooleanField(label="Documento verificado", required=False)

    html = render_to_string("form_fields.html", {"form": Form()})
    label = html[html.index("<label") : html.index("</label>")]
    assert 'type="checkbox"' in label and "Documento verificado" in label
    assert 'class="field check' in html
