"""Reception behind the REST API: /api/v1/reception/."""

import datetime
from decimal import Decimal
from typing import Literal

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Router, Schema
from ninja.files import UploadedFile

from retorno.accounts.access import require
from retorno.geo.models import Municipality
from retorno.lib.api import StrictSchema
from retorno.people.api import CandidateOut
from retorno.reception import actions
from retorno.reception.models import Arrival, Flight, ServiceGiven, TransportOverride
from retorno.reception.queries import (
    arrival_get_for,
    flight_counts,
    flight_get_for,
    flight_minors,
    flight_overview,
    flights_visible_to,
    manifest_import_get_for,
    transport_summary,
)

router = Router(tags=["reception"])


class FlightIn(StrictSchema):
    kind: Flight.Kind = Flight.Kind.AIR
    code: str = Field("", max_length=40)
    date: datetime.date
    expected_time: datetime.time | None = None
    origin: str = Field(..., min_length=1, max_length=120)
    carrier: str = Field(..., min_length=1, max_length=120)
    expected_count: int = Field(0, ge=0)


class FlightOut(Schema):
    id: int
    kind: str
    code: str
    date: datetime.date
    expected_time: datetime.time | None
    origin: str
    carrier: str
    expected_count: int
    status: str


class CountsOut(Schema):
    expected: int
    arrived: int
    checked_in: int
    walk_ins: int
    no_shows: int
    waiting: int
    triaged: int
    referred: int
    transported: int


class StatusIn(StrictSchema):
    status: Flight.Status
    note: str = Field("", max_length=300)
    arrived_count: int | None = Field(None, ge=0)
    confirm: bool = Field(
        False,
        description="Closing: required when it marks anyone as not arrived or leaves anyone untriaged "
        "(see GET /flights/{id}/close-preview); without it such a closing answers 422.",
    )


class PassengerOut(Schema):
    arrival_id: int
    name: str
    manifest_number: int | None


class ClosePreviewOut(Schema):
    no_shows: list[PassengerOut]
    untriaged: list[PassengerOut]
    blockers: list[PassengerOut]
    can_close: bool


class ProblemOut(Schema):
    row_number: int | None
    field: str | None = Field(None, description="The manifest field (given_names, birth_date, cui...), or none")
    code: str = Field(description="Stable problem code, e.g. too_long, unsafe_characters, missing_name_part")
    severity: str = Field(description="error or warning")
    params: dict = Field(description="The code's parameters (row, lengths, values)")
    message: str = Field(description="The message in the caller's language (Accept-Language)")
    message_es: str
    message_en: str


class PreviewRowOut(Schema):
    row_number: int
    values: dict
    problems: list[ProblemOut]


class ImportOut(Schema):
    id: int
    status: str
    source: str
    filename: str
    row_count: int
    error_count: int
    warning_count: int
    created_rows: int
    updated_rows: int
    skipped_rows: int
    withdrawn_rows: int
    mapping: dict
    can_import: bool = True
    problems: list[ProblemOut] = []
    rows: list[PreviewRowOut] = []


class MappingIn(StrictSchema):
    columns: dict[str, str]
    date_order: str | None = Field(None, pattern="^(dmy|mdy)$")


class ArrivalOut(Schema):
    id: int
    status: str
    person_id: int | None
    name: str
    row_number: int | None = Field(None, description="Row of the manifest file")
    passenger_number: int | None = Field(None, description="The manifest's own passenger No.")
    return_number: int | None
    prior_arrivals: int = 0
    protection_flag: bool = False
    minor: bool = False
    unaccompanied_minor: bool = False


class CheckInIn(StrictSchema):
    person_id: int | None = None


class WalkInIn(StrictSchema):
    person_id: int | None = None
    given_names: str = Field("", max_length=120)
    first_surname: str = Field("", max_length=80)
    second_surname: str = Field("", max_length=80)
    sex: str = Field("U", pattern="^[FMU]$")
    birth_date: datetime.date | None = None


class TriageIn(StrictSchema):
    refreshments: bool = False
    calls_national: int = Field(0, ge=0, le=20)
    calls_international: int = Field(0, ge=0, le=20)
    transport_home: bool = False
    shelter: bool = False
    medical: bool = False
    psychosocial: bool = False
    documents_no_dpi: bool = False
    reintegration_interest: bool = False
    contact_consent: bool = False
    contact_phone: str = Field("", max_length=40)
    travelling_alone: bool = False
    refer_to_protection: bool = False
    other_needs: list[str] = []
    guardian_name: str = Field("", max_length=200)


