"""The sealed compartment behind the REST API: /api/v1/protection/.

Same rules as the pages: a case id the caller may not read answers 404; every read of a
section is audited; managers' oversight answers omit every sealed field.
"""

from datetime import date, datetime

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema

from retorno.accounts.access import require
from retorno.accounts.models import Organisation, User
from retorno.lib.api import StrictSchema
from retorno.protection import actions, protocol
from retorno.protection.models import (
    BestInterestDecision,
    BreakGlassAccess,
    CaseKind,
    CustodyEvent,
    FamilyTracingEntry,
    HealthReferral,
    Identification,
    LegalCase,
    ProtectionCase,
    ProtectionReferral,
    PsychosocialAssessment,
    PsychosocialSession,
    RiskAssessment,
    ShelterReferral,
    SupportService,
)
from retorno.protection.queries import (
    SECTIONS,
    break_glass_queue,
    case_accesses,
    case_get_for,
    case_get_for_break_glass,
    case_get_for_oversight,
    case_get_shared,
    case_read_audit,
    cases_for_oversight,
    cases_readable_by,
    cases_shared_with,
    referral_queue,
)

router = Router(tags=["protection"])


# --- Output ------------------------------------------------------------------------------------------


class ProtectionReferralOut(Schema):  # not ReferralOut: the referrals app has one (one OpenAPI name each)
    id: int
    person_id: int
    arrival_id: int | None
    unaccompanied_minor: bool
    received_at: datetime
    status: str


class CaseSummaryOut(Schema):
    """What oversight may know of a case: no sealed field."""

    id: int
    person_id: int
    kind: CaseKind
    status: ProtectionCase.Status
    opened_at: datetime
    closed_at: datetime | None
    assigned: list[str]

    @staticmethod
    def resolve_assigned(obj: ProtectionCase) -> list[str]:
        return [a.user.username for a in obj.assignments.all() if a.ended_at is None]


class NoteOut(Schema):
    id: int
    text: str
    author: str = Field(..., alias="author.username")
    at: datetime


class CaseOut(CaseSummaryOut):
    closure_reason: str
    sections: list[str]

    @staticmethod
    def resolve_sections(obj: ProtectionCase) -> list[str]:
        return list(SECTIONS[obj.kind])


class AssessmentOut(Schema):
    id: int
    at: datetime
    distress: str
    risk_to_self: str
    needs: list[str]
    observations: str


class SessionOut(Schema):
    id: int
    at: datetime
    kind: str
    duration_minutes: int
    notes: str


class HealthReferralOut(Schema):
    id: int
    destination: str
    organisation_id: int | None
    reason: str
    referred_at: datetime
    outcome: str
    outcome_note: str


class PlanOut(Schema):
    goals: str
    next_review_on: date
    every_weeks: int


class PsychosocialOut(Schema):
    assessments: list[AssessmentOut]
    sessions: list[SessionOut]
    referrals: list[HealthReferralOut]
    plan: PlanOut | None


class IndicatorOut(Schema):
    code: str
    category: str
    question: str
    htcds_field: str
    htcds_value: str


class IdentificationOut(Schema):
    id: int
    started_at: datetime
    answers: dict[str, str]
    result: Identification.Result
    suggested_result: str
    decided_by: str | None
    decided_at: datetime | None
    authority: str
    authority_name: str

    @staticmethod
    def resolve_suggested_result(obj: Identification) -> str:
        return protocol.suggested_result(obj.answers)

    @staticmethod
    def resolve_decided_by(obj: Identification) -> str | None:
        return obj.decided_by.username if obj.decided_by_id else None


class AnswerReviewOut(Schema):
    code: str
    category: str
    question: str
    answer: str = Field(..., description="yes, no, unknown, declined; empty when not asked")
    answer_label: str
    signals: bool


class IdentificationReviewOut(IdentificationOut):
    """A concluded interview read back: every question, its answer and who decided what, when."""

    result_label: str
    started_by: str
    questions: list[AnswerReviewOut]

    @staticmethod
    def resolve_result_label(obj: Identification) -> str:
        return str(obj.get_result_display())

    @staticmethod
    def resolve_started_by(obj: Identification) -> str:
        return obj.started_by.username

    @staticmethod
    def resolve_questions(obj: Identification) -> list[dict]:
        answers, labels = obj.answers, dict(protocol.ANSWERS)
        return [
            {
                "code": i.code,
                "category": i.category,
                "question": str(i.question),
                "answer": answers.get(i.code, ""),
                "answer_label": str(labels.get(answers.get(i.code, ""), "")),
                "signals": answers.get(i.code) == i.signal,
            }
            for i in protocol.INDICATORS
        ]


