"""The reception rules, through the actions: pipeline, import, matching, check-in, triage, closing."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from retorno.audit.models import AuditEvent
from retorno.people.actions import identifier_add, person_create
from retorno.people.models import Consent, Identifier
from retorno.reception import actions
from retorno.reception.matching import match_manifest_row
from retorno.reception.models import Arrival, ColumnMapping, Flight, ManifestImport, ManifestRow
from retorno.reception.queries import flight_counts, flight_overview, minor_handed_to_protection

from .conftest import THREE, import_manifest, manifest_csv, open_reception, synthetic_rows

pytestmark = pytest.mark.django_db


def arrival_named(flight, text):
    return next(a for a in flight.arrivals.select_related("manifest_row") if text in a.display_name)


# --- Status pipeline -------------------------------------------------------------------


def test_status_moves_only_along_the_pipeline(flight, clerk):
    with pytest.raises(ValidationError):
        actions.flight_set_status(actor=clerk, flight=flight, status=Flight.Status.RECEPTION_OPEN)
    with pytest.raises(ValidationError):
        actions.flight_set_status(actor=clerk, flight=flight, status=Flight.Status.CLOSED)
    open_reception(flight, clerk)
    flight.refresh_from_db()
    assert flight.status == Flight.Status.RECEPTION_OPEN
    assert [c.to_status for c in flight.status_changes.all()] == ["arrived", "reception_open"]
    assert AuditEvent.objects.filter(action="flight.status", object_id=str(flight.pk)).count() == 2
    with pytest.raises(ValidationError):
        actions.flight_set_status(actor=clerk, flight=flight, status=Flight.Status.ANNOUNCED)


def test_new_flight_has_the_default_budget(flight):
    assert str(flight.budget.amount) == "125.00" and flight.budget.currency == "USD"


# --- Manifest import -------------------------------------------------------------------


def test_staging_saves_nothing_but_the_import(flight, clerk):
    staged, result = actions.manifest_stage(actor=clerk, flight=flight, data=manifest_csv(THREE), filename="m.csv")
    assert len(result.rows) == 3 and staged.status == ManifestImport.Status.STAGED
    assert not ManifestRow.objects.exists() and not Arrival.objects.exists()


def test_commit_creates_rows_and_expected_arrivals(flight, clerk):
    done = import_manifest(flight, clerk, manifest_csv(THREE))
    assert (done.created_rows, done.updated_rows) == (3, 0)
    assert flight.arrivals.filter(status=Arrival.Status.EXPECTED).count() == 3
    assert ColumnMapping.objects.get(source="ICE Air").mapping["columns"]["Nombres"] == "given_names"


def test_reimporting_the_same_file_does_not_duplicate(flight, clerk):
    import_manifest(flight, clerk, manifest_csv(THREE))
    before = list(flight.manifest_rows.order_by("pk").values())
    again = import_manifest(flight, clerk, manifest_csv(THREE))
    # An unchanged file creates nothing and changes nothing.
    assert (again.created_rows, again.updated_rows) == (0, 0)
    assert flight.manifest_rows.count() == 3 and flight.arrivals.count() == 3
    assert list(flight.manifest_rows.order_by("pk").values()) == before


def test_a_corrected_file_updates_and_withdraws(flight, clerk):
    import_manifest(flight, clerk, manifest_csv(THREE))
    corrected = [THREE[0], (*THREE[1][:5], "1234567890101", "S")]  # Luis removed, Ana gains a CUI
    done = import_manifest(flight, clerk, manifest_csv(corrected))
    assert (done.created_rows, done.updated_rows, done.withdrawn_rows) == (0, 1, 1)  # José is unchanged
    assert flight.manifest_rows.get(full_name__startswith="Ana").cui == "1234567890101"
    assert flight_counts(flight)["expected"] == 2


def test_a_birth_date_added_later_updates_the_same_row(flight, clerk):
    import_manifest(flight, clerk, manifest_csv([("Rosa", "Díaz", "", "F", "", "", "N")]))
    import_manifest(flight, clerk, manifest_csv([("Rosa", "Díaz", "", "F", "14/02/1992", "", "N")]))
    row = flight.manifest_rows.get()
    assert row.birth_date == datetime.date(1992, 2, 14)


def test_commit_is_atomic(flight, clerk, monkeypatch):
    staged, _ = actions.manifest_stage(actor=clerk, flight=flight, data=manifest_csv(THREE), filename="m.csv")

    def failing(*args, **kwargs):  # the rows are written; their arrivals fail
        assert ManifestRow.objects.count() == 3
        raise RuntimeError("database gone")

    monkeypatch.setattr(Arrival.objects, "bulk_create", failing)
    with pytest.raises(RuntimeError):
        actions.manifest_commit(actor=clerk, manifest_import=staged)
    assert not ManifestRow.objects.exists() and not Arrival.objects.exists()
    staged.refresh_from_db()
    assert staged.status == ManifestImport.Status.STAGED


def test_ambiguous_dates_are_flagged_then_settled_by_the_mapping(flight, clerk):
    data = b"Nombre completo,Fecha de nacimiento\nAna Perez,03/04/1990\nLuis Gomez,05/06/1985\n"
    staged, result = actions.manifest_stage(actor=clerk, flight=flight, data=data, filename="a.csv")
    assert [p.code for p in result.rows[0].problems] == ["ambiguous_date"]
    assert result.rows[0].values["birth_date"] is None
    result = actions.manifest_set_mapping(
        actor=clerk,
        manifest_import=staged,
        mapping={"columns": {"Nombre completo": "full_name", "Fecha de nacimiento": "birth_date"}, "date_order": "dmy"},
    )
    assert result.rows[0].values["birth_date"] == datetime.date(1990, 4, 3)
    actions.manifest_commit(actor=clerk, manifest_import=staged)
    # The source's date order is remembered for the next file.
    _, next_result = actions.manifest_stage(actor=clerk, flight=flight, data=data, filename="a.csv")
    assert next_result.rows[1].values["birth_date"] == datetime.date(1985, 6, 5)


def test_a_file_without_names_cannot_be_committed(flight, clerk):
    staged, result = actions.manifest_stage(
        actor=clerk, flight=flight, data=b"Sexo,Edad\nM,30\nF,22\n", filename="x.csv"
    )
    assert not result.can_import
    with pytest.raises(ValidationError):
        actions.manifest_commit(actor=clerk, manifest_import=staged)


def test_duplicate_rows_in_a_file_are_skipped(flight, clerk):
    done = import_manifest(flight, clerk, manifest_csv([THREE[2], THREE[2]]))
    assert (done.created_rows, done.skipped_rows) == (1, 1)


# --- Matching --------------------------------------------------------------------------


def test_matching_by_name_and_birth_date(person):
    found, reason = match_manifest_row({"full_name": "JOSE LUIS XICARA TZUL", "birth_date": "1990-04-03"})
    assert found == person and reason == "name_birth_date"
    assert match_manifest_row({"full_name": "José Luis Xicará Tzul", "birth_date": "1990-04-04"}) == (None, "none")


def test_matching_by_identifiers(person, clerk):
    identifier_add(actor=clerk, person=person, kind=Identifier.Kind.US_ALIEN_NUMBER, value="A-123-456-789")
    assert match_manifest_row({"a_number": "A123456789", "full_name": "x"}) == (person, "a_number")
    other = person_create(actor=clerk, given_names="Ana", first_surname="Tum", cui="2345678900101")
    assert match_manifest_row({"cui": "2345678900101"}) == (other, "cui")


def test_two_candidates_are_ambiguous(person, clerk):
    person_create(
        actor=clerk,
        given_names="José Luis",
        first_surname="Xicará",
        second_surname="Tzul",
        birth_date=datetime.date(1990, 4, 3),
    )
    assert match_manifest_row({"full_name": "Jose Luis Xicara Tzul", "birth_date": "1990-04-03"}) == (None, "ambiguous")


def test_import_pre_matches_the_registry(open_flight, person):
    row = open_flight.manifest_rows.get(full_name__startswith="José")
    assert row.person == person and row.match == "name_birth_date"


# --- Check-in --------------------------------------------------------------------------


def test_check_in_links_the_person_and_numbers_the_return(open_flight, clerk, person):
    arrival = actions.arrival_check_in(actor=clerk, arrival=arrival_named(open_flight, "Xicará"))
    assert arrival.person == person and arrival.return_number == 1
    new = actions.arrival_check_in(actor=clerk, arrival=arrival_named(open_flight, "Pérez"))
    assert new.person.full_name == "Luis Pérez García" and new.person.birth_date == datetime.date(1985, 12, 20)
    with pytest.raises(ValidationError):
        actions.arrival_check_in(actor=clerk, arrival=arrival)


def test_second_return_is_numbered_and_shown(open_flight, clerk, person, manager):
    first = actions.arrival_check_in(actor=clerk, arrival=arrival_named(open_flight, "Xicará"))
    actions.triage_record(actor=clerk, arrival=first, refer_to_protection=True)
    later = actions.flight_create(actor=clerk, date=datetime.date(2026, 5, 1), origin="Mesa", carrier="ICE Air")
    import_manifest(later, clerk, manifest_csv([THREE[0]]))
    overview = flight_overview(later)
    assert overview[0]["prior_arrivals"] == 1 and overview[0]["protection_flag"] is True
    open_reception(later, clerk)
    assert actions.arrival_check_in(actor=clerk, arrival=later.arrivals.get()).return_number == 2


def test_check_in_needs_reception_open(flight, clerk):
    import_manifest(flight, clerk, manifest_csv(THREE))
    with pytest.raises(ValidationError):
        actions.arrival_check_in(actor=clerk, arrival=flight.arrivals.first())


def test_walk_in_and_no_show(open_flight, clerk):
    walk = actions.walk_in_register(actor=clerk, flight=open_flight, given_names="Marta", first_surname="Chox")
    assert walk.status == Arrival.Status.WALK_IN and walk.return_number == 1
    gone = actions.arrival_mark_no_show(actor=clerk, arrival=arrival_named(open_flight, "Pérez"))
    assert gone.status == Arrival.Status.NO_SHOW
    assert actions.arrival_check_in(actor=clerk, arrival=gone).status == Arrival.Status.CHECKED_IN  # arrived late


# --- Triage and the minor rule ---------------------------------------------------------


def test_minor_listed_alone_becomes_unaccompanied_and_referred(open_flight, clerk):
    ana = actions.arrival_check_in(actor=clerk, arrival=arrival_named(open_flight, "Ana"))
    triage = actions.triage_record(actor=clerk, arrival=ana, refreshments=True, calls_international=2)
    assert triage.unaccompanied_minor and triage.refer_to_protection


def test_a_clerk_cannot_unset_the_unaccompanied_flag_but_a_manager_can(open_flight, clerk, manager):
    luis = actions.arrival_check_in(actor=clerk, arrival=arrival_named(open_flight, "Pérez"))
    assert not actions.triage_record(actor=clerk, arrival=luis, travelling_alone=True).unaccompanied_minor  # an adult
    walk = actions.walk_in_register(
        actor=clerk, flight=open_flight, given_names="Niño", first_surname="Solo", birth_date=datetime.date(2012, 1, 1)
    )
    assert actions.triage_record(actor=clerk, arrival=walk, travelling_alone=True).unaccompanied_minor
    with pytest.raises(ValidationError):
        actions.triage_record(actor=clerk, arrival=walk, travelling_alone=False)
    assert not actions.triage_record(actor=manager, arrival=walk, travelling_alone=False).unaccompanied_minor


def test_triage_records_consent_and_contact(open_flight, clerk, person):
    arrival = actions.arrival_check_in(actor=clerk, arrival=arrival_named(open_flight, "Xicará"))
    actions.triage_record(
        actor=clerk, arrival=arrival, reintegration_interest=True, contact_consent=True, contact_phone="5555 1234"
    )
    consent = person.consents.get()
    assert consent.purpose == Consent.Purpose.REINTEGRATION and consent.given
    assert person.contacts.get().value == "5555 1234"


def test_a_minors_consent_names_the_guardian(open_flight, clerk):
    ana = actions.arrival_check_in(actor=clerk, arrival=arrival_named(open_flight, "Ana"))
    with pytest.raises(ValidationError):
        actions.triage_record(actor=clerk, arrival=ana, reintegration_interest=True, contact_consent=True)
    actions.triage_record(
        actor=clerk, arrival=ana, reintegration_interest=True, contact_consent=True, guardian_name="María Coj (madre)"
    )
    assert ana.person.consents.get().given_by == Consent.GivenBy.GUARDIAN


def test_protection_referral_keeps_no_reason(open_flight, clerk):
    arrival = actions.arrival_check_in(actor=clerk, arrival=arrival_named(open_flight, "Pérez"))
    with pytest.raises(TypeError):
        actions.triage_record(actor=clerk, arrival=arrival, refer_to_protection=True, protection_reason="x")


def test_services_are_logged(open_flight, clerk):
    arrival = actions.arrival_check_in(actor=clerk, arrival=arrival_named(open_flight, "Pérez"))
    actions.service_record(actor=clerk, arrival=arrival, kind="call_international", quantity=2, unit_cost="0.50")
    assert str(arrival.services.get().total) == "1.00"


# --- Closing ---------------------------------------------------------------------------


def test_close_is_refused_until_the_minor_is_handed_to_protection(open_flight, clerk, protection_officer):
    ana = actions.arrival_check_in(actor=clerk, arrival=arrival_named(open_flight, "Ana"))
    with pytest.raises(ValidationError):  # a minor not triaged
        actions.flight_close(actor=clerk, flight=open_flight)
    actions.triage_record(actor=clerk, arrival=ana)
    assert not minor_handed_to_protection(ana)
    with pytest.raises(ValidationError):
        actions.flight_close(actor=clerk, flight=open_flight)
    actions.protection_acknowledge(actor=protection_officer, arrival=ana)
    assert minor_handed_to_protection(Arrival.objects.get(pk=ana.pk))
    closed = actions.flight_close(actor=clerk, flight=open_flight, confirm=True)
    assert closed.status == Flight.Status.CLOSED
    # Reconciliation: whoever was still expected did not arrive.
    assert open_flight.arrivals.filter(status=Arrival.Status.NO_SHOW).count() == 2


def test_a_closed_flight_refuses_changes(open_flight, clerk, protection_officer):
    luis = actions.arrival_check_in(actor=clerk, arrival=arrival_named(open_flight, "Pérez"))
    actions.arrival_mark_no_show(actor=clerk, arrival=arrival_named(open_flight, "Ana"))
    actions.flight_close(actor=clerk, flight=open_flight, confirm=True)
    with pytest.raises(ValidationError):
        actions.service_record(actor=clerk, arrival=Arrival.objects.get(pk=luis.pk), kind="refreshment")
    with pytest.raises(ValidationError):
        actions.manifest_stage(actor=clerk, flight=open_flight, data=manifest_csv(THREE), filename="m.csv")


def test_a_full_flight_of_135_imports(flight, clerk):
    done = import_manifest(flight, clerk, manifest_csv(synthetic_rows(135)))
    assert done.created_rows == 135 and done.error_count == 0
