"""An M&E officer builds a report, sees its chart, downloads XLSX and PDF; the public page
renders without signing in."""

import datetime

import pytest

from retorno.reports.tests.fixtures import build

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_monitor_builds_a_report_and_downloads_it(page, sign_in, monitor, clerk, tmp_path):
    build(clerk)
    sign_in(monitor)
    page.goto(f"{page.base_url}/reports/builder/")
    page.check("input[value='reception.persons_received']")
    page.select_option("#breakdown-1", "flight_kind")
    page.fill("input[name=start]", "2026-01-01")
    page.fill("input[name=end]", "2026-12-31")
    page.click("#builder button[type=submit]")
    page.wait_for_selector("canvas[data-chart='chart-1'][data-drawn='1']")  # Chart.js drew it
    table = page.locator(".report-result table").first
    assert "vuelo\t5" in table.inner_text().lower()  # 5 received by air in 2026 (the fixture)
    with page.expect_download() as xlsx:
        page.click("#downloads >> text=XLSX (HXL)")
    assert xlsx.value.suggested_filename.endswith(".xlsx")
    path = tmp_path / "r.xlsx"
    xlsx.value.save_as(path)
    assert path.read_bytes()[:2] == b"PK"
    with page.expect_download() as pdf:
        page.click("#downloads >> text=PDF")
    pdf_path = tmp_path / "r.pdf"
    pdf.value.save_as(pdf_path)
    assert pdf_path.read_bytes()[:4] == b"%PDF"


def test_public_page_without_signing_in(page):
    page.goto(f"{page.base_url}/reports/open/?year={datetime.date.today().year}")
    assert page.locator("h1").inner_text().startswith("Datos abiertos")
    assert page.locator("#open-data-download").is_visible()