class RiskOut(Schema):
    id: int
    at: datetime
    level: str
    risk_factors: str
    safety_plan: str


class SupportOut(Schema):
    id: int
    type: str
    description: str
    started_on: date
    planned_end_on: date | None
    ended_on: date | None


class ShelterOut(Schema):
    id: int
    organisation_id: int
    referred_at: datetime
    status: str
    shared_sections: list[str]
    revoked_at: datetime | None


class VictimOut(Schema):
    risk_assessments: list[RiskOut]
    support_services: list[SupportOut]
    shelter_referrals: list[ShelterOut]


class LegalChangeOut(Schema):
    old: str
    new: str
    on: date


class LegalOut(Schema):
    complaint_number: str
    prosecutor_office: str
    prosecutor: str
    status: LegalCase.Status
    filed_on: date
    witness_protection: bool
    witness_protection_note: str
    changes: list[LegalChangeOut]

    @staticmethod
    def resolve_changes(obj: LegalCase) -> list:
        return list(obj.changes.all())


class CustodyOut(Schema):
    id: int
    stage: str
    at: datetime
    organisation_id: int | None
    guardian_name: str
    relationship: str
    document_checked: bool
    document_number: str
    authorised_by: str
    note: str


class TracingOut(Schema):
    id: int
    at: datetime
    method: str
    outcome: str
    notes: str


class BestInterestOut(Schema):
    id: int
    decided_on: date
    decided_by: str
    decision: str
    minor_assent: str
    minor_views: str


class MinorOut(Schema):
    custody: list[CustodyOut]
    tracing: list[TracingOut]
    best_interest_decisions: list[BestInterestOut]
    handover_recorded: bool


class SharedOut(Schema):
    id: int
    person_id: int
    sections: list[str]
    risk_level: str | None = None
    safety_plan: str | None = None
    support_services: list[SupportOut] | None = None


class AccessOut(Schema):
    at: datetime
    username: str = Field(..., alias="actor_username")
    kind: str
    section: str
    reason: str


class BreakGlassOut(Schema):
    id: int
    case_id: int
    user: str = Field(..., alias="user.username")
    reason: str
    granted_at: datetime
    expires_at: datetime
    reviewed_by: str | None
    reviewed_at: datetime | None
    outcome: str

    @staticmethod
    def resolve_reviewed_by(obj: BreakGlassAccess) -> str | None:
        return obj.reviewed_by.username if obj.reviewed_by_id else None


# --- Input ---------------------------------------------------------------------------------------------


class TakeIn(StrictSchema):
    kind: CaseKind = CaseKind.TRAFFICKING
    assignee_id: int | None = None


class AssignIn(StrictSchema):
    user_id: int


class StatusIn(StrictSchema):
    status: ProtectionCase.Status
    reason: str = Field("", max_length=4000)


class NoteIn(StrictSchema):
    text: str = Field(..., min_length=1, max_length=20000)


class AssessmentIn(StrictSchema):
    distress: PsychosocialAssessment.Distress
    risk_to_self: PsychosocialAssessment.RiskToSelf
    needs: list[PsychosocialAssessment.Need] = []
    observations: str = Field("", max_length=20000)


class SessionIn(StrictSchema):
    kind: PsychosocialSession.Kind
    duration_minutes: int = Field(..., ge=5, le=600)
    notes: str = Field("", max_length=20000)


class HealthReferralIn(StrictSchema):
    destination: HealthReferral.Destination
    organisation_id: int | None = None
    reason: str = Field("", max_length=4000)


class HealthOutcomeIn(StrictSchema):
    outcome: HealthReferral.Outcome
    note: str = Field("", max_length=4000)


class PlanIn(StrictSchema):
    goals: str = Field(..., min_length=1, max_length=20000)
    next_review_on: date
    every_weeks: int = Field(4, ge=1, le=52)


class AnswersIn(StrictSchema):
    answers: dict[str, str]


class ConcludeIn(StrictSchema):
    result: Identification.Result
    authority: Identification.Authority | None = None
    authority_name: str = Field("", max_length=200)


