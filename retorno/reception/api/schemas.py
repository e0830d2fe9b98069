"""The reception API's request and response schemas."""

import datetime
from decimal import Decimal
from typing import Literal

from ninja import Field, Schema

from retorno.lib.api import CURRENCY_CODE, MUNICIPALITY_CODE, StrictSchema, amount, choice
from retorno.people.api import CandidateOut
from retorno.reception.allocation_text import render
from retorno.reception.models import Flight, LeavingReason, MigrationHistory, ServiceGiven


class FlightIn(StrictSchema):
    kind: choice(Flight.Kind) = Flight.Kind.AIR
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


class FlightStatusIn(StrictSchema):
    status: choice(Flight.Status)
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
    kind: choice(ServiceGiven.Kind)
    quantity: int = Field(1, ge=1, le=1000)
    unit_cost: amount(ge=0, max_digits=10, decimal_places=2) = Decimal("0")
    currency: str = Field("USD", pattern=CURRENCY_CODE)
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
    destination: str | None = Field(None, pattern=MUNICIPALITY_CODE, description="INE municipality code")
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
    decisions: list[dict] = Field(
        description="One per person: arrival, allocated, reason (a code), fare, priority, params; "
        "message is the explanation in the caller's language, message_es / message_en in each"
    )

    @staticmethod
    def resolve_decisions(obj) -> list[dict]:
        return [
            d
            | {
                "message": render(d["reason"], d.get("params") or {}),
                "message_es": render(d["reason"], d.get("params") or {}, "es"),
                "message_en": render(d["reason"], d.get("params") or {}, "en"),
            }
            for d in obj.decisions
        ]


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


class DeskCandidateOut(CandidateOut):
    strong: bool = Field(
        description="Strong evidence: the same identity document, or every name word and the full birth date"
    )
    default: bool = Field(
        description="The choice the check-in screen confirms on Enter (at most one; else: new person)"
    )


class WorkItemOut(Schema):
    id: int
    kind: str = Field(description="psychosocial | health | dpi_request | reintegration_intake")
    status: str = Field(description="open | taken | withdrawn")
    person_id: int
    arrival_id: int
    flight_id: int
    created_at: datetime.datetime
    referral_id: int | None = Field(description="A taken health item: its referral to the facility.")
    document_request_id: int | None = Field(
        description="A taken DPI item: its DPI request draft (reintegration document request)."
    )

    @staticmethod
    def resolve_flight_id(obj) -> int:
        return obj.arrival.flight_id


class WorkTakeIn(StrictSchema):
    facility_id: int | None = Field(
        None,
        description="A health item only, and required for it: the facility's directory entry (accounts "
        "organisation) of kind health, ngo, civil_society or international; the referral goes to it.",
    )


WorkItemKind = Literal["psychosocial", "health", "dpi_request", "reintegration_intake"]


class MigrationHistoryIn(StrictSchema):
    """Every question is optional; ``*_declined`` records "prefers not to say" (distinct from blank).
    A refusal (``consent`` "refused" or "not_asked") carries no answers."""

    consent: choice(MigrationHistory.Consent)
    reasons: list[choice(LeavingReason.Reason)] = []
    reasons_declined: bool = False
    years_abroad: int | None = Field(None, ge=0, le=80)
    years_abroad_declined: bool = False
    countries: list[str] = Field([], description="ISO 3166 alpha-2 codes")
    countries_declined: bool = False
    family_abroad: choice(MigrationHistory.Answer) | None = None
    previous_deportations: int | None = Field(None, ge=0, le=50)
    previous_deportations_declined: bool = False
    smuggler_used: choice(MigrationHistory.Answer) | None = None
    smuggler_cost: amount(max_digits=12, decimal_places=2, ge=0) | None = None
    smuggler_currency: Literal["", "USD", "GTQ", "MXN"] = ""
    smuggler_cost_declined: bool = False
    keep_sealed: bool = Field(False, description="Keep the sealed smuggler answers on record (send none of them).")


class MigrationHistoryOut(Schema):
    consent: str
    reasons: list[str]
    reasons_declined: bool
    years_abroad: int | None
    years_abroad_declined: bool
    countries: list[str]
    countries_declined: bool
    family_abroad: str
    previous_deportations: int | None
    previous_deportations_declined: bool
    smuggler_answered: bool = Field(description="Whether the sealed smuggler questions were answered.")
    recorded_at: datetime.datetime


class MigrationHistorySealedOut(Schema):
    smuggler_used: str
    smuggler_cost: Decimal | None
    smuggler_currency: str
    smuggler_cost_declined: bool
