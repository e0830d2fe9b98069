"""Every page and endpoint: what each persona may do, and may not."""

import pytest

from retorno.reception import actions
from retorno.reception.manifest import neutralise_formula
from retorno.reception.models import Arrival, Flight, ManifestImport

from .conftest import THREE, manifest_csv

pytestmark = pytest.mark.django_db

DESK = {"clerk", "manager"}


def arrival_named(flight, text):
    return next(a for a in flight.arrivals.select_related("manifest_row") if text in a.display_name)


@pytest.mark.parametrize(
    "name",
    ["flight", "checkin", "transport", "summary", "summary_pdf", "summary_csv", "counts", "manifest_upload"],
)
def test_flight_pages_for_desk_staff_only(name, open_flight, all_personas, client_for):
    url = (
        f"/reception/flights/{open_flight.pk}/"
        + {
            "flight": "",
            "checkin": "checkin/",
            "transport": "transport/",
            "summary": "summary/",
            "summary_pdf": "summary.pdf",
            "summary_csv": "summary.csv",
            "counts": "counts/",
            "manifest_upload": "manifest/",
        }[name]
    )
    for username, user in all_personas.items():
        status = client_for(user).get(url).status_code
        assert status == (200 if username in DESK else 403), (username, status)


def test_flight_list_and_minors_page(open_flight, all_personas, client_for):
    for username, user in all_personas.items():
        client = client_for(user)
        expected = 200 if username in DESK | {"protection"} else 403
        assert client.get("/reception/").status_code == expected, username
        assert client.get(f"/reception/flights/{open_flight.pk}/minors/").status_code == expected, username


def test_flight_page_shows_flags_and_counts(open_flight, clerk, client_for):
    page = client_for(clerk).get(f"/reception/flights/{open_flight.pk}/").content.decode()
    assert "Ana Tum Coj" in page and 'data-flag="alone"' in page
    assert 'data-count="expected">3<' in page


def test_announce_a_flight(clerk, monitor, client_for):
    data = {
        "kind": "air",
        "code": "GX-7",
        "date": "2026-04-01",
        "expected_time": "10:30",
        "origin": "Mesa",
        "carrier": "GlobalX",
        "expected_count": 135,
    }
    assert client_for(monitor).post("/reception/flights/new/", data).status_code == 403
    response = client_for(clerk).post("/reception/flights/new/", data)
    flight = Flight.objects.get(code="GX-7")
    assert response.status_code == 302 and flight.budget.amount == 125


def test_upload_preview_mapping_and_commit(flight, clerk, client_for):
    client = client_for(clerk)
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile(
        "m.csv", b"Nombre completo,Fecha de nacimiento\nAna Perez,03/04/1990\n=HYPERLINK(1),05/06/1985\n"
    )
    response = client.post(f"/reception/flights/{flight.pk}/manifest/", {"file": upload, "source": "ICE Air"})
    staged = ManifestImport.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/reception/imports/{staged.pk}/"
    preview = client.get(f"/reception/imports/{staged.pk}/").content.decode()
    assert "puede ser 1990-04-03" in preview  # the ambiguous date, by row and field
    client.post(f"/reception/imports/{staged.pk}/", {"col_0": "full_name", "col_1": "birth_date", "date_order": "dmy"})
    staged.refresh_from_db()
    assert staged.mapping["date_order"] == "dmy"
    assert client.post(f"/reception/imports/{staged.pk}/commit/").status_code == 302
    assert flight.manifest_rows.count() == 2


def test_import_pages_refused_to_others(flight, clerk, monitor, protection_officer, client_for):
    staged, _ = actions.manifest_stage(actor=clerk, flight=flight, data=manifest_csv(THREE), filename="m.csv")
    for user in (monitor, protection_officer):
        assert client_for(user).get(f"/reception/imports/{staged.pk}/").status_code == 403
        assert client_for(user).post(f"/reception/imports/{staged.pk}/commit/").status_code == 403
    assert not flight.manifest_rows.exists()
    assert client_for(clerk).get("/reception/imports/999999/").status_code == 404