class RiskIn(StrictSchema):
    level: RiskAssessment.Level
    risk_factors: str = Field("", max_length=20000)
    safety_plan: str = Field("", max_length=20000)


class SupportIn(StrictSchema):
    type: SupportService.Type
    started_on: date
    planned_end_on: date | None = None
    description: str = Field("", max_length=4000)


class ShelterIn(StrictSchema):
    organisation_id: int
    shared_sections: list[ShelterReferral.Section] = []
    consent_given: bool = False


class LegalIn(StrictSchema):
    complaint_number: str = Field(..., min_length=1, max_length=60)
    prosecutor_office: str = Field(..., min_length=1, max_length=200)
    prosecutor: str = Field("", max_length=200)
    filed_on: date
    witness_protection: bool = False
    witness_protection_note: str = Field("", max_length=4000)


class LegalStatusIn(StrictSchema):
    status: LegalCase.Status
    on: date


class CustodyIn(StrictSchema):
    stage: CustodyEvent.Stage
    organisation_id: int | None = None
    guardian_name: str = Field("", max_length=200)
    relationship: CustodyEvent.Relationship | None = None
    document_checked: bool = False
    document_number: str = Field("", max_length=40)
    authorised_by: str = Field("", max_length=200)
    note: str = Field("", max_length=4000)


class TracingIn(StrictSchema):
    method: FamilyTracingEntry.Method
    outcome: FamilyTracingEntry.Outcome
    notes: str = Field("", max_length=4000)


class BestInterestIn(StrictSchema):
    decided_on: date
    decided_by: str = Field(..., min_length=1, max_length=200)
    decision: str = Field(..., min_length=1, max_length=20000)
    minor_assent: BestInterestDecision.Assent
    minor_views: str = Field("", max_length=4000)


class BreakGlassIn(StrictSchema):
    reason: str = Field(..., min_length=10, max_length=1000)


class ReviewIn(StrictSchema):
    outcome: BreakGlassAccess.Outcome
    note: str = Field("", max_length=1000)


# --- Helpers ------------------------------------------------------------------------------------------


def _case(request: HttpRequest, case_id: int, section: str) -> ProtectionCase:
    """The case if the caller reads it in full and it has ``section``; the read is audited."""
    case, access = case_get_for(user=request.user, case_id=case_id)
    if section not in SECTIONS[case.kind]:
        raise Http404
    case_read_audit(user=request.user, case=case, access=access, section=section, request=request)
    return case


def _writable(request: HttpRequest, case_id: int, section: str) -> ProtectionCase:
    case, _access = case_get_for(user=request.user, case_id=case_id)
    if section not in SECTIONS[case.kind]:
        raise Http404
    return case


def _org(org_id: int | None) -> Organisation | None:
    return get_object_or_404(Organisation, pk=org_id) if org_id else None


# --- Queue and cases ----------------------------------------------------------------------------------


@router.get("/queue", response=list[ProtectionReferralOut])
def queue(request: HttpRequest):
    """Referrals waiting for a protection officer (no reason: reception records none)."""
    require(request.user, "protection.queue")
    return list(referral_queue())


@router.post("/referrals/{referral_id}/take", response={201: CaseOut})
def referral_take(request: HttpRequest, referral_id: int, payload: TakeIn):
    require(request.user, "protection.queue")
    referral = get_object_or_404(ProtectionReferral, pk=referral_id, status=ProtectionReferral.Status.PENDING)
    assignee = get_object_or_404(User, pk=payload.assignee_id, is_active=True) if payload.assignee_id else None
    return 201, actions.referral_take(
        actor=request.user, referral=referral, kind=payload.kind, assignee=assignee, request=request
    )


@router.get("/cases", response=list[CaseSummaryOut])
def case_list(request: HttpRequest):
    """Cases the caller reads in full (assigned, supervised, emergency access)."""
    return list(cases_readable_by(request.user).prefetch_related("assignments__user"))


@router.get("/oversight/cases", response=list[CaseSummaryOut])
def oversight_list(request: HttpRequest):
    """Every case's metadata, without sealed content (managers)."""
    require(request.user, "protection.oversight")
    return list(cases_for_oversight()[:1000])


@router.get("/cases/{case_id}", response=CaseOut)
def case_detail(request: HttpRequest, case_id: int):
    return _case(request, case_id, "overview")


