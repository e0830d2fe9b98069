"""Manifest import: upload, preview with every row's problems, mapping, commit."""

import datetime

from django.http import HttpRequest
from ninja import File, Form, Status
from ninja.files import UploadedFile

from retorno.reception import actions
from retorno.reception.api.router import router
from retorno.reception.api.schemas import ImportOut, MappingIn
from retorno.reception.queries import (
    flight_get_for,
    manifest_import_get_for,
)


def _problem_out(p) -> dict:
    out = dict(zip(("row_number", "field", "code", "message_es", "message_en", "severity"), p.as_tuple(), strict=True))
    return out | {"params": dict(p.params), "message": p.message}


def _import_out(staged, result=None) -> dict:
    out = {
        f: getattr(staged, f)
        for f in (
            "id",
            "status",
            "source",
            "filename",
            "row_count",
            "error_count",
            "warning_count",
            "created_rows",
            "updated_rows",
            "skipped_rows",
            "withdrawn_rows",
            "mapping",
        )
    }
    if result is not None:
        out["can_import"] = result.can_import
        out["problems"] = [_problem_out(p) for p in result.problems]
        out["rows"] = [
            {
                "row_number": r.row_number,
                "values": {k: (v.isoformat() if isinstance(v, datetime.date) else v) for k, v in r.values.items()},
                "problems": [_problem_out(p) for p in r.problems],
            }
            for r in result.rows
        ]
    return out


@router.post("/flights/{flight_id}/manifest", response={201: ImportOut})
def manifest_upload(
    request: HttpRequest, flight_id: int, file: File[UploadedFile], source: Form[str] = "", commit: Form[bool] = False
):
    """Upload a manifest (multipart ``file``): answers the preview with every row's problems.

    With ``commit=true`` the import is committed at once when the file can be imported.
    """
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.flight_manage")
    staged, result = actions.manifest_stage(
        actor=request.user, flight=flight, data=file.read(), filename=file.name or "", source=source, request=request
    )
    if commit:
        staged = actions.manifest_commit(actor=request.user, manifest_import=staged, request=request)
    return Status(201, _import_out(staged, result))


@router.get("/manifest-imports/{import_id}", response=ImportOut)
def manifest_preview(request: HttpRequest, import_id: int):
    staged = manifest_import_get_for(user=request.user, import_id=import_id)
    result = actions.manifest_reread(staged) if staged.status == "staged" else None
    return _import_out(staged, result)


@router.put("/manifest-imports/{import_id}/mapping", response=ImportOut)
def manifest_mapping(request: HttpRequest, import_id: int, payload: MappingIn):
    staged = manifest_import_get_for(user=request.user, import_id=import_id)
    result = actions.manifest_set_mapping(
        actor=request.user, manifest_import=staged, mapping=payload.dict(), request=request
    )
    return _import_out(staged, result)


@router.post("/manifest-imports/{import_id}/commit", response=ImportOut)
def manifest_commit(request: HttpRequest, import_id: int):
    staged = manifest_import_get_for(user=request.user, import_id=import_id)
    return _import_out(actions.manifest_commit(actor=request.user, manifest_import=staged, request=request))