def test_checkin_by_htmx_and_no_show(open_flight, clerk, monitor, client_for):
    luis = arrival_named(open_flight, "Pérez")
    assert client_for(monitor).post(f"/reception/arrivals/{luis.pk}/checkin/").status_code == 403
    response = client_for(clerk).post(f"/reception/arrivals/{luis.pk}/checkin/", HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and 'data-status="checked_in"' in response.content.decode()
    ana = arrival_named(open_flight, "Ana")
    client_for(clerk).post(f"/reception/arrivals/{ana.pk}/no-show/", HTTP_HX_REQUEST="true")
    assert Arrival.objects.get(pk=ana.pk).status == "no_show"


def test_walk_in_page(open_flight, clerk, protection_officer, client_for):
    data = {
        "given_names": "Marta",
        "first_surname": "Chox",
        "sex": "F",
        "birth_date_precision": "exact",
        "people_group": "not_stated",
        "education": "unknown",
    }
    assert client_for(protection_officer).post(f"/reception/flights/{open_flight.pk}/walk-in/", data).status_code == 403
    response = client_for(clerk).post(f"/reception/flights/{open_flight.pk}/walk-in/", data)
    assert response.status_code == 302
    assert open_flight.arrivals.get(status="walk_in").person.full_name == "Marta Chox"


def test_triage_service_and_assessment_pages(open_flight, clerk, psychologist, client_for, fares):
    luis = actions.arrival_check_in(actor=clerk, arrival=arrival_named(open_flight, "Pérez"))
    url = f"/reception/arrivals/{luis.pk}/"
    assert client_for(psychologist).get(url).status_code == 403
    assert client_for(clerk).get(url).status_code == 200
    assert client_for(psychologist).post(url + "triage/", {"t-refreshments": "on"}).status_code == 403
    client_for(clerk).post(
        url + "triage/", {"t-refreshments": "on", "t-calls_national": "1", "t-calls_international": "0"}
    )
    assert Arrival.objects.get(pk=luis.pk).triage.refreshments
    client_for(clerk).post(
        url + "services/", {"s-kind": "refreshment", "s-quantity": "1", "s-unit_cost": "0.75", "s-currency": "USD"}
    )
    assert luis.services.count() == 1
    client_for(clerk).post(url + "assessment/", {"a-destination": fares["1301"].pk, "a-vulnerability": "3"})
    assert Arrival.objects.get(pk=luis.pk).need_assessment.vulnerability == 3


def test_protection_officer_acknowledges_a_minor(open_flight, clerk, protection_officer, client_for):
    ana = actions.arrival_check_in(actor=clerk, arrival=arrival_named(open_flight, "Ana"))
    actions.triage_record(actor=clerk, arrival=ana)
    assert client_for(clerk).post(f"/reception/arrivals/{ana.pk}/acknowledge/").status_code == 403
    assert client_for(protection_officer).post(f"/reception/arrivals/{ana.pk}/acknowledge/").status_code == 302
    page = client_for(protection_officer).get(f"/reception/flights/{open_flight.pk}/minors/").content.decode()
    assert "Ana Tum Coj" in page and "Xicará" not in page


def test_close_through_the_page_is_refused_with_an_unhanded_minor(open_flight, clerk, client_for):
    ana = actions.arrival_check_in(actor=clerk, arrival=arrival_named(open_flight, "Ana"))
    actions.triage_record(actor=clerk, arrival=ana)
    client_for(clerk).post(f"/reception/flights/{open_flight.pk}/status/", {"status": "closed"})
    open_flight.refresh_from_db()
    assert open_flight.status == "reception_open"


def test_exports_neutralise_formulas(open_flight, clerk, client_for):
    walk = actions.walk_in_register(
        actor=clerk, flight=open_flight, given_names='=HYPERLINK("http://x")', first_surname="Perez"
    )
    assert walk.person.given_names.startswith("=")
    body = client_for(clerk).get(f"/reception/flights/{open_flight.pk}/summary.csv").content.decode()
    assert "'=HYPERLINK" in body and "\n=HYPERLINK" not in body and ",=HYPERLINK" not in body
    pdf = client_for(clerk).get(f"/reception/flights/{open_flight.pk}/summary.pdf")
    assert pdf.content.startswith(b"%PDF")
    assert neutralise_formula("@SUM(A1)") == "'@SUM(A1)"


def test_profile_panel_lists_arrivals(open_flight, clerk, person, monitor, client_for):
    actions.arrival_check_in(actor=clerk, arrival=arrival_named(open_flight, "Xicará"))
    page = client_for(clerk).get(f"/people/{person.pk}/").content.decode()
    assert "#1" in page and "02/03/2026" in page


def test_transport_override_decision_page(open_flight, clerk, manager, client_for):
    luis = actions.arrival_check_in(actor=clerk, arrival=arrival_named(open_flight, "Pérez"))
    client_for(clerk).post(
        f"/reception/arrivals/{luis.pk}/override/", {"o-allocate": "1", "o-reason": "Sin dinero y con niños"}
    )
    override = luis.transport_overrides.get()
    assert client_for(clerk).post(f"/reception/overrides/{override.pk}/decide/", {"approve": "1"}).status_code == 403
    client_for(manager).post(f"/reception/overrides/{override.pk}/decide/", {"approve": "1"})
    override.refresh_from_db()
    assert override.status == "approved"


def test_home_tile_and_nav(clerk, monitor, client_for):
    assert "/reception/" in client_for(clerk).get("/").content.decode()
    assert "/reception/" not in client_for(monitor).get("/").content.decode()