@router.post("/cases/{case_id}/status", response=CaseOut)
def case_status(request: HttpRequest, case_id: int, payload: StatusIn):
    case = _writable(request, case_id, "overview")
    return actions.case_set_status(
        actor=request.user, case=case, status=payload.status, reason=payload.reason, request=request
    )


@router.post("/cases/{case_id}/assignments", response={201: CaseSummaryOut})
def case_assign(request: HttpRequest, case_id: int, payload: AssignIn):
    """Assign a colleague: managers and the case's supervisor (403 for anyone else who reads the case,
    emergency access included)."""
    try:
        case, _access = case_get_for(user=request.user, case_id=case_id)
    except Http404:
        case = case_get_for_oversight(user=request.user, case_id=case_id)
    user = get_object_or_404(User, pk=payload.user_id, is_active=True)
    actions.case_assign(actor=request.user, case=case, user=user, request=request)
    return 201, case


@router.get("/cases/{case_id}/notes", response=list[NoteOut])
def note_list(request: HttpRequest, case_id: int):
    case = _case(request, case_id, "overview")
    return list(case.notes.select_related("author"))


@router.post("/cases/{case_id}/notes", response={201: NoteOut})
def note_add(request: HttpRequest, case_id: int, payload: NoteIn):
    case = _writable(request, case_id, "overview")
    return 201, actions.note_add(actor=request.user, case=case, text=payload.text, request=request)


# --- Psychosocial ------------------------------------------------------------------------------------


@router.get("/cases/{case_id}/psychosocial", response=PsychosocialOut)
def psychosocial(request: HttpRequest, case_id: int):
    case = _case(request, case_id, "psychosocial")
    return {
        "assessments": list(case.assessments.all()),
        "sessions": list(case.sessions.all()),
        "referrals": list(case.health_referrals.all()),
        "plan": getattr(case, "follow_up_plan", None) if hasattr(case, "follow_up_plan") else None,
    }


@router.post("/cases/{case_id}/psychosocial/assessments", response={201: AssessmentOut})
def assessment_add(request: HttpRequest, case_id: int, payload: AssessmentIn):
    case = _writable(request, case_id, "psychosocial")
    data = payload.dict()
    data["needs"] = [str(getattr(n, "value", n)) for n in data["needs"]]
    return 201, actions.assessment_record(actor=request.user, case=case, request=request, **data)


@router.post("/cases/{case_id}/psychosocial/sessions", response={201: SessionOut})
def session_add(request: HttpRequest, case_id: int, payload: SessionIn):
    case = _writable(request, case_id, "psychosocial")
    return 201, actions.session_record(actor=request.user, case=case, request=request, **payload.dict())


@router.post("/cases/{case_id}/psychosocial/referrals", response={201: HealthReferralOut})
def health_referral_add(request: HttpRequest, case_id: int, payload: HealthReferralIn):
    case = _writable(request, case_id, "psychosocial")
    return 201, actions.health_referral_create(
        actor=request.user,
        case=case,
        destination=payload.destination,
        organisation=_org(payload.organisation_id),
        reason=payload.reason,
        request=request,
    )


@router.post("/cases/{case_id}/psychosocial/referrals/{referral_id}/outcome", response=HealthReferralOut)
def health_referral_outcome(request: HttpRequest, case_id: int, referral_id: int, payload: HealthOutcomeIn):
    case = _writable(request, case_id, "psychosocial")
    referral = get_object_or_404(HealthReferral, pk=referral_id, case=case)
    return actions.health_referral_outcome(actor=request.user, referral=referral, request=request, **payload.dict())


@router.put("/cases/{case_id}/psychosocial/plan", response=PlanOut)
def plan_save(request: HttpRequest, case_id: int, payload: PlanIn):
    case = _writable(request, case_id, "psychosocial")
    return actions.follow_up_plan_save(actor=request.user, case=case, request=request, **payload.dict())


# --- Identification ---------------------------------------------------------------------------------


@router.get("/protocol/indicators", response=list[IndicatorOut])
def indicators(request: HttpRequest):
    """The identification protocol's questions and the HTCDS value each one points to."""
    require(request.user, "protection.work_protection")
    return [{**i.__dict__, "question": str(i.question)} for i in protocol.INDICATORS]


@router.get("/cases/{case_id}/identifications", response=list[IdentificationOut])
def identification_list(request: HttpRequest, case_id: int):
    case = _case(request, case_id, "identification")
    return list(case.identifications.select_related("decided_by"))