class TriageOut(Schema):
    refreshments: bool
    calls_national: int
    calls_international: int
    transport_home: bool
    shelter: bool
    medical: bool
    psychosocial: bool
    documents_no_dpi: bool
    reintegration_interest: bool
    contact_consent: bool
    travelling_alone: bool
    unaccompanied_minor: bool
    refer_to_protection: bool
    protection_acknowledged: bool
    contact_phone: str
    other_needs: list[str]

    @staticmethod
    def resolve_protection_acknowledged(obj) -> bool:
        return obj.protection_acknowledged_at is not None

    @staticmethod
    def resolve_other_needs(obj) -> list[str]:
        return sorted(obj.other_needs.values_list("code", flat=True))


class ServiceIn(StrictSchema):
    kind: ServiceGiven.Kind
    quantity: int = Field(1, ge=1, le=1000)
    unit_cost: Decimal = Field(Decimal("0"), ge=0, max_digits=10, decimal_places=2)
    currency: str = Field("USD", min_length=3, max_length=3)
    note: str = Field("", max_length=200)


class ServiceOut(Schema):
    id: int
    kind: str
    quantity: int
    unit_cost: Decimal
    currency: str


class AssessmentIn(StrictSchema):
    can_pay: bool = False
    family_collecting: bool = False
    destination: str | None = Field(None, max_length=4, description="INE municipality code")
    vulnerability: int = Field(0, ge=0, le=5)


class AllocationOut(Schema):
    id: int
    budget_amount: Decimal
    currency: str
    total_cost: Decimal
    remaining: Decimal
    people_in_need: int
    unmet_count: int
    unmet_cost: Decimal
    decisions: list[dict]


class OverrideIn(StrictSchema):
    allocate: bool
    reason: str = Field(..., max_length=500)


class DecisionIn(StrictSchema):
    approve: bool


class OverrideOut(Schema):
    id: int
    allocate: bool
    reason: str
    status: str


class TicketOut(Schema):
    id: int
    amount: Decimal
    currency: str
    terminal: str
    by_override: bool


class MinorOut(Schema):
    arrival_id: int
    name: str
    age: int | None
    travelling_alone: bool
    handed_to_protection: bool | None


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


@router.get("/flights", response=list[FlightOut])
def flight_list(request: HttpRequest):
    require(request.user, "reception.flight_view")
    return list(flights_visible_to(request.user)[:200])


@router.post("/flights", response={201: FlightOut})
def flight_create(request: HttpRequest, payload: FlightIn):
    require(request.user, "reception.flight_manage")
    return 201, actions.flight_create(actor=request.user, request=request, **payload.dict())


@router.get("/flights/{flight_id}", response=FlightOut)
def flight_detail(request: HttpRequest, flight_id: int):
    return flight_get_for(user=request.user, flight_id=flight_id)


@router.get("/flights/{flight_id}/counts", response=CountsOut)
def flight_counts_endpoint(request: HttpRequest, flight_id: int):
    """Live figures of the flight (no names)."""
    return flight_counts(flight_get_for(user=request.user, flight_id=flight_id))


@router.post("/flights/{flight_id}/status", response=FlightOut)
def flight_status(request: HttpRequest, flight_id: int, payload: StatusIn):
    """Move the flight along its pipeline; closing reconciles and may be refused (422)."""
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.flight_manage")
    return actions.flight_set_status(actor=request.user, flight=flight, request=request, **payload.dict())


def _passenger(arrival: Arrival) -> dict:
    row = arrival.manifest_row if arrival.manifest_row_id else None
    return {"arrival_id": arrival.pk, "name": arrival.display_name, "manifest_number": row.row_number if row else None}


@router.get("/flights/{flight_id}/close-preview", response=ClosePreviewOut)
def flight_close_preview(request: HttpRequest, flight_id: int):
    """What closing the flight will do: who is marked as not arrived, who stays untriaged, and what
    stops the closing (minors). Close with ``POST /flights/{id}/status`` ``{"status": "closed", "confirm": true}``."""
    from retorno.reception.queries import flight_close_preview as preview_of

    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.flight_manage")
    preview = preview_of(flight)
    return {
        "no_shows": [_passenger(a) for a in preview["no_shows"]],
        "untriaged": [_passenger(a) for a in preview["untriaged"]],
        "blockers": [_passenger(b["arrival"]) for b in preview["blockers"]],
        "can_close": flight.status == Flight.Status.RECEPTION_OPEN and not preview["blockers"],
    }


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
    return 201, _import_out(staged, result)


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


