"""A reintegration officer reads, from a person's case, the migration history given at reception:
consent and answers only (never the sealed smuggler part), read-only, every read audited."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from retorno.audit.models import AuditEvent
from retorno.geo.models import Country
from retorno.reception import actions as reception
from retorno.reception.models import Flight, MigrationHistory

pytestmark = pytest.mark.django_db
H = MigrationHistory
SECTION = "reintegration_migration_history"
COST = Decimal("8765")


def _return(clerk, person, day: datetime.date):
    flight = reception.flight_create(actor=clerk, date=day, origin="Alexandria", carrier="ICE Air", expected_count=1)
    reception.flight_set_status(actor=clerk, flight=flight, status=Flight.Status.ARRIVED, arrived_count=1)
    flight = reception.flight_set_status(actor=clerk, flight=flight, status=Flight.Status.RECEPTION_OPEN)
    return reception.walk_in_register(actor=clerk, flight=flight, person=person)


@pytest.fixture
def histories(clerk, case):
    """Two returns of the case's person: the first answered (with a sealed smuggler cost), the last refused."""
    first = _return(clerk, case.person, datetime.date(2025, 4, 2))
    agreed = reception.migration_history_record(
        actor=clerk,
        arrival=first,
        consent=H.Consent.AGREED,
        reasons=["economic", "violence"],
        years_abroad=17,
        countries=[Country.objects.get(alpha2="MX"), Country.objects.get(alpha2="US")],
        family_abroad=H.Answer.YES,
        previous_deportations_declined=True,
        smuggler_used=H.Answer.YES,
        smuggler_cost=COST,
        smuggler_currency="USD",
    )
    last = _return(clerk, case.person, datetime.date(2026, 1, 20))
    refused = reception.migration_history_record(actor=clerk, arrival=last, consent=H.Consent.REFUSED)
    return {"agreed": agreed, "refused": refused}


def _page(case):
    return reverse("reintegration:case_migration_history", args=[case.pk])


def _api(case):
    return f"/api/v1/reintegration/cases/{case.pk}/migration-history"


def test_the_officer_reads_the_answers_from_the_case_and_the_read_is_audited(
    client_for, reintegration_officer, case, histories
):
    page = client_for(reintegration_officer).get(_page(case), HTTP_ACCEPT_LANGUAGE="es")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Aceptó responder" in text and "No aceptó" in text
    assert "Trabajo e ingresos" in text and "Violencia" in text
    assert "17" in text and "Prefiere no decirlo" in text
    assert "8765" not in text and "8,765" not in text and "8.765" not in text
    reads = AuditEvent.objects.filter(
        kind=AuditEvent.Kind.VIEW,
        action="reception.migration_history.view",
        section=SECTION,
        actor=reintegration_officer,
    )
    assert {(r.object_id, r.person_id) for r in reads} == {(str(h.pk), case.person_id) for h in histories.values()}


def test_the_case_page_links_to_the_history(client_for, reintegration_officer, case):
    page = client_for(reintegration_officer).get(reverse("reintegration:case", args=[case.pk]))
    assert _page(case) in page.content.decode()


def test_the_api_gives_the_answers_newest_return_first_and_a_refusal_with_none(
    api_for, reintegration_officer, case, histories
):
    answer = api_for(reintegration_officer).get(_api(case))
    assert answer.status_code == 200
    refused, agreed = answer.json()
    assert refused["returned_on"] == "2026-01-20" and refused["consent"] == "refused"
    assert refused["reasons"] == [] and refused["years_abroad"] is None and refused["countries"] == []
    assert agreed["consent"] == "agreed" and agreed["reasons"] == ["economic", "violence"]
    assert (agreed["years_abroad"], agreed["countries"], agreed["family_abroad"]) == (17, ["MX", "US"], "yes")
    assert agreed["previous_deportations"] is None and agreed["previous_deportations_declined"] is True
    assert not any("smuggler" in key for key in agreed)
    assert AuditEvent.objects.filter(section=SECTION, actor=reintegration_officer).count() == 2


def test_a_person_never_asked_has_no_history(api_for, client_for, reintegration_officer, case):
    assert api_for(reintegration_officer).get(_api(case)).json() == []
    page = client_for(reintegration_officer).get(_page(case), HTTP_ACCEPT_LANGUAGE="en")
    assert "No migration history was recorded" in page.content.decode()
    assert not AuditEvent.objects.filter(section=SECTION).exists()


def test_the_manager_reads_it_too(api_for, manager, case, histories):
    assert api_for(manager).get(_api(case)).status_code == 200


@pytest.mark.parametrize("role", ["clerk", "protection_officer", "psychologist", "monitor", "shelter_partner"])
def test_roles_without_reintegration_cases_are_refused(request, api_for, client_for, role, case, histories):
    user = request.getfixturevalue(role)
    assert client_for(user).get(_page(case)).status_code == 403
    assert api_for(user).get(_api(case)).status_code == 403
    assert not AuditEvent.objects.filter(section=SECTION).exists()


def test_an_unknown_case_is_not_found(api_for, client_for, reintegration_officer, case, histories):
    assert (
        api_for(reintegration_officer).get(f"/api/v1/reintegration/cases/{case.pk + 999}/migration-history").status_code
        == 404
    )
    assert (
        client_for(reintegration_officer)
        .get(reverse("reintegration:case_migration_history", args=[case.pk + 999]))
        .status_code
        == 404
    )