@router.get("/cases/{case_id}/identifications/{identification_id}", response=IdentificationReviewOut)
def identification_review(request: HttpRequest, case_id: int, identification_id: int):
    """One interview read back in full (audited as a review of the identification section)."""
    case, access = case_get_for(user=request.user, case_id=case_id)
    if "identification" not in SECTIONS[case.kind]:
        raise Http404
    case_read_audit(user=request.user, case=case, access=access, section="identification_review", request=request)
    return get_object_or_404(case.identifications.select_related("started_by", "decided_by"), pk=identification_id)


@router.post("/cases/{case_id}/identifications/current/answers", response=IdentificationOut)
def identification_answers(request: HttpRequest, case_id: int, payload: AnswersIn):
    """Save answers so far (starts the protocol if none is running); partial answers are kept."""
    case = _writable(request, case_id, "identification")
    running = actions.identification_start(actor=request.user, case=case, request=request)
    return actions.identification_save_answers(
        actor=request.user, identification=running, answers=payload.answers, request=request
    )


@router.post("/cases/{case_id}/identifications/current/conclude", response=IdentificationOut)
def identification_conclude(request: HttpRequest, case_id: int, payload: ConcludeIn):
    case = _writable(request, case_id, "identification")
    running = actions.identification_start(actor=request.user, case=case, request=request)
    return actions.identification_conclude(
        actor=request.user,
        identification=running,
        result=payload.result,
        authority=payload.authority or "",
        authority_name=payload.authority_name,
        request=request,
    )


# --- Victim case and legal case ---------------------------------------------------------------------


@router.get("/cases/{case_id}/victim", response=VictimOut)
def victim(request: HttpRequest, case_id: int):
    case = _case(request, case_id, "victim")
    return {
        "risk_assessments": list(case.risk_assessments.all()),
        "support_services": list(case.support_services.all()),
        "shelter_referrals": list(case.shelter_referrals.all()),
    }


@router.post("/cases/{case_id}/victim/risk-assessments", response={201: RiskOut})
def risk_add(request: HttpRequest, case_id: int, payload: RiskIn):
    case = _writable(request, case_id, "victim")
    return 201, actions.risk_assessment_record(actor=request.user, case=case, request=request, **payload.dict())


@router.post("/cases/{case_id}/victim/support-services", response={201: SupportOut})
def support_add(request: HttpRequest, case_id: int, payload: SupportIn):
    case = _writable(request, case_id, "victim")
    return 201, actions.support_service_add(actor=request.user, case=case, request=request, **payload.dict())


@router.post("/cases/{case_id}/victim/shelter-referrals", response={201: ShelterOut})
def shelter_add(request: HttpRequest, case_id: int, payload: ShelterIn):
    case = _writable(request, case_id, "victim")
    return 201, actions.shelter_referral_create(
        actor=request.user,
        case=case,
        organisation=_org(payload.organisation_id),
        shared_sections=[str(getattr(s, "value", s)) for s in payload.shared_sections],
        consent_given=payload.consent_given,
        request=request,
    )


@router.get("/cases/{case_id}/legal", response={200: LegalOut, 204: None})
def legal(request: HttpRequest, case_id: int):
    case = _case(request, case_id, "legal")
    legal_case = LegalCase.objects.filter(case=case).first()
    return (200, legal_case) if legal_case else (204, None)


@router.post("/cases/{case_id}/legal", response={201: LegalOut})
def legal_open(request: HttpRequest, case_id: int, payload: LegalIn):
    """Refer the case to the Public Prosecutor's Office (complaint filed)."""
    case = _writable(request, case_id, "legal")
    return 201, actions.legal_case_open(actor=request.user, case=case, request=request, **payload.dict())


@router.post("/cases/{case_id}/legal/status", response=LegalOut)
def legal_status(request: HttpRequest, case_id: int, payload: LegalStatusIn):
    case = _writable(request, case_id, "legal")
    legal_case = get_object_or_404(LegalCase, case=case)
    return actions.legal_case_set_status(
        actor=request.user, legal_case=legal_case, status=payload.status, on=payload.on, request=request
    )


# --- Minors -----------------------------------------------------------------------------------------


@router.get("/cases/{case_id}/minor", response=MinorOut)
def minor(request: HttpRequest, case_id: int):
    case = _case(request, case_id, "minor")
    custody = list(case.custody_events.all())
    return {
        "custody": custody,
        "tracing": list(case.tracing.all()),
        "best_interest_decisions": list(case.best_interest_decisions.all()),
        "handover_recorded": any(e.stage in CustodyEvent.HANDOVERS for e in custody),
    }


