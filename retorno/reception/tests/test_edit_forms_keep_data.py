"""Every edit form shows what is stored, and saving it again loses nothing (issue 9, item 1)."""

import pytest

from retorno.lib.testing.forms import form_as_submitted
from retorno.people.models import Consent
from retorno.reception import actions
from retorno.reception.models import Triage, TriageNeed

pytestmark = pytest.mark.django_db


def arrival_named(flight, text):
    return next(a for a in flight.arrivals.select_related("manifest_row") if text in a.display_name)


@pytest.fixture
def needs(db):
    return [
        TriageNeed.objects.create(code=code, name_es=code, name_en=code, order=i)
        for i, code in enumerate(["ropa", "dinero", "cargador", "comida"])
    ]


@pytest.fixture
def triaged_minor(open_flight, clerk, needs):
    """Ana (a minor) triaged with three other needs and her guardian's consent to be contacted."""
    ana = arrival_named(open_flight, "Ana")
    ana = actions.arrival_check_in(actor=clerk, arrival=ana)
    actions.triage_record(
        actor=clerk,
        arrival=ana,
        refreshments=True,
        reintegration_interest=True,
        contact_consent=True,
        guardian_name="María Coj Tum",
        other_needs=needs[:3],
    )
    return ana


def test_triage_form_shows_stored_needs_and_guardian(triaged_minor, clerk, client_for, needs):
    page = client_for(clerk).get(f"/reception/arrivals/{triaged_minor.pk}/").content.decode()
    shown = form_as_submitted(page, "triage-form")
    assert sorted(shown["t-other_needs"]) == sorted(str(n.pk) for n in needs[:3])
    assert shown["t-guardian_name"] == ["María Coj Tum"]


def test_resaving_the_triage_to_add_a_phone_keeps_everything(triaged_minor, clerk, client_for, needs):
    client = client_for(clerk)
    url = f"/reception/arrivals/{triaged_minor.pk}/"
    data = form_as_submitted(client.get(url).content.decode(), "triage-form")
    data["t-contact_phone"] = ["5555 1234"]
    assert client.post(url + "triage/", data).status_code == 302
    triage = Triage.objects.get(arrival=triaged_minor)
    assert triage.contact_phone == "5555 1234"
    assert sorted(triage.other_needs.values_list("code", flat=True)) == ["cargador", "dinero", "ropa"]
    assert triage.refreshments and triage.contact_consent
    consent = triaged_minor.person.consents.filter(purpose=Consent.Purpose.REINTEGRATION).first()
    assert consent.given and consent.guardian_name == "María Coj Tum"
    # and the form still shows them after the save
    again = form_as_submitted(client.get(url).content.decode(), "triage-form")
    assert len(again["t-other_needs"]) == 3 and again["t-guardian_name"] == ["María Coj Tum"]


def test_a_need_retired_from_the_list_survives_a_resave(triaged_minor, clerk, client_for, needs):
    needs[0].is_active = False
    needs[0].save()
    client = client_for(clerk)
    url = f"/reception/arrivals/{triaged_minor.pk}/"
    data = form_as_submitted(client.get(url).content.decode(), "triage-form")
    client.post(url + "triage/", data)
    assert Triage.objects.get(arrival=triaged_minor).other_needs.count() == 3


def test_correcting_the_guardian_records_the_consent_again(triaged_minor, clerk, client_for):
    client = client_for(clerk)
    url = f"/reception/arrivals/{triaged_minor.pk}/"
    data = form_as_submitted(client.get(url).content.decode(), "triage-form")
    data["t-guardian_name"] = ["Juana Tum"]
    client.post(url + "triage/", data)
    consent = triaged_minor.person.consents.filter(purpose=Consent.Purpose.REINTEGRATION).first()
    assert consent.guardian_name == "Juana Tum"


def test_unticking_a_need_on_the_form_removes_only_that_need(triaged_minor, clerk, client_for, needs):
    client = client_for(clerk)
    url = f"/reception/arrivals/{triaged_minor.pk}/"
    data = form_as_submitted(client.get(url).content.decode(), "triage-form")
    data["t-other_needs"] = [str(needs[1].pk), str(needs[2].pk)]
    client.post(url + "triage/", data)
    assert sorted(Triage.objects.get(arrival=triaged_minor).other_needs.values_list("code", flat=True)) == [
        "cargador",
        "dinero",
    ]


def test_api_triage_writes_only_the_fields_sent(triaged_minor, clerk, api_for):
    response = api_for(clerk).put(
        f"/api/v1/reception/arrivals/{triaged_minor.pk}/triage",
        {"contact_phone": "5555 9876"},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["other_needs"] == ["cargador", "dinero", "ropa"] and body["refreshments"] is True
    assert triaged_minor.person.consents.filter(purpose=Consent.Purpose.REINTEGRATION).first().given


def test_api_triage_refuses_an_unknown_need(triaged_minor, clerk, api_for):
    response = api_for(clerk).put(
        f"/api/v1/reception/arrivals/{triaged_minor.pk}/triage",
        {"other_needs": ["no-such-need"]},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert Triage.objects.get(arrival=triaged_minor).other_needs.count() == 3


def test_other_edit_forms_show_what_is_stored_and_resave_unchanged(person, clerk, manager, administrator, client_for):
    """The registry's person form: every stored value comes back on the form and survives a re-save."""
    from retorno.people.models import Person

    before = {f: getattr(Person.objects.get(pk=person.pk), f) for f in ("cui", "origin_municipality_id", "languages")}
    for user in (clerk, manager):
        client = client_for(user)
        page = client.get(f"/people/{person.pk}/edit/")
        if page.status_code != 200:
            continue
        data = form_as_submitted(page.content.decode(), with_field="given_names")
        assert client.post(f"/people/{person.pk}/edit/", data).status_code == 302
        after = {f: getattr(Person.objects.get(pk=person.pk), f) for f in before}
        assert after == before
        return
    pytest.fail("nobody could edit the person")
