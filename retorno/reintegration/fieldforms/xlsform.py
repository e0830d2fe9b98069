"""Build the questionnaires as XLSForms (openpyxl) and check them with pyxform.

Labels come from the same translated strings and choices as the officer's forms, in Spanish and
English; the survey answers use the same codes, so imported answers need no mapping.
"""

import io

from django.utils import timezone, translation
from openpyxl import Workbook
from pyxform.xls2xform import convert

from retorno.geo.models import Municipality
from retorno.people.models import Sex
from retorno.reintegration import rss
from retorno.reintegration.forms import RSS_OPTION_LABELS
from retorno.reintegration.models import FollowUpOutcome

LANGUAGES = (("es", "Español (es)"), ("en", "English (en)"))
SURVEY_COLUMNS = [
    "type",
    "name",
    *[f"label::{name}" for _code, name in LANGUAGES],
    "required",
    "relevant",
    "constraint",
    "appearance",
]


def _labels(text) -> list[str]:
    labels = []
    for code, _name in LANGUAGES:
        with translation.override(code):
            labels.append(str(text))
    return labels


def _choices(list_name: str, options) -> list[list[str]]:
    return [[list_name, value, *_labels(label)] for value, label in options]


YES_NO = [("yes", "Sí / Yes"), ("no", "No")]


def _followup_sheets() -> tuple[list, list]:
    from django.utils.translation import gettext_lazy as _

    survey = [
        [
            "text",
            "followup_ref",
            *_labels(_("Follow-up reference (S-…)")),
            "yes",
            "",
            "regex(., '^[Ss]-?[0-9]+-?[0-9]{2}$')",
            "",
        ],
        ["select_one yes_no", "reached", *_labels(_("Was the person reached?")), "yes", "", "", ""],
    ]
    when_reached = "${reached} = 'yes'"
    survey += [
        ["select_one working", "working", *_labels(_("Working")), "yes", when_reached, "", ""],
        ["select_one income_band", "income_band", *_labels(_("Monthly income")), "yes", when_reached, "", ""],
        ["select_one yes_no", "business_operating", *_labels(_("Business still operating")), "", when_reached, "", ""],
        [
            "select_one yes_no",
            "still_with_employer",
            *_labels(_("Still with the employer referred to")),
            "",
            when_reached,
            "",
            "",
        ],
        [
            "select_one municipality",
            "living_in",
            *_labels(_("Living in (municipality)")),
            "",
            when_reached,
            "",
            "autocomplete",
        ],
        [
            "select_one intention",
            "intends_to_migrate",
            *_labels(_("Intends to migrate again")),
            "yes",
            when_reached,
            "",
            "",
        ],
    ]
    choices = [["yes_no", "yes", *_labels(_("Yes"))], ["yes_no", "no", *_labels(_("No"))]]
    choices += _choices("working", FollowUpOutcome.Working.choices)
    choices += _choices("income_band", FollowUpOutcome.IncomeBand.choices)
    choices += _choices("intention", FollowUpOutcome.Intention.choices)
    choices += [
        ["municipality", m.code, f"{m.name} ({m.department.name})", f"{m.name} ({m.department.name})"]
        for m in Municipality.objects.select_related("department").order_by("department__code", "code")
    ]
    for question in rss.questions():
        survey.append(
            [
                f"select_one rss_{question.code}",
                f"rss_{question.code}",
                *_labels(question.text),
                "",
                when_reached,
                "",
                "",
            ]
        )
        choices += _choices(f"rss_{question.code}", [(o, RSS_OPTION_LABELS.get(o, o)) for o in question.options])
    return survey, choices


def _intake_sheets() -> tuple[list, list]:
    from django.utils.translation import gettext_lazy as _

    survey = [
        ["text", "given_names", *_labels(_("Given names")), "yes", "", "", ""],
        ["text", "first_surname", *_labels(_("First surname")), "yes", "", "", ""],
        ["text", "second_surname", *_labels(_("Second surname")), "", "", "", ""],
        ["select_one sex", "sex", *_labels(_("Sex")), "yes", "", "", ""],
        ["date", "birth_date", *_labels(_("Birth date")), "", "", "", ""],
        ["text", "cui", *_labels(_("CUI (DPI number)")), "", "", "regex(., '^[0-9]{13}$')", ""],
        [
            "select_one municipality",
            "origin_municipality",
            *_labels(_("Municipality of origin")),
            "",
            "",
            "",
            "autocomplete",
        ],
        ["text", "phone", *_labels(_("Phone")), "", "", "regex(., '^[0-9 +-]{8,20}$')", ""],
        [
            "select_one yes_no",
            "consent_follow_up",
            *_labels(_("Agrees to be contacted for follow-up")),
            "yes",
            "",
            "",
            "",
        ],
        ["select_one yes_no", "consent_reintegration", *_labels(_("Wants reintegration support")), "yes", "", "", ""],
    ]
    choices = [["yes_no", "yes", *_labels(_("Yes"))], ["yes_no", "no", *_labels(_("No"))]]
    choices += _choices("sex", Sex.choices)
    choices += [
        ["municipality", m.code, f"{m.name} ({m.department.name})", f"{m.name} ({m.department.name})"]
        for m in Municipality.objects.select_related("department").order_by("department__code", "code")
    ]
    return survey, choices


FORMS = {
    "followup": ("retorno_followup", _followup_sheets),
    "intake": ("retorno_intake", _intake_sheets),
}


def xlsform(kind: str) -> bytes:
    """The XLSForm of ``kind`` ('followup' or 'intake') as an .xlsx file, checked with pyxform."""
    form_id, build = FORMS[kind]
    survey, choices = build()
    book = Workbook()
    sheet = book.active
    sheet.title = "survey"
    sheet.append(SURVEY_COLUMNS)
    for row in survey:
        sheet.append(row)
    choice_sheet = book.create_sheet("choices")
    choice_sheet.append(["list_name", "name", *[f"label::{name}" for _code, name in LANGUAGES]])
    for row in choices:
        choice_sheet.append(row)
    settings_sheet = book.create_sheet("settings")
    settings_sheet.append(["form_title", "form_id", "version", "default_language"])
    with translation.override("es"):
        title = str(FORM_TITLES[kind])
    settings_sheet.append([title, form_id, timezone.localdate().strftime("%Y%m%d"), LANGUAGES[0][1]])
    out = io.BytesIO()
    book.save(out)
    data = out.getvalue()
    convert(xlsform=io.BytesIO(data), file_type=".xlsx")  # raises PyXFormError when the form is not valid
    return data


def _titles():
    from django.utils.translation import gettext_lazy as _

    return {"followup": _("Retorno: follow-up"), "intake": _("Retorno: intake")}


FORM_TITLES = _titles()
