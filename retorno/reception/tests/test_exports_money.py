"""Exports that open cleanly (BOM, header first, every character printed) and one money format."""

import pytest
from django.utils import translation

from retorno.lib.money import format_money
from retorno.reception import exports

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "amount", "currency", "shown"),
    [
        ("en", "125", "USD", "USD 125.00"),
        ("es", "125", "USD", "US$125.00"),
        ("es", "150000", "GTQ", "Q150,000.00"),
        ("en", "150000", "GTQ", "GTQ 150,000.00"),
        ("es", "7", "USD", "US$7.00"),
        ("en", "-1234.5", "USD", "-USD 1,234.50"),
        ("es", "-1234.5", "GTQ", "-Q1,234.50"),
        ("es", None, "USD", "—"),
    ],
)
def test_money_is_written_one_way_per_language(language, amount, currency, shown):
    assert format_money(amount, currency, language=language) == shown
    with translation.override(language):
        assert format_money(amount, currency) == shown


def test_the_csv_starts_with_a_bom_and_the_header(open_flight, clerk, client_for):
    body = client_for(clerk).get(f"/reception/flights/{open_flight.pk}/summary.csv").content
    assert body.startswith(b"\xef\xbb\xbf")
    lines = body.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("No.,Nombre,")
    assert any("Xicará" in line for line in lines[1:])


def test_the_pdf_embeds_a_unicode_font_so_the_title_dash_prints(open_flight, clerk, client_for):
    pdf = client_for(clerk).get(f"/reception/flights/{open_flight.pk}/summary.pdf").content
    assert pdf.startswith(b"%PDF") and b"DejaVu" in pdf and b"Helvetica" not in pdf


def test_without_the_font_the_pdf_replaces_dashes_safely():
    assert exports._latin1("Resumen del vuelo — ICE-101 · Xicará") == "Resumen del vuelo - ICE-101 · Xicará"


def test_money_pages_show_the_currency_in_the_readers_format(open_flight, clerk, client_for):
    client = client_for(clerk)
    spanish = client.get(f"/reception/flights/{open_flight.pk}/summary/").content.decode()
    assert "Gastado: US$0.00" in spanish and "US$125.00" in spanish
    client.cookies["django_language"] = "en"
    english = client.get(f"/reception/flights/{open_flight.pk}/transport/").content.decode()
    assert "USD 125.00" in english


def test_spanish_numbers_are_written_as_in_guatemala():
    """A plain number and an amount on one Spanish page use the same separators (decimal point,
    comma thousands), as the income brackets ("Q1,500 to Q3,000") and Guatemala's banks do."""
    from django.template import Context, Template

    with translation.override("es"):
        shown = Template("{{ n|floatformat:2 }}|{{ big|floatformat:'2g' }}|{{ big|money:'GTQ' }}").render(
            Context({"n": 7.5, "big": 1250})
        )
    assert shown == "7.50|1,250.00|Q1,250.00"
