"""The duplicate review through the web and the API, per persona; likely matches at registration."""

import datetime

import pytest
from django.urls import reverse

from retorno.geo.models import Municipality
from retorno.people.actions import person_create
from retorno.people.models import MatchCandidatePair, NotSamePerson, Person, PersonMerge

pytestmark = pytest.mark.django_db

REVIEWERS = ["clerk", "reintegration", "manager"]
NOT_REVIEWERS = ["psychologist", "protection", "monitor", "administrator", "shelter", "employer"]
NOT_MERGERS = ["clerk", "reintegration", "psychologist", "protection", "monitor", "administrator", "shelter"]


@pytest.fixture
def pair(clerk, person) -> MatchCandidatePair:
    person_create(
        actor=clerk,
        given_names="Jose Luis",
        first_surname="Xicara",
        sex="M",
        birth_date=datetime.date(1990, 3, 4),
        origin_municipality=Municipality.objects.get(code="1301"),
    )
    return MatchCandidatePair.objects.get()


@pytest.mark.parametrize("username", REVIEWERS)
def test_reviewers_see_the_queue_and_the_pair(username, all_personas, client_for, pair):
    client = client_for(all_personas[username])
    page = client.get(reverse("people:match_queue")).content.decode()
    assert "Jose Luis Xicara" in page and "José Luis Xicará Tzul" in page
    page = client.get(reverse("people:match_pair", args=[pair.pk])).content.decode()
    assert "fecha de nacimiento con día y mes invertidos" in page  # the reason, in the user's language
    assert ("merge-keep" in page) == (username == "manager")


@pytest.mark.parametrize("username", NOT_REVIEWERS)
def test_others_see_no_queue(username, all_personas, client_for, pair):
    client = client_for(all_personas[username])
    assert client.get(reverse("people:match_queue")).status_code == 403
    response = client.get(reverse("people:match_pair", args=[pair.pk]))
    assert response.status_code == 403 and "Xicar" not in response.content.decode()
    assert client.post(reverse("people:match_not_same", args=[pair.pk])).status_code == 403


def test_a_clerk_marks_not_the_same(clerk, client_for, pair):
    response = client_for(clerk).post(reverse("people:match_not_same", args=[pair.pk]))
    assert response.status_code == 302
    assert NotSamePerson.objects.filter(person_a=pair.person_a, person_b=pair.person_b).exists()
    assert "Jose Luis Xicara" not in client_for(clerk).get(reverse("people:match_queue")).content.decode()


@pytest.mark.parametrize("username", NOT_MERGERS)
def test_only_managers_merge(username, all_personas, client_for, pair):
    response = client_for(all_personas[username]).post(
        reverse("people:match_merge", args=[pair.pk]), {"keep": pair.person_a_id}
    )
    assert response.status_code == 403 and not PersonMerge.objects.exists()


def test_manager_merges_then_the_old_profile_redirects_then_unmerges(manager, client_for, pair, person):
    client = client_for(manager)
    other = pair.person_b if pair.person_a == person else pair.person_a
    response = client.post(reverse("people:match_merge", args=[pair.pk]), {"keep": person.pk})
    assert response.status_code == 302 and response.url == reverse("people:detail", args=[person.pk])
    response = client.get(reverse("people:detail", args=[other.pk]))
    assert response.status_code == 302 and response.url == reverse("people:detail", args=[person.pk])
    page = client.get(reverse("people:detail", args=[person.pk])).content.decode()
    assert "Deshacer esta fusión" in page
    merge = PersonMerge.objects.get()
    assert client.post(reverse("people:unmerge", args=[merge.pk])).status_code == 302
    assert Person.objects.get(pk=other.pk).merged_into is None
    assert client.get(reverse("people:detail", args=[other.pk])).status_code == 200


