"""Certificates of participation as one PDF (one A4 landscape page each), in a Unicode font so every
accent and apostrophe of a name prints as written."""

from pathlib import Path

from django.utils import formats
from django.utils.translation import gettext as _

from retorno.outreach.models import Enrolment, Training

FONTS = Path(__file__).resolve().parent.parent / "lib" / "fonts"  # shipped with Retorno (DejaVu licence beside them)


def certificates_pdf(training: Training, holders: list[Enrolment]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_title(_("Certificates") + f" — {training.title}")
    pdf.set_author("Retorno")
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSansCondensed.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSansCondensed-Bold.ttf"))
    pdf.set_auto_page_break(auto=False)
    dates = (
        formats.date_format(training.starts_on, "DATE_FORMAT")
        if training.starts_on == training.ends_on
        else _("from %(start)s to %(end)s")
        % {
            "start": formats.date_format(training.starts_on, "DATE_FORMAT"),
            "end": formats.date_format(training.ends_on, "DATE_FORMAT"),
        }
    )
    hours = sum(s.hours for s in training.sessions.all())
    for enrolment in holders:
        participant = enrolment.participant
        pdf.add_page()
        pdf.set_draw_color(40, 80, 120)
        pdf.set_line_width(1.2)
        pdf.rect(10, 10, 277, 190)
        pdf.set_y(32)
        pdf.set_font("DejaVu", "B", 28)
        pdf.cell(0, 14, _("Certificate of participation"), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 14)
        pdf.ln(8)
        pdf.cell(0, 8, _("This certifies that"), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
        pdf.set_font("DejaVu", "B", 24)
        pdf.cell(0, 14, participant.full_name, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 13)
        pdf.cell(0, 8, f"{participant.position} · {participant.institution}", align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)
        pdf.set_font("DejaVu", "", 14)
        pdf.cell(0, 8, _("took part in and passed the training"), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "B", 17)
        pdf.multi_cell(0, 10, f"«{training.title}»", align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 12)
        place = f"{training.place} · " if training.place else ""
        pdf.cell(
            0,
            8,
            f"{place}{dates} · " + _("%(hours)s hours") % {"hours": f"{hours:g}"},
            align="C",
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.set_y(172)
        pdf.set_font("DejaVu", "", 10)
        if training.trainers:
            pdf.cell(
                0, 6, _("Trainers: %(names)s") % {"names": training.trainers}, align="C", new_x="LMARGIN", new_y="NEXT"
            )
        pdf.cell(0, 6, _("Certificate no. %(number)s") % {"number": enrolment.certificate_number}, align="C")
    return bytes(pdf.output())
