"""The per-flight summary as CSV and PDF. Every text cell passes the formula neutraliser.

The CSV starts with a UTF-8 byte order mark (so Excel reads the accents) and its first line is
the header. The PDF uses the shipped DejaVu Sans (retorno/lib/fonts) so that every character of a
name prints; without that font it falls back to the core font and replaces, visibly and
safely, what Latin-1 lacks (dashes become '-').
"""

import csv
import io
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from retorno.lib.money import format_money
from retorno.reception.manifest import neutralise_row
from retorno.reception.models import Flight
from retorno.reception.queries import flight_counts, flight_overview, services_total, transport_summary


def summary_rows(flight: Flight) -> list[list[object]]:
    """One row per person on the flight, as staff read the list."""
    rows = []
    for entry in flight_overview(flight):
        arrival = entry["arrival"]
        triage = getattr(arrival, "triage", None)
        ticket = getattr(arrival, "ticket", None)
        rows.append(
            [
                arrival.manifest_row.passenger_number if arrival.manifest_row_id else "",
                arrival.display_name,
                arrival.get_status_display(),
                arrival.return_number or "",
                _("yes") if entry["alone"] else "",
                _("yes") if triage and triage.refer_to_protection else "",
                _("yes") if triage and triage.referred else "",
                format_money(ticket.amount, ticket.currency) if ticket else "",
            ]
        )
    return rows


def summary_header() -> list[str]:
    return [
        _("No."),
        _("Name"),
        _("Status"),
        _("Return"),
        _("Unaccompanied minor"),
        _("Protection"),
        _("Referred"),
        _("Ticket"),
    ]


def summary_csv(flight: Flight) -> str:
    """BOM, then the header as the first line, then one row per person (no title line)."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(neutralise_row(summary_header()))
    for row in summary_rows(flight):
        writer.writerow(neutralise_row(row))
    return out.getvalue()


# Shipped with Retorno (retorno/lib/fonts, DejaVu licence beside them): no system package needed.
UNICODE_FONT = Path(__file__).resolve().parent.parent / "lib" / "fonts"
SAFE = str.maketrans({"—": "-", "–": "-", "·": "·", "“": '"', "”": '"', "‘": "'", "’": "'", "…": "..."})


def _latin1(text: object) -> str:
    # Only for the core-font fallback: Spanish is fine; anything else degrades visibly, not fatally.
    return str(text).translate(SAFE).encode("latin-1", "replace").decode("latin-1")


def _pdf_fonts(pdf) -> tuple[str, object]:
    """(family, text filter): the shipped DejaVu Sans, else Helvetica with safe replacements."""
    regular, bold = UNICODE_FONT / "DejaVuSansCondensed.ttf", UNICODE_FONT / "DejaVuSansCondensed-Bold.ttf"
    if regular.exists() and bold.exists():
        pdf.add_font("DejaVu", "", str(regular))
        pdf.add_font("DejaVu", "B", str(bold))
        return "DejaVu", str
    return "Helvetica", _latin1


def summary_pdf(flight: Flight) -> bytes:
    """A printable one-flight summary: figures, services, transport, and the list."""
    from fpdf import FPDF

    counts = flight_counts(flight)
    transport = transport_summary(flight)
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    family, text = _pdf_fonts(pdf)
    pdf.set_auto_page_break(auto=True, margin=12)
    pdf.add_page()
    pdf.set_font(family, "B", 14)
    pdf.cell(0, 8, text(_("Flight summary") + f" — {flight}"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "", 9)
    pdf.cell(
        0,
        5,
        text(f"{_('Carrier or agency')}: {flight.carrier} · {_('Status')}: {flight.get_status_display()}"),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    labels = [
        ("expected", pgettext("flight count", "Expected")),
        ("arrived", pgettext("flight count", "Arrived")),
        ("checked_in", pgettext("flight count", "Checked in")),
        ("no_shows", _("Did not arrive")),
        ("walk_ins", _("Not on the manifest")),
        ("triaged", pgettext("flight count", "Triaged")),
        ("referred", pgettext("flight count", "Referred")),
        ("transported", pgettext("flight count", "Transported")),
    ]
    pdf.cell(0, 6, text(" · ".join(f"{label}: {counts[key]}" for key, label in labels)), new_x="LMARGIN", new_y="NEXT")
    pdf.cell(
        0,
        6,
        text(
            f"{_('Transport budget')}: {format_money(transport['budget'], transport['currency'])} · "
            f"{_('Spent')}: {format_money(transport['spent'], transport['currency'])} · "
            f"{_('Unmet need')}: {transport['unmet_count']} ({format_money(transport['unmet_cost'], transport['currency'])})"
        ),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    services = services_total(flight)
    if services:
        pdf.cell(
            0,
            6,
            text(
                _("Services given")
                + ": "
                + "; ".join(
                    f"{s['label']} {s['quantity']} ({format_money(s['cost'], s['currency'])})" for s in services
                )
            ),
            new_x="LMARGIN",
            new_y="NEXT",
        )
    pdf.ln(2)
    widths = (10, 62, 28, 12, 20, 18, 18, 22)
    pdf.set_font(family, "B", 8)
    for width, title in zip(widths, summary_header(), strict=True):
        pdf.cell(width, 6, text(title), border=1)
    pdf.ln()
    pdf.set_font(family, "", 8)
    for row in summary_rows(flight):
        for width, cell in zip(widths, row, strict=True):
            pdf.cell(width, 5, text(cell)[:45], border=1)
        pdf.ln()
    return bytes(pdf.output())