def test_clerk_may_not_unmerge(manager, clerk, client_for, pair, person):
    other = pair.person_b if pair.person_a == person else pair.person_a
    client_for(manager).post(reverse("people:match_merge", args=[pair.pk]), {"keep": person.pk})
    merge = PersonMerge.objects.get()
    assert client_for(clerk).post(reverse("people:unmerge", args=[merge.pk])).status_code == 403
    assert Person.objects.get(pk=other.pk).merged_into == person


def test_registration_shows_the_likely_match_then_confirms_new(clerk, client_for, person):
    data = {
        "given_names": "Jose Luis",
        "first_surname": "Xicara",
        "sex": "M",
        "birth_date": "1990-03-04",
        "birth_date_precision": "exact",
        "origin_municipality": Municipality.objects.get(code="1301").pk,
        "people_group": "not_stated",
        "education": "unknown",
    }
    client = client_for(clerk)
    page = client.post(reverse("people:create"), data).content.decode()
    assert "Esta persona puede estar ya registrada" in page and "José Luis Xicará Tzul" in page
    assert Person.objects.count() == 1
    response = client.post(reverse("people:create"), {**data, "confirm_new": "1"})
    assert response.status_code == 302 and Person.objects.count() == 2


# --- API --------------------------------------------------------------------------------------


def test_api_candidates_for_a_typed_record(clerk, api_for, person):
    response = api_for(clerk).post(
        "/api/v1/people/candidates",
        {
            "given_names": "Jose Luis",
            "first_surname": "Xicara",
            "birth_date": "1990-03-04",
            "origin_municipality": "1301",
        },
        content_type="application/json",
    )
    assert response.status_code == 200
    body = response.json()
    assert body[0]["person"]["id"] == person.pk and "birth_date_day_month_swapped" in {
        r["code"] for r in body[0]["reasons"]
    }


@pytest.mark.parametrize("username", ["monitor", "administrator", "shelter"])
def test_api_candidates_denied(username, all_personas, api_for, person):
    response = api_for(all_personas[username]).post(
        "/api/v1/people/candidates", {"first_surname": "Xicara"}, content_type="application/json"
    )
    assert response.status_code == 403


def test_api_queue_pair_merge_unmerge_for_a_manager(manager, api_for, pair, person):
    api = api_for(manager)
    assert [p["id"] for p in api.get("/api/v1/people/duplicates").json()] == [pair.pk]
    detail = api.get(f"/api/v1/people/duplicates/{pair.pk}").json()
    assert detail["arrivals_a"] == 0 and detail["reasons"]
    response = api.post(
        f"/api/v1/people/duplicates/{pair.pk}/merge", {"keep": person.pk}, content_type="application/json"
    )
    assert response.status_code == 201 and response.json()["kept"] == person.pk
    merge_id = response.json()["id"]
    response = api.post(f"/api/v1/people/merges/{merge_id}/unmerge")
    assert response.status_code == 200 and response.json()["unmerged_at"]


@pytest.mark.parametrize("username", ["clerk", "reintegration", "psychologist", "monitor"])
def test_api_merge_denied(username, all_personas, api_for, pair, person):
    response = api_for(all_personas[username]).post(
        f"/api/v1/people/duplicates/{pair.pk}/merge", {"keep": person.pk}, content_type="application/json"
    )
    assert response.status_code == 403 and not PersonMerge.objects.exists()


def test_api_not_same_by_a_clerk_and_denied_to_a_psychologist(clerk, psychologist, api_for, pair):
    assert api_for(psychologist).post(f"/api/v1/people/duplicates/{pair.pk}/not-same").status_code == 403
    assert api_for(psychologist).get("/api/v1/people/duplicates").status_code == 403
    assert api_for(clerk).post(f"/api/v1/people/duplicates/{pair.pk}/not-same").status_code == 204
    assert api_for(clerk).get("/api/v1/people/duplicates").json() == []


def test_api_unknown_pair_is_404(manager, api_for):
    assert api_for(manager).get("/api/v1/people/duplicates/999999").status_code == 404