def _arrival_out(entry: dict) -> dict:
    a = entry["arrival"]
    return {
        "id": a.pk,
        "status": a.status,
        "person_id": a.person_id,
        "name": a.display_name,
        "row_number": a.manifest_row.row_number if a.manifest_row_id else None,
        "passenger_number": a.manifest_row.passenger_number if a.manifest_row_id else None,
        "return_number": a.return_number,
        "prior_arrivals": entry.get("prior_arrivals", 0),
        "protection_flag": entry.get("protection_flag", False),
        "minor": entry.get("minor", False),
        "unaccompanied_minor": entry.get("alone", False),
    }


@router.get("/flights/{flight_id}/arrivals", response=list[ArrivalOut])
def arrival_list(request: HttpRequest, flight_id: int):
    """The flight's list with who returns again, protection flags (flag only) and minors alone."""
    flight = flight_get_for(user=request.user, flight_id=flight_id)
    return [_arrival_out(e) for e in flight_overview(flight)]


def _one(arrival: Arrival) -> dict:
    return _arrival_out({"arrival": arrival})


@router.post("/arrivals/{arrival_id}/checkin", response=ArrivalOut)
def arrival_check_in(request: HttpRequest, arrival_id: int, payload: CheckInIn):
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.checkin")
    person = None
    if payload.person_id:
        from retorno.people.queries import person_get_for

        person = person_get_for(user=request.user, person_id=payload.person_id)
    return _one(actions.arrival_check_in(actor=request.user, arrival=arrival, person=person, request=request))


class DeskCandidateOut(CandidateOut):
    strong: bool = Field(
        description="Strong evidence: the same identity document, or every name word and the full birth date"
    )
    default: bool = Field(
        description="The choice the check-in screen confirms on Enter (at most one; else: new person)"
    )


@router.get("/arrivals/{arrival_id}/likely-matches", response=list[DeskCandidateOut])
def arrival_likely_matches(request: HttpRequest, arrival_id: int):
    """Registry persons an unlinked manifest passenger may be, most likely first, with the reasons in
    words; empty when no decision is needed. A person already on this flight is never offered. Decide with ``POST /arrivals/{id}/checkin``:
    ``{"person_id": ...}`` for the same person, ``{}`` to register the passenger as new."""
    from retorno.reception.matching import arrival_likely_matches as likely

    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.checkin")
    return likely(arrival)


@router.post("/arrivals/{arrival_id}/no-show", response=ArrivalOut)
def arrival_no_show(request: HttpRequest, arrival_id: int):
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.checkin")
    return _one(actions.arrival_mark_no_show(actor=request.user, arrival=arrival, request=request))


@router.post("/flights/{flight_id}/walk-ins", response={201: ArrivalOut})
def walk_in(request: HttpRequest, flight_id: int, payload: WalkInIn):
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.checkin")
    data = payload.dict()
    person_id = data.pop("person_id")
    if person_id:
        from retorno.people.queries import person_get_for

        arrival = actions.walk_in_register(
            actor=request.user,
            flight=flight,
            person=person_get_for(user=request.user, person_id=person_id),
            request=request,
        )
    else:
        require(request.user, "person.create")
        arrival = actions.walk_in_register(actor=request.user, flight=flight, request=request, **data)
    return 201, _one(arrival)


@router.put(
    "/arrivals/{arrival_id}/triage",
    response=TriageOut,
    description="Record or correct the triage. Fields left out keep their stored value (other needs included).",
)
def triage(request: HttpRequest, arrival_id: int, payload: TriageIn):
    from retorno.reception.models import TriageNeed

    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.triage")
    data = payload.dict(exclude_unset=True)  # a field left out keeps its stored value
    codes = data.pop("other_needs", None)
    needs = None
    if codes is not None:
        needs = list(TriageNeed.objects.filter(code__in=codes))
        unknown = sorted(set(codes) - {n.code for n in needs})
        if unknown:
            raise ValidationError({"other_needs": _("Unknown need: %(codes)s") % {"codes": ", ".join(unknown)}})
    guardian = data.pop("guardian_name", None)
    return actions.triage_record(
        actor=request.user, arrival=arrival, other_needs=needs, guardian_name=guardian, request=request, **data
    )


@router.post("/arrivals/{arrival_id}/services", response={201: ServiceOut})
def service(request: HttpRequest, arrival_id: int, payload: ServiceIn):
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.service")
    return 201, actions.service_record(actor=request.user, arrival=arrival, request=request, **payload.dict())


