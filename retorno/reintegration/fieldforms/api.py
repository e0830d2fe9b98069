"""Field forms behind the API: the XLSForms and the import of Kobo/ODK submissions."""

from typing import Literal

from django.http import HttpRequest
from ninja import File, Router, Schema
from ninja.files import UploadedFile

from retorno.accounts.access import require
from retorno.reintegration.fieldforms.views import import_upload, xlsform_response

router = Router(tags=["reintegration"])


@router.get("/field-forms/{kind}.xlsx", summary="The follow-up or intake questionnaire as an XLSForm")
def xlsform_get(request: HttpRequest, kind: Literal["followup", "intake"]):
    require(request.user, "reintegration.view")
    return xlsform_response(kind)


class FieldProblemOut(Schema):
    field: str
    code: str
    message: str


class FieldRowOut(Schema):
    row: int
    reference: str
    status: Literal["imported", "already", "refused"]
    problems: list[FieldProblemOut]


class FieldImportOut(Schema):
    imported: int
    already: int
    refused: int
    rows: list[FieldRowOut]


@router.post("/field-forms/submissions", response=FieldImportOut, summary="Import Kobo/ODK follow-up submissions")
def submissions_import(request: HttpRequest, file: File[UploadedFile]):
    """A Kobo or ODK export (CSV or JSON); each row is imported on its own and reported by row and field."""
    require(request.user, "reintegration.edit")
    report = import_upload(actor=request.user, upload=file)
    return {
        "imported": report.count("imported"),
        "already": report.count("already"),
        "refused": report.count("refused"),
        "rows": report.rows,
    }
