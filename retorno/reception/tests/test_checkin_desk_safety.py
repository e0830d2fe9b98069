"""The identity decision at the desk (issue 9, item 2): nobody on this flight is offered again,
the safe choice is the default, refusals reach the screen in the user's language."""

import datetime

import pytest

from retorno.people.actions import person_create
from retorno.people.models import Person
from retorno.reception import actions
from retorno.reception.matching import arrival_likely_matches, strong_evidence
from retorno.reception.models import Arrival

from .conftest import import_manifest, manifest_csv, open_reception

pytestmark = pytest.mark.django_db

NAMESAKES = [
    ("Mario", "Ajanel", "Us", "M", "26/02/1988", "", "N"),
    ("Mario", "Ajanel", "Us", "M", "13/07/1985", "", "N"),
]


@pytest.fixture
def namesake_flight(flight, clerk):
    import_manifest(flight, clerk, manifest_csv(NAMESAKES))
    return open_reception(flight, clerk)


def row_born(flight, year: int) -> Arrival:
    return next(a for a in flight.arrivals.select_related("manifest_row") if a.manifest_row.birth_date.year == year)


def test_a_person_checked_in_on_this_flight_is_never_offered_again(namesake_flight, clerk, client_for):
    first = actions.arrival_check_in(actor=clerk, arrival=row_born(namesake_flight, 1988))
    second = row_born(namesake_flight, 1985)
    assert all(m["person"].pk != first.person_id for m in arrival_likely_matches(second))
    response = client_for(clerk).post(f"/reception/arrivals/{second.pk}/checkin/", HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert f'data-person="{first.person_id}"' not in response.content.decode()
    second.refresh_from_db()
    assert second.status == Arrival.Status.CHECKED_IN and second.person_id != first.person_id
    assert Person.objects.filter(first_surname="Ajanel").count() == 2


def test_the_api_never_offers_a_person_on_this_flight(namesake_flight, clerk, api_for):
    first = actions.arrival_check_in(actor=clerk, arrival=row_born(namesake_flight, 1988))
    second = row_born(namesake_flight, 1985)
    found = api_for(clerk).get(f"/api/v1/reception/arrivals/{second.pk}/likely-matches").json()
    assert first.person_id not in [m["person"]["id"] for m in found]


def test_a_row_linked_at_import_to_someone_already_here_is_decided_again(flight, clerk):
    """The import linked both namesakes' rows to one registered Mario: the second is not refused."""
    mario = person_create(
        actor=clerk,
        given_names="Mario",
        first_surname="Ajanel",
        second_surname="Us",
        sex="M",
        birth_date=datetime.date(1988, 2, 26),
    )
    import_manifest(flight, clerk, manifest_csv(NAMESAKES))
    open_reception(flight, clerk)
    one, two = row_born(flight, 1988), row_born(flight, 1985)
    assert one.manifest_row.person_id == mario.pk
    two.manifest_row.person = mario  # as a score link at import might have done
    two.manifest_row.save()
    actions.arrival_check_in(actor=clerk, arrival=one)
    assert arrival_likely_matches(two) == []  # nobody else: checked in as a new person
    done = actions.arrival_check_in(actor=clerk, arrival=two)
    assert done.person_id not in (None, mario.pk)


def test_the_safe_choice_is_the_default_on_weak_evidence(flight, clerk, person, client_for):
    # As typed on the US list: day and month swapped, no accents: likely, not strong.
    typed = [
        ("Jose Luis", "Xicara", "", "M", "04/03/1990", "", "N"),
        ("Marta", "Chox", "Pop", "F", "20/12/2001", "", "N"),
    ]
    import_manifest(flight, clerk, manifest_csv(typed))
    open_reception(flight, clerk)
    arrival = flight.arrivals.get(manifest_row__full_name__contains="Xicara")
    matches = arrival_likely_matches(arrival)
    assert matches and not any(m["default"] for m in matches)
    page = client_for(clerk).post(f"/reception/arrivals/{arrival.pk}/checkin/", HTTP_HX_REQUEST="true").content.decode()
    new_button = page.split('name="confirm_new"')[1].split(">")[0]
    link_button = page.split('name="person"')[1].split(">")[0]
    assert "data-default" in new_button and "data-default" not in link_button


def test_strong_evidence_is_a_document_or_full_name_and_full_birth_date(person):
    person.cui = "2345678900101"
    assert strong_evidence({"cui": "2345678900101", "full_name": "Otro Nombre"}, person)
    full = {"full_name": person.full_name, "birth_date": person.birth_date.isoformat(), "birth_date_precision": "day"}
    assert strong_evidence(full, person)
    assert not strong_evidence({**full, "birth_date_precision": "year"}, person)
    assert not strong_evidence({**full, "birth_date": "1991-04-03"}, person)
    assert not strong_evidence({**full, "full_name": "Jose Luis Xicara"}, person)


@pytest.mark.parametrize(
    ("language", "text"),
    [("es", "Esta persona ya está en este vuelo."), ("en", "This person is already on this flight.")],
)
def test_a_refusal_is_plain_text_in_the_user_language(namesake_flight, clerk, client_for, language, text):
    first = actions.arrival_check_in(actor=clerk, arrival=row_born(namesake_flight, 1988))
    second = row_born(namesake_flight, 1985)
    client = client_for(clerk)
    client.post("/i18n/setlang/", {"language": language})
    response = client.post(
        f"/reception/arrivals/{second.pk}/checkin/", {"person": first.person_id}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 422
    assert response["Content-Type"].startswith("text/plain")
    assert response.content.decode() == text


def test_every_page_has_the_place_where_htmx_refusals_show(clerk, client_for):
    page = client_for(clerk).get("/reception/flights/").content.decode()
    assert 'id="htmx-error"' in page and 'role="alert"' in page and "htmx-errors.js" in page
