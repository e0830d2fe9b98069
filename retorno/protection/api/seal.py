"""Protection API: break-the-glass, who has seen a case, the HTCDS export, partners' shared view."""

from typing import Literal

from django.http import HttpRequest, HttpResponse
from ninja import Status

from retorno.accounts.access import require
from retorno.protection import actions
from retorno.protection.api.common import router
from retorno.protection.api.inputs import BreakGlassIn, ReviewIn
from retorno.protection.api.schemas import BreakGlassOut, CaseAccessOut, SharedOut
from retorno.protection.queries import (
    break_glass_get,
    break_glass_queue,
    case_accesses,
    case_get_for_break_glass,
    case_get_for_oversight,
    case_get_shared,
    cases_shared_with,
    shared_data,
)


@router.post("/cases/{case_id}/break-glass", response={201: BreakGlassOut})
def break_glass(request: HttpRequest, case_id: int, payload: BreakGlassIn):
    """Emergency access to a case the caller is not assigned to: reason required, time-limited, reviewed."""
    case = case_get_for_break_glass(user=request.user, case_id=case_id)
    return Status(201, actions.break_glass_open(actor=request.user, case=case, reason=payload.reason, request=request))


@router.get("/break-glass", response=list[BreakGlassOut])
def break_glass_list(request: HttpRequest, reviewed: bool | None = None):
    require(request.user, "protection.review_break_glass")
    return list(break_glass_queue(reviewed=reviewed)[:500])


@router.post("/break-glass/{access_id}/review", response=BreakGlassOut)
def break_glass_review(request: HttpRequest, access_id: int, payload: ReviewIn):
    require(request.user, "protection.review_break_glass")
    access = break_glass_get(access_id=access_id)
    return actions.break_glass_review(actor=request.user, access=access, request=request, **payload.dict())


@router.get("/cases/{case_id}/accesses", response=list[CaseAccessOut])
def accesses(request: HttpRequest, case_id: int):
    """Who has seen this case (the supervisor and managers)."""
    case = case_get_for_oversight(user=request.user, case_id=case_id)
    return list(case_accesses(case=case)[:500])


@router.get("/export/htcds")
def htcds_export(request: HttpRequest, format: Literal["json", "csv"] = "json"):  # noqa: A002 — the query parameter's public name
    """Victim cases the caller reads in full, in HTCDS 2.0 field names (json or csv); audited."""
    rows, text = actions.htcds_export(actor=request.user, fmt=format, request=request)
    if format == "csv":
        return HttpResponse(text, content_type="text/csv; charset=utf-8")
    return rows


@router.get("/shared", response=list[SharedOut])
def shared_list(request: HttpRequest):
    """Partners: cases a shelter referral shares with the caller's organisation, with consent (no content)."""
    require(request.user, "protection.partner_shared")
    return [
        {"id": case.pk, "person_id": case.person_id, "sections": sections}
        for case, sections in cases_shared_with(request.user)
    ]


@router.get("/shared/{case_id}", response=SharedOut)
def shared_detail(request: HttpRequest, case_id: int):
    """The shared sections of one case; ``case_get_shared`` audits the read."""
    require(request.user, "protection.partner_shared")
    case, access = case_get_shared(user=request.user, case_id=case_id, request=request)
    sections = access.sections
    data = shared_data(case=case, sections=sections, organisation_id=request.user.organisation_id)
    out: dict = {"id": case.pk, "person_id": case.person_id, "sections": sections}
    if risk := data["risk"]:
        out["risk_level"], out["safety_plan"] = risk.level, risk.safety_plan
    if data["services"] is not None:
        out["support_services"] = data["services"]
    return out
