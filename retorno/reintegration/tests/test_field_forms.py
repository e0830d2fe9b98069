"""Field forms: XLSForms checked by pyxform, Kobo/ODK submissions imported once, problems by row and field."""

import io
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from openpyxl import load_workbook
from pyxform.xls2xform import convert

from retorno.reintegration import rss
from retorno.reintegration.fieldforms.kobo import kobo_pull
from retorno.reintegration.fieldforms.reference import followup_reference, parse_reference
from retorno.reintegration.fieldforms.submissions import field_submissions_import, parse_export
from retorno.reintegration.fieldforms.xlsform import xlsform
from retorno.reintegration.models import FieldSubmission, FollowUp, FollowUpAttempt

pytestmark = pytest.mark.django_db


@pytest.fixture
def due(case, reintegration_officer):
    import datetime

    from retorno.reintegration.actions import followups_schedule

    followups_schedule(
        actor=reintegration_officer,
        person=case.person,
        trigger="arrival",
        base_date=datetime.date.today(),
        arrival_id=1,
    )
    return FollowUp.objects.filter(person=case.person, status="due").order_by("due_on").first()


def _record(followup, uuid="uuid:0b9b", **extra) -> dict:
    record = {
        "meta/instanceID": uuid,
        "grp/followup_ref": followup_reference(followup.pk),
        "grp/reached": "yes",
        "grp/working": "self_employed",
        "grp/income_band": "lt1500",
        "grp/intends_to_migrate": "unsure",
        "grp/living_in": "1301",
        "grp/business_operating": "yes",
    }
    record.update({f"grp/rss_{q.code}": next(iter(q.options)) for q in rss.QUESTIONS_V1})
    record.update(extra)
    return record


def test_reference_check_digits_catch_typos_and_swaps():
    assert followup_reference(123) == "S-123-" + followup_reference(123)[-2:]
    assert parse_reference(followup_reference(4821)) == 4821
    assert parse_reference(" s4821" + followup_reference(4821)[-3:].replace("-", "")) == 4821
    wrong_digit = followup_reference(4821).replace("4821", "4831")
    swapped = followup_reference(4821).replace("4821", "4812")
    assert parse_reference(wrong_digit) is None and parse_reference(swapped) is None
    assert parse_reference("hola") is None


@pytest.mark.parametrize("kind", ["followup", "intake"])
def test_xlsforms_are_valid_and_bilingual(kind):
    data = xlsform(kind)
    result = convert(xlsform=io.BytesIO(data), file_type=".xlsx")
    assert "<h:html" in result.xform
    book = load_workbook(io.BytesIO(data))
    header = [c.value for c in book["survey"][1]]
    assert "label::Español (es)" in header and "label::English (en)" in header
    names = [row[1].value for row in book["survey"].iter_rows(min_row=2)]
    if kind == "followup":
        assert {"followup_ref", "reached", "working", "rss_econ_satisfaction"} <= set(names)


def test_kobo_csv_export_is_imported_once(due, reintegration_officer):
    record = _record(due)
    header = list(record)
    raw = ("\ufeff" + ";".join(header) + "\n" + ";".join(record[h] for h in header) + "\n").encode()
    records = parse_export(raw, filename="export.csv")
    report = field_submissions_import(actor=reintegration_officer, records=records, source="csv")
    assert [(r.row, r.status) for r in report.rows] == [(2, "imported")]
    due.refresh_from_db()
    assert due.status == "done" and due.outcome.working == "self_employed" and due.outcome.living_in.code == "1301"
    assert due.attempts.get().channel == FollowUpAttempt.Channel.IN_PERSON
    again = field_submissions_import(actor=reintegration_officer, records=records, source="csv")
    assert [r.status for r in again.rows] == ["already"]
    assert FieldSubmission.objects.count() == 1


def test_problems_by_row_and_field_and_nothing_half_saved(due, reintegration_officer):
    typo = _record(
        due, uuid="a1", **{"grp/followup_ref": followup_reference(due.pk).replace(str(due.pk), str(due.pk + 10))}
    )
    bad_choice = _record(due, uuid="a2", **{"grp/working": "astronaut", "grp/rss_econ_food": "daily"})
    no_uuid = _record(due, uuid="")
    report = field_submissions_import(actor=reintegration_officer, records=[typo, bad_choice, no_uuid], source="json")
    problems = {(r.row, p.field, p.code) for r in report.rows for p in r.problems}
    assert (1, "followup_ref", "bad_reference") in problems or (1, "followup_ref", "unknown_followup") in problems
    assert {
        (2, "working", "not_a_choice"),
        (2, "rss_econ_food", "not_a_choice"),
        (3, "instanceID", "missing_uuid"),
    } <= problems
    assert [r.status for r in report.rows] == ["refused"] * 3
    due.refresh_from_db()
    assert due.status == "due" and not due.attempts.exists()
    assert "astronaut" in report.rows[1].problems[0].message


def test_not_reached_records_the_attempt_only(due, reintegration_officer):
    record = {"_uuid": "nr1", "followup_ref": followup_reference(due.pk), "reached": "no"}
    report = field_submissions_import(actor=reintegration_officer, records=[record], source="json")
    assert report.rows[0].status == "imported"
    due.refresh_from_db()
    assert due.status == "due" and due.attempts.get().reached is False


def test_page_and_api_import_and_who_may(due, reintegration_officer, clerk, client_for, api_for):
    payload = json.dumps({"results": [_record(due)]}).encode()
    page = client_for(reintegration_officer).post(
        "/reintegration/field-forms/", {"file": io.BytesIO(payload)}, format="multipart"
    )
    assert page.status_code == 200 and "import-report" in page.content.decode()
    upload = io.BytesIO(payload)
    upload.name = "kobo.json"
    answer = api_for(reintegration_officer).post("/api/v1/reintegration/field-forms/submissions", {"file": upload})
    assert answer.status_code == 200 and answer.json()["already"] == 1
    assert client_for(clerk).get("/reintegration/field-forms/").status_code == 403
    upload.seek(0)
    assert api_for(clerk).post("/api/v1/reintegration/field-forms/submissions", {"file": upload}).status_code == 403
    sheet = client_for(reintegration_officer).get("/reintegration/field-forms/followup.xlsx")
    assert sheet.status_code == 200 and sheet["Content-Disposition"].endswith('retorno_followup.xlsx"')
    assert api_for(clerk).get("/api/v1/reintegration/field-forms/intake.xlsx").status_code == 403


def test_kobo_api_pull_follows_pages(due, reintegration_officer, settings):
    pages = {
        "/api/v2/assets/aXYZ/data/?format=json": {"next": "PAGE2", "results": [_record(due, uuid="k1")]},
        "/page2": {"next": None, "results": [{"_uuid": "k2", "followup_ref": "S-1-00", "reached": "yes"}]},
    }

    class Kobo(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            assert self.headers["Authorization"] == "Token secret"
            body = json.dumps(pages[self.path]).replace("PAGE2", f"http://127.0.0.1:{server.server_address[1]}/page2")
            self.send_response(200)
            self.end_headers()
            self.wfile.write(body.encode())

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Kobo)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        settings.KOBO_URL = f"http://127.0.0.1:{server.server_address[1]}"
        settings.KOBO_TOKEN, settings.KOBO_FOLLOWUP_ASSET = "secret", "aXYZ"
        report = kobo_pull(actor=reintegration_officer)
    finally:
        server.shutdown()
    assert [r.status for r in report.rows] == ["imported", "refused"]