@router.post("/cases/{case_id}/minor/custody", response={201: CustodyOut})
def custody_add(request: HttpRequest, case_id: int, payload: CustodyIn):
    case = _writable(request, case_id, "minor")
    data = payload.dict()
    data["organisation"] = _org(data.pop("organisation_id"))
    data["relationship"] = data["relationship"] or ""
    return 201, actions.custody_record(actor=request.user, case=case, request=request, **data)


@router.post("/cases/{case_id}/minor/tracing", response={201: TracingOut})
def tracing_add(request: HttpRequest, case_id: int, payload: TracingIn):
    case = _writable(request, case_id, "minor")
    return 201, actions.tracing_add(actor=request.user, case=case, request=request, **payload.dict())


@router.post("/cases/{case_id}/minor/best-interest", response={201: BestInterestOut})
def best_interest_add(request: HttpRequest, case_id: int, payload: BestInterestIn):
    case = _writable(request, case_id, "minor")
    return 201, actions.best_interest_record(actor=request.user, case=case, request=request, **payload.dict())


# --- The seal -----------------------------------------------------------------------------------------


@router.post("/cases/{case_id}/break-glass", response={201: BreakGlassOut})
def break_glass(request: HttpRequest, case_id: int, payload: BreakGlassIn):
    """Emergency access to a case the caller is not assigned to: reason required, time-limited, reviewed."""
    case = case_get_for_break_glass(user=request.user, case_id=case_id)
    return 201, actions.break_glass_open(actor=request.user, case=case, reason=payload.reason, request=request)


@router.get("/break-glass", response=list[BreakGlassOut])
def break_glass_list(request: HttpRequest, reviewed: bool | None = None):
    require(request.user, "protection.review_break_glass")
    return list(break_glass_queue(reviewed=reviewed)[:500])


@router.post("/break-glass/{access_id}/review", response=BreakGlassOut)
def break_glass_review(request: HttpRequest, access_id: int, payload: ReviewIn):
    require(request.user, "protection.review_break_glass")
    access = get_object_or_404(BreakGlassAccess, pk=access_id)
    return actions.break_glass_review(actor=request.user, access=access, request=request, **payload.dict())


@router.get("/cases/{case_id}/accesses", response=list[AccessOut])
def accesses(request: HttpRequest, case_id: int):
    """Who has seen this case (the supervisor and managers)."""
    case = case_get_for_oversight(user=request.user, case_id=case_id)
    return list(case_accesses(case=case)[:500])


@router.get("/export/htcds")
def htcds_export(request: HttpRequest, format: str = "json"):  # noqa: A002 — the query parameter's public name
    """Victim cases the caller reads in full, in HTCDS 2.0 field names (json or csv); audited."""
    rows, text = actions.htcds_export(actor=request.user, fmt=format, request=request)
    if format == "csv":
        return HttpResponse(text, content_type="text/csv; charset=utf-8")
    return rows


@router.get("/shared", response=list[SharedOut])
def shared_list(request: HttpRequest):
    """Partners: cases a shelter referral shares with the caller's organisation, with consent."""
    require(request.user, "protection.partner_shared")
    return [_shared(request, case, sections, audit=False) for case, sections in cases_shared_with(request.user)]


@router.get("/shared/{case_id}", response=SharedOut)
def shared_detail(request: HttpRequest, case_id: int):
    require(request.user, "protection.partner_shared")
    case, access = case_get_shared(user=request.user, case_id=case_id)
    return _shared(request, case, access.sections, audit=True, access=access)


def _shared(request: HttpRequest, case: ProtectionCase, sections: list[str], *, audit: bool, access=None) -> dict:
    """The list shows only what is shared; the content comes with the audited read of one case."""
    out: dict = {"id": case.pk, "person_id": case.person_id, "sections": sections}
    if not audit:
        return out
    case_read_audit(
        user=request.user, case=case, access=access, section="shared:" + ",".join(sections), request=request
    )
    if "risk" in sections and (risk := case.risk_assessments.first()):
        out["risk_level"], out["safety_plan"] = risk.level, risk.safety_plan
    if "support" in sections:
        out["support_services"] = list(case.support_services.all())
    return out
