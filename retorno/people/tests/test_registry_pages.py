"""Registry pages: who may search, view, create and edit; every view audited."""

import pytest
from django.urls import reverse

from retorno.audit.models import AuditEvent
from retorno.people.models import Person

pytestmark = pytest.mark.django_db

STAFF = ["clerk", "psychologist", "protection", "reintegration", "manager"]
NO_REGISTRY = ["monitor", "administrator", "shelter", "employer"]


@pytest.mark.parametrize("username", STAFF)
def test_programme_staff_find_a_person_accent_blind(username, all_personas, person, client_for):
    client = client_for(all_personas[username])
    response = client.post(reverse("people:search"), {"q": "jose XICARA"})
    assert response.status_code == 200
    assert "José Luis Xicará Tzul" in response.content.decode()


@pytest.mark.parametrize("username", NO_REGISTRY)
def test_others_may_not_search(username, all_personas, person, client_for):
    response = client_for(all_personas[username]).post(reverse("people:search"), {"q": "xicara"})
    assert response.status_code == 403


@pytest.mark.parametrize("username", NO_REGISTRY)
def test_others_do_not_see_a_profile(username, all_personas, person, client_for):
    response = client_for(all_personas[username]).get(reverse("people:detail", args=[person.pk]))
    assert response.status_code in (403, 404)
    assert "Xicará" not in response.content.decode()


def test_search_terms_never_travel_in_the_url(clerk, client_for, person):
    page = client_for(clerk).get(reverse("people:search")).content.decode()
    assert 'method="post"' in page and "hx-post" in page


def test_search_by_cui_and_passport(clerk, client_for, person):
    from retorno.people.actions import identifier_add, person_update
    from retorno.people.cui import cui_with_check_digit

    cui = cui_with_check_digit("20481234", 13, 1)
    person_update(actor=clerk, person=person, cui=cui)
    identifier_add(actor=clerk, person=person, kind="passport", value="gt-123 456")
    client = client_for(clerk)
    assert "Xicará" in client.post(reverse("people:search"), {"q": cui}).content.decode()
    assert "Xicará" in client.post(reverse("people:search"), {"q": "GT123456"}).content.decode()
    assert "Xicará" not in client.post(reverse("people:search"), {"q": "GT999"}).content.decode()


def test_viewing_a_profile_is_audited_with_who_and_where(clerk, client_for, person):
    response = client_for(clerk).get(reverse("people:detail", args=[person.pk]), REMOTE_ADDR="10.1.2.3")
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("no-store")
    event = AuditEvent.objects.get(kind="view", person_id=person.pk, section="profile")
    assert (event.actor, event.ip_address, event.section) == (clerk, "10.1.2.3", "profile")


def test_clerk_registers_a_person_and_gets_a_cui_warning(clerk, client_for):
    data = {
        "given_names": "María Isabel",
        "first_surname": "de León",
        "second_surname": "",
        "sex": "F",
        "birth_date": "1995-02-28",
        "birth_date_precision": "exact",
        "cui": "1234 56780 1301",
        "people_group": "maya",
        "education": "primary",
        "languages": ["es", "mam"],
    }
    response = client_for(clerk).post(reverse("people:create"), data, follow=True)
    assert response.status_code == 200
    person = Person.objects.get(first_surname="de León")
    assert person.languages == ["es", "mam"] and person.cui == "1234567801301"
    assert "verificación" in response.content.decode() or "check digit" in response.content.decode()
    created = AuditEvent.objects.get(action="person.create")
    assert created.new["first_surname"] == "de León" and created.actor == clerk


def test_form_errors_name_the_field_in_spanish(clerk, client_for):
    response = client_for(clerk).post(
        reverse("people:create"), {"given_names": "", "first_surname": "López", "cui": "12"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Este campo es obligatorio" in page
    assert "13 dígitos" in page


def test_edit_records_old_and_new_values(reintegration_officer, client_for, person):
    client = client_for(reintegration_officer)
    form = client.get(reverse("people:edit", args=[person.pk])).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and k != "languages"}
    data.update(second_surname="Tzul de Xicará", origin_municipality=person.origin_municipality_id)
    response = client.post(reverse("people:edit", args=[person.pk]), data)
    assert response.status_code == 302
    event = AuditEvent.objects.get(action="person.update")
    assert event.old == {"second_surname": "Tzul"} and event.new == {"second_surname": "Tzul de Xicará"}


@pytest.mark.parametrize("username", ["psychologist", "protection", "monitor", "shelter", "administrator"])
def test_who_may_not_create_or_edit(username, all_personas, client_for, person):
    client = client_for(all_personas[username])
    assert client.get(reverse("people:create")).status_code == 403
    assert client.post(reverse("people:edit", args=[person.pk]), {}).status_code in (403, 404)


def test_consent_for_a_minor_names_the_guardian(clerk, client_for, person):
    client = client_for(clerk)
    url = reverse("people:consent_add", args=[person.pk])
    client.post(url, {"purpose": "follow_up", "given": "True", "given_by": "guardian", "guardian_name": ""})
    assert not person.consents.exists()
    client.post(
        url, {"purpose": "follow_up", "given": "True", "given_by": "guardian", "guardian_name": "Juana Tzul (madre)"}
    )
    assert person.consents.get().guardian_name == "Juana Tzul (madre)"
    client.post(url, {"purpose": "follow_up", "given": "False", "given_by": "self"})
    from retorno.people.queries import has_consent

    assert not has_consent(person=person, purpose="follow_up")


def test_contact_added_abroad(clerk, client_for, person):
    client_for(clerk).post(
        reverse("people:contact_add", args=[person.pk]),
        {"kind": "phone", "value": "+1 555 0100", "where": "abroad", "label": "hermano"},
    )
    assert person.contacts.get().where == "abroad"


def test_who_has_seen_this_record_is_for_managers(manager, clerk, client_for, person):
    client_for(clerk).get(reverse("people:detail", args=[person.pk]))
    page = client_for(manager).get(reverse("people:accesses", args=[person.pk]))
    assert page.status_code == 200 and "clerk" in page.content.decode()
    assert client_for(clerk).get(reverse("people:accesses", args=[person.pk])).status_code == 403
