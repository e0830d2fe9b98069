"""The consented migration history: optional answers, refusals kept as refusals, the smuggler part sealed."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from retorno.audit.models import AuditEvent
from retorno.funding.actions import exchange_rate_set
from retorno.geo.models import Country
from retorno.reception import actions
from retorno.reception.models import MigrationHistory
from retorno.reception.queries import migration_history_answers, migration_history_sealed_for

pytestmark = pytest.mark.django_db
H = MigrationHistory
JSON = "application/json"


@pytest.fixture
def arrival(open_flight, clerk):
    return actions.walk_in_register(actor=clerk, flight=open_flight, given_names="Rosa", first_surname="Xol")


def record(clerk, arrival, **answers):
    return actions.migration_history_record(actor=clerk, arrival=arrival, **answers)


def test_a_refusal_is_stored_as_a_refusal_with_no_answers(clerk, arrival):
    history = record(clerk, arrival, consent=H.Consent.REFUSED)
    answers = migration_history_answers(history)
    assert answers["consent"] == "refused"
    assert answers["reasons"] == [] and answers["years_abroad"] is None and not answers["smuggler_answered"]
    with pytest.raises(ValidationError) as error:
        record(clerk, arrival, consent=H.Consent.REFUSED, years_abroad=3)
    assert "consent" in error.value.message_dict


def test_a_refusal_after_answers_erases_them(clerk, arrival):
    record(clerk, arrival, consent=H.Consent.AGREED, years_abroad=4, reasons=["economic"], smuggler_used="yes")
    history = record(clerk, arrival, consent=H.Consent.REFUSED)
    assert (history.years_abroad, history.smuggler_used, history.reasons.count()) == (None, "", 0)


def test_prefers_not_to_say_is_kept_apart_from_blank(clerk, arrival):
    history = record(
        clerk,
        arrival,
        consent=H.Consent.AGREED,
        years_abroad_declined=True,
        reasons_declined=True,
        family_abroad=H.Answer.DECLINED,
    )
    answers = migration_history_answers(history)
    assert answers["years_abroad"] is None and answers["years_abroad_declined"] is True
    assert answers["reasons"] == [] and answers["reasons_declined"] is True
    assert answers["family_abroad"] == "declined"
    assert answers["previous_deportations"] is None and answers["previous_deportations_declined"] is False
    with pytest.raises(ValidationError) as error:
        record(clerk, arrival, consent=H.Consent.AGREED, years_abroad=2, years_abroad_declined=True)
    assert "years_abroad" in error.value.message_dict


def test_answers_given_with_consent(clerk, arrival):
    usa, mex = Country.objects.get(alpha2="US"), Country.objects.get(alpha2="MX")
    history = record(
        clerk,
        arrival,
        consent=H.Consent.AGREED,
        reasons=["economic", "violence"],
        years_abroad=6,
        countries=[usa, mex],
        family_abroad=H.Answer.YES,
        previous_deportations=1,
    )
    answers = migration_history_answers(history)
    assert answers["reasons"] == ["economic", "violence"]
    assert answers["countries"] == ["MX", "US"]
    assert (answers["years_abroad"], answers["family_abroad"], answers["previous_deportations"]) == (6, "yes", 1)


def test_the_smuggler_cost_is_sealed_and_banded_in_dollars(clerk, arrival, manager, protection_officer):
    exchange_rate_set(actor=manager, base="USD", quote="GTQ", day=datetime.date(2026, 1, 1), rate=Decimal("7.70"))
    history = record(
        clerk,
        arrival,
        consent=H.Consent.AGREED,
        smuggler_used=H.Answer.YES,
        smuggler_cost=Decimal("92400.00"),
        smuggler_currency="GTQ",
    )
    assert history.smuggler_cost_band == H.CostBand.FROM_10000  # Q92,400 / 7.70 = US$ 12,000
    with connection.cursor() as cursor:
        cursor.execute("SELECT smuggler_cost_sealed FROM reception_migrationhistory WHERE id = %s", [history.pk])
        stored = cursor.fetchone()[0]
    assert "92400" not in stored and "GTQ" not in stored
    written = AuditEvent.objects.get(action="migration_history.record")
    assert "92400" not in str(written.new) and "yes" not in str(written.new.get("smuggler"))
    sealed = migration_history_sealed_for(user=protection_officer, arrival_id=arrival.pk)
    assert (sealed["smuggler_used"], sealed["smuggler_cost"], sealed["smuggler_currency"]) == ("yes", "92400.00", "GTQ")
    read = AuditEvent.objects.get(kind=AuditEvent.Kind.VIEW, action="reception.migration_history.sealed_view")
    assert read.person_id == arrival.person_id


def test_a_cost_without_a_rate_to_dollars_is_an_unknown_band(clerk, arrival):
    history = record(
        clerk,
        arrival,
        consent=H.Consent.AGREED,
        smuggler_used="yes",
        smuggler_cost=Decimal(50000),
        smuggler_currency="MXN",
    )
    assert history.smuggler_cost_band == H.CostBand.UNKNOWN


def test_a_cost_only_goes_with_a_smuggler(clerk, arrival):
    with pytest.raises(ValidationError) as error:
        record(
            clerk,
            arrival,
            consent=H.Consent.AGREED,
            smuggler_used="no",
            smuggler_cost=Decimal(100),
            smuggler_currency="USD",
        )
    assert "smuggler_cost" in error.value.message_dict


def test_a_correction_can_keep_the_sealed_answers_it_cannot_read(clerk, arrival):
    record(clerk, arrival, consent="agreed", smuggler_used="yes", smuggler_cost=Decimal(8000), smuggler_currency="USD")
    history = record(clerk, arrival, consent="agreed", years_abroad=3, smuggler_used=None)
    assert (history.years_abroad, history.smuggler_used, history.smuggler_cost_band) == (3, "yes", "5000")


def test_who_records_and_who_reads(clerk, arrival, monitor, reintegration_officer, manager):
    with pytest.raises(PermissionDenied):
        record(monitor, arrival, consent="agreed")
    with pytest.raises(PermissionDenied):
        record(manager, arrival, consent="agreed")
    record(clerk, arrival, consent="agreed", smuggler_used="no")
    for user in (clerk, manager, monitor, reintegration_officer):
        with pytest.raises(PermissionDenied):
            migration_history_sealed_for(user=user, arrival_id=arrival.pk)


def test_the_page_records_and_shows_the_answers(clerk, arrival, client_for, monitor, protection_officer):
    client = client_for(clerk)
    url = f"/reception/arrivals/{arrival.pk}/migration-history/"
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"consent": "agreed", "years_abroad": "5", "reasons": ["economic"], "smuggler_used": "declined"}
    )
    assert response.status_code == 302
    history = MigrationHistory.objects.get(arrival=arrival)
    assert (history.years_abroad, history.smuggler_used) == (5, "declined")
    page = client.get(url).content.decode()
    assert "Answered (sealed" in page or "sellad" in page
    assert AuditEvent.objects.filter(action="reception.migration_history.view", person_id=arrival.person_id).exists()
    assert client_for(monitor).get(url).status_code == 403
    assert client_for(clerk).get(url + "sealed/").status_code == 403
    assert client_for(protection_officer).get(url + "sealed/").status_code == 200


def test_a_refused_form_with_answers_is_sent_back(clerk, arrival, client_for):
    url = f"/reception/arrivals/{arrival.pk}/migration-history/"
    response = client_for(clerk).post(url, {"consent": "refused", "years_abroad": "5"})
    assert response.status_code == 422
    assert not MigrationHistory.objects.exists()


def test_the_api(clerk, arrival, api_for, manager, monitor, protection_officer):
    url = f"/api/v1/reception/arrivals/{arrival.pk}/migration-history"
    body = {
        "consent": "agreed",
        "reasons": ["family"],
        "countries": ["US"],
        "previous_deportations_declined": True,
        "smuggler_used": "yes",
        "smuggler_cost": "12000",
        "smuggler_currency": "USD",
    }
    response = api_for(clerk).put(url, body, content_type=JSON)
    assert response.status_code == 200, response.content
    assert response.json()["smuggler_answered"] is True and "smuggler_cost" not in response.json()
    assert api_for(manager).get(url).json()["countries"] == ["US"]
    assert api_for(monitor).get(url).status_code == 403
    assert api_for(manager).get(url + "/sealed").status_code == 403
    assert api_for(protection_officer).get(url + "/sealed").json()["smuggler_cost"] == "12000.00"
    kept = api_for(clerk).put(url, {"consent": "agreed", "years_abroad": 2, "keep_sealed": True}, content_type=JSON)
    assert kept.status_code == 200 and kept.json()["smuggler_answered"] is True
    refused = api_for(clerk).put(url, {"consent": "refused", "years_abroad": 2}, content_type=JSON)
    assert refused.status_code == 422
    assert api_for(clerk).put(url, {"consent": "agreed", "countries": ["ZZ"]}, content_type=JSON).status_code == 422


def test_protection_reaches_the_sealed_answers_from_the_profile(clerk, arrival, client_for, protection_officer):
    record(clerk, arrival, consent="agreed", smuggler_used="no")
    sealed_url = f"/reception/arrivals/{arrival.pk}/migration-history/sealed/"
    profile = f"/people/{arrival.person_id}/"
    assert sealed_url in client_for(protection_officer).get(profile).content.decode()
    assert sealed_url not in client_for(clerk).get(profile).content.decode()


def test_the_countries_are_listed_in_the_readers_alphabet():
    from django.utils import translation

    from retorno.reception.forms import MigrationHistoryForm

    for language, field in (("en", "name_en"), ("es", "name_es")):
        with translation.override(language):
            names = [getattr(c, field) for c in MigrationHistoryForm().fields["countries"].queryset]
        assert names == sorted(names) and len(names) > 100
