"""Evidence pages: who may see them, what they show, and that no name ever appears."""

import io

import pytest
from openpyxl import load_workbook

from retorno.reports.models import ReportDefinition
from retorno.reports.tests.fixtures import build

NAMES = ("Ana", "Bruno", "Carlos", "Diego", "Elena", "Prueba")
YEAR = "start=2026-01-01&end=2026-12-31"
QUERY = f"indicator=reception.persons_received&indicator=reception.minors&breakdown=sex&{YEAR}"


@pytest.fixture
def programme_2026(clerk):
    return build(clerk)


def no_names(content: bytes | str):
    text = content.decode("utf-8", "replace") if isinstance(content, bytes) else content
    return not any(name in text for name in NAMES)


@pytest.mark.django_db
def test_dashboard_for_monitor(client_for, monitor, programme_2026):
    page = client_for(monitor).get(f"/reports/?{YEAR}")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'data-chart="chart-monthly"' in html and "chart.umd.min.js" in html
    assert "Huehuetenango" in html  # ranked departments and the tile map
    # Huehuetenango (13): Ana and Bruno twice = 3 arrivals on the map tile as in the table.
    tile = html.split('title="Huehuetenango"')[1].split("</div>")[0]
    assert "<b>3</b>" in tile
    assert no_names(html)
    air_only = client_for(monitor).get(f"/reports/?{YEAR}&flight_kind=land")
    assert air_only.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["clerk", "shelter_partner", "reintegration_officer", "psychologist"])
def test_evidence_pages_denied(client_for, all_personas, persona, request):
    user = request.getfixturevalue(persona)
    client = client_for(user)
    for url in ("/reports/", f"/reports/builder/?{QUERY}", f"/reports/builder/export.csv?{QUERY}", "/reports/donors/"):
        assert client.get(url).status_code == 403, url


@pytest.mark.django_db
def test_signed_out_goes_to_login(client):
    assert client.get("/reports/").status_code == 302


@pytest.mark.django_db
def test_builder_table_and_downloads(client_for, monitor, programme_2026):
    client = client_for(monitor)
    page = client.get(f"/reports/builder/?{QUERY}")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'data-chart="chart-1"' in html and no_names(html)
    csv_ = client.get(f"/reports/builder/export.csv?{QUERY}")
    assert csv_.status_code == 200 and "#gender" in csv_.content.decode("utf-8-sig")
    xlsx = client.get(f"/reports/builder/export.xlsx?{QUERY}")
    sheet = load_workbook(io.BytesIO(xlsx.content)).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[2][:2] == ("#gender", "#affected+returnees")  # HXL hashtag row under the headers
    # M&E sees exact counts of non-sealed indicators: 2 women, 4 men in 2026.
    assert ("Mujer", 2) in [r[:2] for r in rows] or ("Female", 2) in [r[:2] for r in rows]
    pdf = client.get(f"/reports/builder/export.pdf?{QUERY}")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert no_names(csv_.content)


@pytest.mark.django_db
def test_bad_query_is_a_400_naming_the_field(client_for, monitor):
    answer = client_for(monitor).get("/reports/builder/export.csv?indicator=nope")
    assert answer.status_code == 400
    page = client_for(monitor).get(f"/reports/builder/?indicator=transport.budget&breakdown=sex&{YEAR}")
    assert page.status_code == 200 and 'class="errors"' in page.content.decode()


@pytest.mark.django_db
def test_save_open_and_delete_a_definition(client_for, monitor, manager, programme_2026):
    client = client_for(monitor)
    saved = client.post(
        "/reports/builder/save",
        {
            "name": "Trimestral",
            "indicator": ["reception.minors"],
            "breakdown": ["quarter"],
            "start": "2026-01-01",
            "end": "2026-12-31",
        },
    )
    assert saved.status_code == 302
    definition = ReportDefinition.objects.get(owner=monitor)
    assert definition.definition["breakdowns"] == ["quarter"]
    assert "indicator=reception.minors" in client.get(f"/reports/saved/{definition.pk}/")["Location"]
    # Another user's definition is not found, nor deletable.
    assert client_for(manager).get(f"/reports/saved/{definition.pk}/").status_code == 404
    assert client_for(manager).post(f"/reports/saved/{definition.pk}/delete").status_code == 404
    assert client.post(f"/reports/saved/{definition.pk}/delete").status_code == 302
    assert not ReportDefinition.objects.exists()


@pytest.mark.django_db
def test_sealed_counts_are_protected_even_for_monitor(client_for, monitor, programme_2026):
    import datetime

    from retorno.reports.catalogue import indicator_get
    from retorno.reports.compute import compute
    from retorno.reports.presentation import present

    result = compute(
        indicator_get("protection.victims_assisted"),
        start=datetime.date(2026, 1, 1),
        end=datetime.date(2026, 12, 31),
        breakdowns=["sex"],
    )
    table = present(result, protected=False)
    assert table.protected is True
    assert all(r[-1] is None or r[-1] == 0 or r[-1] >= 10 for r in table.rows)


@pytest.mark.django_db
def test_public_page_without_sign_in(client, programme_2026):
    page = client.get("/reports/open/?year=2026")
    assert page.status_code == 200
    assert "public" in page["Cache-Control"]
    html = page.content.decode()
    assert no_names(html)
    # 6 arrivals in 2026: every cell is under 10, so all are suppressed (x), none published.
    assert ">6<" not in html and ">5<" not in html
    download = client.get("/reports/open/data.csv?year=2026")
    assert download.status_code == 200
    lines = download.content.decode("utf-8-sig").splitlines()
    assert lines[1].startswith("#indicator+code")
    for line in lines[2:]:
        value = line.rsplit(",", 1)[-1]
        assert value == "x" or int(value) == 0 or int(value) >= 10


@pytest.mark.django_db
def test_catalogue_page(client_for, manager, clerk):
    page = client_for(manager).get("/reports/indicators/")
    assert page.status_code == 200 and "reception.persons_received" in page.content.decode()
    assert client_for(clerk).get("/reports/indicators/").status_code == 403


@pytest.mark.django_db
def test_donor_report(client_for, manager, monitor, clerk, programme_2026):
    import datetime
    from decimal import Decimal

    from retorno.funding import actions as funding
    from retorno.funding.models import CostKind
    from retorno.funding.sources import ledger_sync

    donor = funding.donor_create(actor=manager, code="eu", name="Unión Europea", currency="EUR")
    funding.budget_line_create(
        actor=manager,
        donor=donor,
        code="EU-SVC",
        name="Servicios",
        kind=CostKind.BASIC_SERVICE,
        amount=Decimal("1000"),
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
        is_default=True,
    )
    funding.exchange_rate_set(
        actor=manager, base="USD", quote="EUR", day=datetime.date(2026, 1, 1), rate=Decimal("0.5")
    )
    # The fixture's services: 2 refreshments at 1.50 USD and a 0.25 USD call = 3.25 USD = 1.63 EUR (1.50 + 0.13 rounded).
    result = ledger_sync(actor=manager, source_types=["reception.service"])
    assert result.created == 2
    page = client_for(monitor).get(f"/reports/donors/?donor={donor.pk}&start=2026-01-01&end=2026-12-31")
    assert page.status_code == 200
    html = page.content.decode()
    assert "1.63" in html or "1,63" in html
    assert client_for(clerk).get("/reports/donors/").status_code == 403
