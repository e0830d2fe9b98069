"""Report tables as CSV, XLSX (with an HXL hashtag row) and PDF. No names: aggregates only."""

import csv
import io

from django.utils.translation import gettext as _

from retorno.reports.catalogue import CATALOGUE
from retorno.reports.presentation import Table

HXL_BREAKDOWNS = {
    "sex": "#gender",
    "age_band": "#age+group",
    "department": "#adm1+name",
    "municipality": "#adm2+name",
    "day": "#date",
    "month": "#date+month",
    "quarter": "#date+quarter",
    "year": "#date+year",
    "flight_kind": "#indicator+transport",
    "partner": "#org+partner",
    "donor": "#org+funding",
}
SUPPRESSED = "x"


def hxl_row(table: Table) -> list[str]:
    tags = [HXL_BREAKDOWNS.get(k, f"#indicator+{k.replace('_', '')}") for k in table.keys]
    return tags + [CATALOGUE[table.indicator_id].hxl]


def _cells(table: Table) -> list[list]:
    rows = [[*r[:-1], SUPPRESSED if r[-1] is None else r[-1]] for r in table.rows]
    total = SUPPRESSED if table.total is None else table.total
    return [*rows, [_("Total")] + [""] * (len(table.keys) - 1) + [total] if table.keys else [total]]


def _notes(tables: list[Table], period: str) -> list[str]:
    notes = [_("Period: %(period)s") % {"period": period}]
    if any(t.protected for t in tables):
        notes.append(
            _("x = suppressed to protect the people counted (cells under 10, and complements); counts rounded to 5.")
        )
    return notes


def to_csv(tables: list[Table], period: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    for table in tables:
        writer.writerow([table.title, table.unit])
        writer.writerow(table.columns)
        writer.writerow(hxl_row(table))
        writer.writerows(_cells(table))
        writer.writerow([])
    for note in _notes(tables, period):
        writer.writerow([note])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(tables: list[Table], period: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for n, table in enumerate(tables, start=1):
        sheet = book.create_sheet(title=f"{n} {table.indicator_id}"[:31])
        sheet.append([table.title, table.unit])
        sheet["A1"].font = Font(bold=True)
        sheet.append(table.columns)
        sheet.append(hxl_row(table))
        for row in _cells(table):
            sheet.append(row)
        sheet.append([])
        for note in _notes([table], period):
            sheet.append([note])
        sheet.freeze_panes = "A4"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _latin1(text: object) -> str:
    return str(text).encode("latin-1", "replace").decode("latin-1")


def to_pdf(tables: list[Table], period: str, title: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_auto_page_break(auto=True, margin=12)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 8, _latin1(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    for note in _notes(tables, period):
        pdf.multi_cell(0, 5, _latin1(note), new_x="LMARGIN", new_y="NEXT")
    for table in tables:
        pdf.ln(3)
        pdf.set_font("Helvetica", "B", 11)
        pdf.cell(0, 7, _latin1(f"{table.title} ({table.unit})"), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 9)
        width = 180 / max(1, len(table.columns))
        with pdf.table(col_widths=[width] * len(table.columns), text_align="LEFT") as grid:
            head = grid.row()
            for column in table.columns:
                head.cell(_latin1(column))
            for row in _cells(table):
                line = grid.row()
                for value in row:
                    line.cell(_latin1(value))
    return bytes(pdf.output())
