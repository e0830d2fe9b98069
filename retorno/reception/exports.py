"""The per-flight summary as CSV and PDF. Every text cell passes the formula neutraliser."""

import csv
import io

from django.utils.translation import gettext as _

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
                f"{ticket.currency} {ticket.amount}" if ticket else "",
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
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(neutralise_row([str(flight)]))
    writer.writerow(neutralise_row(summary_header()))
    for row in summary_rows(flight):
        writer.writerow(neutralise_row(row))
    return out.getvalue()


def _latin1(text: object) -> str:
    # The PDF core fonts cover Latin-1: Spanish is fine; anything else degrades visibly, not fatally.
    return str(text).encode("latin-1", "replace").decode("latin-1")


def summary_pdf(flight: Flight) -> bytes:
    """A printable one-flight summary: figures, services, transport, and the list."""
    from fpdf import FPDF

    counts = flight_counts(flight)
    transport = transport_summary(flight)
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_auto_page_break(auto=True, margin=12)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 8, _latin1(_("Flight summary") + f" — {flight}"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    pdf.cell(
        0,
        5,
        _latin1(f"{_('Carrier or agency')}: {flight.carrier} · {_('Status')}: {flight.get_status_display()}"),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    labels = [
        ("expected", _("Expected")),
        ("arrived", _("Arrived")),
        ("checked_in", _("Checked in")),
        ("no_shows", _("Did not arrive")),
        ("walk_ins", _("Not on the manifest")),
        ("triaged", _("Triaged")),
        ("referred", _("Referred")),
        ("transported", _("Transported")),
    ]
    pdf.cell(
        0, 6, _latin1(" · ".join(f"{label}: {counts[key]}" for key, label in labels)), new_x="LMARGIN", new_y="NEXT"
    )
    pdf.cell(
        0,
        6,
        _latin1(
            f"{_('Transport budget')}: {transport['currency']} {transport['budget']} · {_('Spent')}: {transport['spent']} · "
            f"{_('Unmet need')}: {transport['unmet_count']} ({transport['currency']} {transport['unmet_cost']})"
        ),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    services = services_total(flight)
    if services:
        pdf.cell(
            0,
            6,
            _latin1(
                _("Services given")
                + ": "
                + "; ".join(f"{s['label']} {s['quantity']} ({s['currency']} {s['cost']})" for s in services)
            ),
            new_x="LMARGIN",
            new_y="NEXT",
        )
    pdf.ln(2)
    widths = (10, 62, 28, 12, 20, 18, 18, 22)
    pdf.set_font("Helvetica", "B", 8)
    for width, title in zip(widths, summary_header(), strict=True):
        pdf.cell(width, 6, _latin1(title), border=1)
    pdf.ln()
    pdf.set_font("Helvetica", "", 8)
    for row in summary_rows(flight):
        for width, cell in zip(widths, row, strict=True):
            pdf.cell(width, 5, _latin1(cell)[:45], border=1)
        pdf.ln()
    return bytes(pdf.output())