@router.put("/arrivals/{arrival_id}/assessment")
def assessment(request: HttpRequest, arrival_id: int, payload: AssessmentIn):
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.transport")
    data = payload.dict()
    data["destination"] = get_object_or_404(Municipality, code=data["destination"]) if data["destination"] else None
    done = actions.need_assess(actor=request.user, arrival=arrival, request=request, **data)
    return {
        "arrival": arrival.pk,
        "can_pay": done.can_pay,
        "family_collecting": done.family_collecting,
        "vulnerability": done.vulnerability,
    }


@router.post("/flights/{flight_id}/allocation", response={201: AllocationOut})
def allocation(request: HttpRequest, flight_id: int):
    """Run the optimal allocation of the flight's remaining transport budget."""
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.transport")
    return 201, actions.allocation_run(actor=request.user, flight=flight, request=request)


@router.get("/flights/{flight_id}/transport")
def transport(request: HttpRequest, flight_id: int):
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.transport")
    s = transport_summary(flight)
    return {k: (str(v) if isinstance(v, Decimal) else v) for k, v in s.items() if k != "run"} | {
        "run": s["run"].pk if s["run"] else None
    }


@router.post("/flights/{flight_id}/tickets", response={201: list[TicketOut]})
def tickets_bulk(request: HttpRequest, flight_id: int):
    """Issue every ticket the current allocation gives and that is not issued yet (all or none)."""
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.transport")
    return 201, actions.tickets_issue_allocated(actor=request.user, flight=flight, request=request)


@router.post("/arrivals/{arrival_id}/override", response={201: OverrideOut})
def override(request: HttpRequest, arrival_id: int, payload: OverrideIn):
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.transport")
    return 201, actions.override_request(actor=request.user, arrival=arrival, request=request, **payload.dict())


@router.post("/overrides/{override_id}/decision", response=OverrideOut)
def override_decision(request: HttpRequest, override_id: int, payload: DecisionIn):
    require(request.user, "reception.override_approve")
    found = get_object_or_404(TransportOverride, pk=override_id, arrival__flight__in=flights_visible_to(request.user))
    return actions.override_decide(actor=request.user, override=found, approve=payload.approve, request=request)


@router.post("/arrivals/{arrival_id}/ticket", response={201: TicketOut})
def ticket(request: HttpRequest, arrival_id: int):
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.transport")
    return 201, actions.ticket_issue(actor=request.user, arrival=arrival, request=request)


@router.get("/flights/{flight_id}/minors", response=list[MinorOut])
def minors(request: HttpRequest, flight_id: int):
    """Minors on the flight and their handover (protection officers and managers)."""
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.minors_view")
    return [
        {
            "arrival_id": m["arrival"].pk,
            "name": m["arrival"].display_name,
            "age": m["age"],
            "travelling_alone": m["alone"],
            "handed_to_protection": m["handed"],
        }
        for m in flight_minors(flight)
    ]


@router.post("/arrivals/{arrival_id}/protection-acknowledgement", response=TriageOut)
def acknowledge(request: HttpRequest, arrival_id: int):
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.protection_acknowledge")
    return actions.protection_acknowledge(actor=request.user, arrival=arrival, request=request)


class WorkItemOut(Schema):
    id: int
    kind: str = Field(description="psychosocial | health | dpi_request | reintegration_intake")
    status: str = Field(description="open | taken | withdrawn")
    person_id: int
    arrival_id: int
    flight_id: int
    created_at: datetime.datetime

    @staticmethod
    def resolve_flight_id(obj) -> int:
        return obj.arrival.flight_id


WorkItemKind = Literal["psychosocial", "health", "dpi_request", "reintegration_intake"]


@router.get("/work-items", response=list[WorkItemOut])
def work_items(request: HttpRequest, kind: WorkItemKind):
    """The items triage handed to a team and still waiting (``kind``: psychosocial, health,
    dpi_request, reintegration_intake), oldest first; 403 for a team that does not own that queue."""
    from django.core.exceptions import PermissionDenied

    from retorno.accounts.access import can
    from retorno.reception.queries import work_items_for

    if not can(request.user, f"reception.work_{kind}"):
        raise PermissionDenied
    return list(work_items_for(user=request.user, kind=kind)[:500])


@router.post("/work-items/{item_id}/take", response=WorkItemOut)
def work_item_take(request: HttpRequest, item_id: int):
    """Take a waiting item (it leaves the queue)."""
    from django.core.exceptions import PermissionDenied

    from retorno.accounts.access import can
    from retorno.reception.models import WorkItem

    item = get_object_or_404(WorkItem.objects.select_related("arrival"), pk=item_id)
    if not can(request.user, f"reception.work_{item.kind}"):
        raise PermissionDenied
    return actions.work_item_take(actor=request.user, item=item, request=request)
