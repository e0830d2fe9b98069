"""Reintegration and follow-up behind the REST API: /api/v1/reintegration/."""

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from django.contrib.auth import get_user_model
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from retorno.accounts.access import require
from retorno.accounts.models import Organisation
from retorno.audit.actions import audit_view
from retorno.geo.models import Municipality
from retorno.lib.api import StrictSchema
from retorno.people.queries import person_get_for
from retorno.reintegration import actions, queries, rss
from retorno.reintegration.models import (
    BudgetLine,
    BusinessGrant,
    Course,
    DocumentRequest,
    Enrolment,
    FollowUpAttempt,
    FollowUpOutcome,
    GrantTranche,
    JobReferral,
    Payment,
    PlanGoal,
    Sector,
    Vacancy,
)

router = Router(tags=["reintegration"])
VIEW, EDIT = "reintegration.view", "reintegration.edit"


# Output ------------------------------------------------------------------------------------------


class GoalOut(Schema):
    id: int
    area: str
    description: str
    target_on: date | None
    status: str


class CaseOut(Schema):
    id: int
    person_id: int
    officer: str
    status: str
    returned_on: date
    opened_on: date
    goals: str
    plan_agreed_on: date | None
    plan_deadline: date
    plan_late: bool
    remigrated_on: date | None

    @staticmethod
    def resolve_officer(obj) -> str:
        return obj.officer.username


class DocumentOut(Schema):
    id: int
    case_id: int
    kind: str
    issuer: str
    status: str
    requested_on: date
    submitted_on: date | None
    decided_on: date | None
    reason: str


class EnrolmentOut(Schema):
    id: int
    case_id: int
    course_id: int
    status: str
    starts_on: date
    ends_on: date | None
    sessions_total: int
    sessions_attended: int
    completed_on: date | None
    certificate_number: str
    certified_on: date | None


class JobReferralOut(Schema):
    id: int
    case_id: int
    vacancy_id: int
    status: str
    referred_on: date
    interview_on: date | None
    hired_on: date | None
    reason: str
    partner_referral_id: int | None = Field(None, description="The referral the employer answers (referrals API)")
    partner_referral_status: str | None = None

    @staticmethod
    def resolve_partner_referral_status(obj) -> str | None:
        return obj.partner_referral.status if obj.partner_referral_id else None


class JobLinkOut(Schema):
    url: str = Field(..., description="Absolute URL to send to the employer; shown once, never stored")


class GrantOut(Schema):
    id: int
    case_id: int
    business_name: str
    sector: str
    description: str
    skills_abroad: str
    budget: Decimal
    amount_requested: Decimal
    status: str
    drafted_by: str
    reviewed_by: str | None
    review_note: str

    @staticmethod
    def resolve_drafted_by(obj) -> str:
        return obj.drafted_by.username

    @staticmethod
    def resolve_reviewed_by(obj) -> str | None:
        return obj.reviewed_by.username if obj.reviewed_by_id else None


class TrancheOut(Schema):
    id: int
    grant_id: int
    number: int
    amount: Decimal
    planned_on: date
    status: str


class PaymentOut(Schema):
    id: int
    budget_line: str
    amount: Decimal
    purpose: str
    paid_on: date
    case_id: int | None
    overridden: bool

    @staticmethod
    def resolve_budget_line(obj) -> str:
        return obj.budget_line.code

    @staticmethod
    def resolve_overridden(obj) -> bool:
        return obj.override_by_id is not None


class BudgetLineOut(Schema):
    id: int
    code: str
    name: str
    donor: str
    category: str
    amount: Decimal
    spent: Decimal
    balance: Decimal

    @staticmethod
    def resolve_donor(obj) -> str:
        return obj.donor.code


class CourseOut(Schema):
    id: int
    institution: str
    name: str
    kind: str
    sector: str
    hours: int | None
    cost: Decimal

    @staticmethod
    def resolve_institution(obj) -> str:
        return obj.institution.name


class VacancyOut(Schema):
    id: int
    employer: str
    title: str
    sector: str
    positions: int
    is_open: bool
    posted_on: date

    @staticmethod
    def resolve_employer(obj) -> str:
        return obj.employer.name


class OutcomeOut(Schema):
    working: str
    income_band: str
    business_operating: bool | None
    still_with_employer: bool | None
    living_in: str | None = Field(None, description="INE municipality code")
    intends_to_migrate: str
    rss_answers: dict
    rss_version: str
    economic_score: float | None
    social_score: float | None
    psychosocial_score: float | None
    composite_score: float | None
    remigrated_on: date | None

    @staticmethod
    def resolve_living_in(obj) -> str | None:
        return obj.living_in.code if obj.living_in_id else None


class FollowUpOut(Schema):
    id: int
    person_id: int
    case_id: int | None
    officer: str | None
    trigger: str
    base_date: date
    months_after: int
    due_on: date
    status: str
    remigrated_on: date | None
    outcome: OutcomeOut | None = None

    @staticmethod
    def resolve_officer(obj) -> str | None:
        return obj.officer.username if obj.officer_id else None

    @staticmethod
    def resolve_outcome(obj):
        return getattr(obj, "outcome", None)


class AttemptOut(Schema):
    id: int
    at: datetime
    channel: str
    reached: bool
    note: str


# Input -------------------------------------------------------------------------------------------


class CaseIn(StrictSchema):
    person_id: int
    returned_on: date
    officer: str | None = Field(None, description="Username; the caller when empty")
    goals: str = Field("", max_length=4000)


class StatusIn(StrictSchema):
    status: str = Field(..., max_length=20)
    on: date | None = None
    reason: str = Field("", max_length=300)


class PlanIn(StrictSchema):
    agreed_on: date


class GoalIn(StrictSchema):
    area: PlanGoal.Area
    description: str = Field(..., min_length=1, max_length=300)
    target_on: date | None = None


class DocumentIn(StrictSchema):
    kind: DocumentRequest.Kind
    issuer: str = Field("", max_length=120)


class EnrolmentIn(StrictSchema):
    course_id: int
    starts_on: date
    ends_on: date | None = None


class EnrolmentStatusIn(StatusIn):
    certificate_number: str = Field("", max_length=60)


class AttendanceIn(StrictSchema):
    sessions_total: int = Field(..., ge=0, le=1000)
    sessions_attended: int = Field(..., ge=0, le=1000)


class JobReferralIn(StrictSchema):
    vacancy_id: int
    shared_fields: list[str] | None = Field(None, description="What the employer sees (referrals' shared fields)")
    note: str = Field("", max_length=2000)
    consent_override_reason: str = Field("", max_length=500, description="Managers only, without consent (audited)")


class JobLinkIn(StrictSchema):
    days_valid: int = Field(7, ge=1, le=30)


class VacancyIn(StrictSchema):
    employer_id: int
    title: str = Field(..., min_length=1, max_length=200)
    sector: Sector
    positions: int = Field(1, ge=1, le=1000)
    municipality: str | None = Field(None, max_length=4, description="INE code")
    requirements: str = Field("", max_length=2000)
    posted_on: date | None = None


class GrantIn(StrictSchema):
    business_name: str = Field(..., min_length=1, max_length=200)
    sector: Sector
    description: str = Field(..., min_length=1, max_length=8000)
    skills_abroad: str = Field("", max_length=4000)
    budget: Decimal = Field(..., gt=0, max_digits=10, decimal_places=2)
    amount_requested: Decimal = Field(..., gt=0, max_digits=10, decimal_places=2)


class GrantStatusIn(StrictSchema):
    status: BusinessGrant.Status
    note: str = Field("", max_length=500)


class TrancheIn(StrictSchema):
    amount: Decimal = Field(..., gt=0, max_digits=10, decimal_places=2)
    planned_on: date


class TrancheStatusIn(StrictSchema):
    status: GrantTranche.Status
    budget_line_id: int | None = None
    paid_on: date | None = None
    reference: str = Field("", max_length=100)
    override_reason: str = Field("", max_length=300)
    reason: str = Field("", max_length=300)


class PaymentIn(StrictSchema):
    budget_line_id: int
    amount: Decimal = Field(..., gt=0, max_digits=12, decimal_places=2)
    purpose: Payment.Purpose
    paid_on: date | None = None
    payee: str = Field("", max_length=200)
    reference: str = Field("", max_length=100)
    document_id: int | None = None
    enrolment_id: int | None = None
    override_reason: str = Field("", max_length=300)


class AttemptIn(StrictSchema):
    channel: FollowUpAttempt.Channel
    reached: bool
    note: str = Field("", max_length=300)


class OutcomeIn(StrictSchema):
    working: FollowUpOutcome.Working
    income_band: FollowUpOutcome.IncomeBand
    intends_to_migrate: FollowUpOutcome.Intention
    business_operating: bool | None = None
    still_with_employer: bool | None = None
    living_in: str | None = Field(None, max_length=4, description="INE municipality code")
    rss_answers: dict[str, str] = Field(default_factory=dict, description="Raw survey answers keyed by question code")


# Endpoints ---------------------------------------------------------------------------------------


def _case(request, case_id: int):
    require(request.user, VIEW)
    return queries.case_get_for(user=request.user, case_id=case_id)


def _obj(request, model, pk: int, case_path: str = "case"):
    require(request.user, VIEW)
    return queries.object_get_for(user=request.user, model=model, pk=pk, case_path=case_path)


@router.get("/cases", response=list[CaseOut])
def case_list(request: HttpRequest, status: str | None = None, mine: bool = False):
    """Cases, newest first; filter by status or to the caller's own."""
    require(request.user, VIEW)
    cases = queries.cases_visible_to(request.user)
    if status:
        cases = cases.filter(status=status)
    if mine:
        cases = cases.filter(officer=request.user)
    return list(cases[:500])


@router.post("/cases", response={201: CaseOut})
def case_open(request: HttpRequest, payload: CaseIn):
    """Open a case for a person who consented to reintegration support (422 otherwise)."""
    require(request.user, EDIT)
    person = person_get_for(user=request.user, person_id=payload.person_id)
    officer = None
    if payload.officer:
        officer = get_user_model().objects.filter(username=payload.officer, is_active=True).first()
        if officer is None:
            raise HttpError(422, _("Unknown officer."))
    case = actions.case_open(
        actor=request.user,
        person=person,
        returned_on=payload.returned_on,
        officer=officer,
        goals=payload.goals,
        request=request,
    )
    return 201, case


@router.get("/cases/{case_id}", response=CaseOut)
def case_detail(request: HttpRequest, case_id: int):
    case = _case(request, case_id)
    audit_view(actor=request.user, obj=case, person_id=case.person_id, section="reintegration", request=request)
    return case


@router.post("/cases/{case_id}/status", response=CaseOut)
def case_status(request: HttpRequest, case_id: int, payload: StatusIn):
    require(request.user, EDIT)
    case = _case(request, case_id)
    return actions.case_set_status(
        actor=request.user, case=case, status=payload.status, reason=payload.reason, on=payload.on, request=request
    )


@router.post("/cases/{case_id}/plan", response=CaseOut)
def case_plan(request: HttpRequest, case_id: int, payload: PlanIn):
    """Record the plan as agreed; the answer's plan_late says whether it was late."""
    require(request.user, EDIT)
    case, _late = actions.case_agree_plan(
        actor=request.user, case=_case(request, case_id), agreed_on=payload.agreed_on, request=request
    )
    return case


@router.get("/cases/{case_id}/goals", response=list[GoalOut])
def goal_list(request: HttpRequest, case_id: int):
    return list(_case(request, case_id).goals_set.all())


@router.post("/cases/{case_id}/goals", response={201: GoalOut})
def goal_add(request: HttpRequest, case_id: int, payload: GoalIn):
    require(request.user, EDIT)
    return 201, actions.goal_add(actor=request.user, case=_case(request, case_id), request=request, **payload.dict())


@router.post("/goals/{goal_id}/status", response=GoalOut)
def goal_status(request: HttpRequest, goal_id: int, payload: StatusIn):
    require(request.user, EDIT)
    return actions.goal_set_status(
        actor=request.user, goal=_obj(request, PlanGoal, goal_id), status=payload.status, request=request
    )


@router.get("/cases/{case_id}/documents", response=list[DocumentOut])
def document_list(request: HttpRequest, case_id: int):
    return list(_case(request, case_id).documents.all())


@router.post("/cases/{case_id}/documents", response={201: DocumentOut})
def document_add(request: HttpRequest, case_id: int, payload: DocumentIn):
    require(request.user, EDIT)
    return 201, actions.document_request(
        actor=request.user, case=_case(request, case_id), request=request, **payload.dict()
    )


@router.post("/documents/{document_id}/status", response=DocumentOut)
def document_status(request: HttpRequest, document_id: int, payload: StatusIn):
    require(request.user, EDIT)
    document = _obj(request, DocumentRequest, document_id)
    return actions.document_set_status(actor=request.user, document=document, request=request, **payload.dict())


@router.get("/courses", response=list[CourseOut])
def course_list(request: HttpRequest):
    require(request.user, VIEW)
    return list(Course.objects.filter(is_active=True).select_related("institution"))


@router.get("/cases/{case_id}/enrolments", response=list[EnrolmentOut])
def enrolment_list(request: HttpRequest, case_id: int):
    return list(_case(request, case_id).enrolments.all())


@router.post("/cases/{case_id}/enrolments", response={201: EnrolmentOut})
def enrolment_add(request: HttpRequest, case_id: int, payload: EnrolmentIn):
    require(request.user, EDIT)
    case = _case(request, case_id)
    course = get_object_or_404(Course, pk=payload.course_id)
    return 201, actions.enrolment_create(
        actor=request.user,
        case=case,
        course=course,
        starts_on=payload.starts_on,
        ends_on=payload.ends_on,
        request=request,
    )


@router.post("/enrolments/{enrolment_id}/status", response=EnrolmentOut)
def enrolment_status(request: HttpRequest, enrolment_id: int, payload: EnrolmentStatusIn):
    require(request.user, EDIT)
    return actions.enrolment_set_status(
        actor=request.user, enrolment=_obj(request, Enrolment, enrolment_id), request=request, **payload.dict()
    )


@router.post("/enrolments/{enrolment_id}/attendance", response=EnrolmentOut)
def enrolment_attendance(request: HttpRequest, enrolment_id: int, payload: AttendanceIn):
    require(request.user, EDIT)
    return actions.enrolment_record_attendance(
        actor=request.user, enrolment=_obj(request, Enrolment, enrolment_id), request=request, **payload.dict()
    )


@router.get("/vacancies", response=list[VacancyOut])
def vacancy_list(request: HttpRequest, sector: str | None = None, open_only: bool = True):
    require(request.user, VIEW)
    vacancies = Vacancy.objects.select_related("employer")
    if open_only:
        vacancies = vacancies.filter(is_open=True)
    if sector:
        vacancies = vacancies.filter(sector=sector)
    return list(vacancies[:500])


@router.post("/vacancies", response={201: VacancyOut})
def vacancy_add(request: HttpRequest, payload: VacancyIn):
    require(request.user, EDIT)
    employer = get_object_or_404(Organisation, pk=payload.employer_id)
    data = payload.dict(exclude={"employer_id"})
    if data["municipality"]:
        data["municipality"] = get_object_or_404(Municipality, code=data["municipality"])
    return 201, actions.vacancy_create(actor=request.user, employer=employer, request=request, **data)


@router.get("/cases/{case_id}/job-referrals", response=list[JobReferralOut])
def job_referral_list(request: HttpRequest, case_id: int):
    return list(_case(request, case_id).job_referrals.all())


@router.post("/cases/{case_id}/job-referrals", response={201: JobReferralOut})
def job_referral_add(request: HttpRequest, case_id: int, payload: JobReferralIn):
    require(request.user, EDIT)
    case = _case(request, case_id)
    vacancy = get_object_or_404(Vacancy, pk=payload.vacancy_id)
    data = payload.dict(exclude={"vacancy_id"})
    return 201, actions.job_referral_create(actor=request.user, case=case, vacancy=vacancy, request=request, **data)


@router.get("/job-referrals/{job_referral_id}", response=JobReferralOut)
def job_referral_detail(request: HttpRequest, job_referral_id: int):
    require(request.user, VIEW)
    job = queries.job_referral_get_for(user=request.user, job_referral_id=job_referral_id)
    audit_view(actor=request.user, obj=job, person_id=job.case.person_id, section="reintegration", request=request)
    return job


@router.post("/job-referrals/{job_referral_id}/link", response={201: JobLinkOut})
def job_referral_link(request: HttpRequest, job_referral_id: int, payload: JobLinkIn):
    """A single-use signed link for an employer without an account to answer the job referral."""
    require(request.user, EDIT)
    job = queries.job_referral_get_for(user=request.user, job_referral_id=job_referral_id)
    path = actions.job_referral_link_create(
        actor=request.user, job_referral=job, days_valid=payload.days_valid, request=request
    )
    return 201, {"url": request.build_absolute_uri(path)}


class JobLinkSendIn(StrictSchema):
    channel: Literal["email", "sms", "whatsapp"] = Field(..., description="To the employer's address on file")
    days_valid: int = Field(7, ge=1, le=30)


class JobLinkSentOut(Schema):
    message: str = Field(..., description="The outbound message's reference (UUID)")
    status: str


@router.post("/job-referrals/{job_referral_id}/link/send", response={202: JobLinkSentOut})
def job_referral_link_send(request: HttpRequest, job_referral_id: int, payload: JobLinkSendIn):
    """Send the employer a signed link by email, SMS or WhatsApp (delivered in the background)."""
    require(request.user, EDIT)
    job = queries.job_referral_get_for(user=request.user, job_referral_id=job_referral_id)
    message = actions.job_referral_link_send(actor=request.user, job_referral=job, request=request, **payload.dict())
    return 202, {"message": str(message.uuid), "status": message.status}


@router.post("/job-referrals/{job_referral_id}/status", response=JobReferralOut)
def job_referral_status(request: HttpRequest, job_referral_id: int, payload: StatusIn):
    require(request.user, EDIT)
    referral = _obj(request, JobReferral, job_referral_id)
    return actions.job_referral_set_status(actor=request.user, job_referral=referral, request=request, **payload.dict())


@router.get("/cases/{case_id}/grants", response=list[GrantOut])
def grant_list(request: HttpRequest, case_id: int):
    return list(_case(request, case_id).grants.select_related("drafted_by", "reviewed_by"))


@router.post("/cases/{case_id}/grants", response={201: GrantOut})
def grant_draft(request: HttpRequest, case_id: int, payload: GrantIn):
    require(request.user, EDIT)
    return 201, actions.grant_draft(actor=request.user, case=_case(request, case_id), request=request, **payload.dict())


@router.post("/grants/{grant_id}/status", response=GrantOut)
def grant_status(request: HttpRequest, grant_id: int, payload: GrantStatusIn):
    """Submit, approve (a manager who did not draft it), reject, cancel."""
    require(request.user, EDIT)
    return actions.grant_set_status(
        actor=request.user, grant=_obj(request, BusinessGrant, grant_id), request=request, **payload.dict()
    )


@router.get("/grants/{grant_id}/tranches", response=list[TrancheOut])
def tranche_list(request: HttpRequest, grant_id: int):
    return list(_obj(request, BusinessGrant, grant_id).tranches.all())


@router.post("/grants/{grant_id}/tranches", response={201: TrancheOut})
def tranche_add(request: HttpRequest, grant_id: int, payload: TrancheIn):
    require(request.user, EDIT)
    return 201, actions.tranche_plan(
        actor=request.user, grant=_obj(request, BusinessGrant, grant_id), request=request, **payload.dict()
    )


@router.post("/tranches/{tranche_id}/status", response=TrancheOut)
def tranche_status(request: HttpRequest, tranche_id: int, payload: TrancheStatusIn):
    """Pay a tranche (a ledger payment against a budget line) or cancel it."""
    require(request.user, EDIT)
    tranche = _obj(request, GrantTranche, tranche_id, case_path="grant__case")
    data = payload.dict()
    line_id = data.pop("budget_line_id")
    line = get_object_or_404(BudgetLine, pk=line_id) if line_id else None
    return actions.tranche_set_status(actor=request.user, tranche=tranche, budget_line=line, request=request, **data)


@router.get("/budget-lines", response=list[BudgetLineOut])
def budget_line_list(request: HttpRequest):
    """Budget lines with what is spent and what is left (officers choose one to pay from)."""
    require(request.user, EDIT)
    return list(queries.budget_lines_with_balance())


@router.get("/cases/{case_id}/payments", response=list[PaymentOut])
def payment_list(request: HttpRequest, case_id: int):
    return list(_case(request, case_id).payments.select_related("budget_line"))


@router.post("/cases/{case_id}/payments", response={201: PaymentOut})
def payment_add(request: HttpRequest, case_id: int, payload: PaymentIn):
    """Enter a payment; 422 when it would take the line below zero, unless a manager overrides with a reason."""
    require(request.user, EDIT)
    case = _case(request, case_id)
    data = payload.dict()
    line = get_object_or_404(BudgetLine, pk=data.pop("budget_line_id"))
    document_id, enrolment_id = data.pop("document_id"), data.pop("enrolment_id")
    document = get_object_or_404(DocumentRequest, pk=document_id, case=case) if document_id else None
    enrolment = get_object_or_404(Enrolment, pk=enrolment_id, case=case) if enrolment_id else None
    payment = actions.payment_record(
        actor=request.user, budget_line=line, case=case, document=document, enrolment=enrolment, request=request, **data
    )
    return 201, payment


@router.get("/followups", response=list[FollowUpOut])
def followup_worklist(request: HttpRequest, until: date | None = None):
    """The caller's follow-ups still due, oldest due date first."""
    require(request.user, VIEW)
    return queries.worklist(user=request.user, until=until)["mine"]


@router.get("/followups/{followup_id}", response=FollowUpOut)
def followup_detail(request: HttpRequest, followup_id: int):
    require(request.user, VIEW)
    followup = queries.followup_get_for(user=request.user, followup_id=followup_id)
    audit_view(
        actor=request.user,
        obj=followup,
        person_id=followup.person_id,
        section="reintegration.followup",
        request=request,
    )
    return followup


@router.post("/followups/{followup_id}/attempts", response={201: AttemptOut})
def followup_attempt(request: HttpRequest, followup_id: int, payload: AttemptIn):
    require(request.user, EDIT)
    followup = queries.followup_get_for(user=request.user, followup_id=followup_id)
    return 201, actions.followup_attempt(actor=request.user, followup=followup, request=request, **payload.dict())


@router.post("/followups/{followup_id}/outcome", response={201: FollowUpOut})
def followup_outcome(request: HttpRequest, followup_id: int, payload: OutcomeIn):
    """Record the outcome with raw RSS answers; the scores come back computed."""
    require(request.user, EDIT)
    followup = queries.followup_get_for(user=request.user, followup_id=followup_id)
    data = payload.dict()
    if data["living_in"]:
        data["living_in"] = get_object_or_404(Municipality, code=data["living_in"])
    actions.followup_record_outcome(actor=request.user, followup=followup, request=request, **data)
    return 201, queries.followup_get_for(user=request.user, followup_id=followup_id)


@router.post("/followups/{followup_id}/status", response=FollowUpOut)
def followup_status(request: HttpRequest, followup_id: int, payload: StatusIn):
    require(request.user, EDIT)
    followup = queries.followup_get_for(user=request.user, followup_id=followup_id)
    return actions.followup_set_status(
        actor=request.user, followup=followup, status=payload.status, reason=payload.reason, request=request
    )


class QuestionOut(Schema):
    code: str
    dimension: str
    text: str
    options: list[str]


@router.get("/rss/questions", response=list[QuestionOut])
def rss_questions(request: HttpRequest):
    """The survey's questions and allowed answer codes, for the current scoring version."""
    require(request.user, VIEW)
    return [
        {"code": q.code, "dimension": q.dimension, "text": str(q.text), "options": list(q.options)}
        for q in rss.questions()
    ]


@router.get("/figures")
def figures(request: HttpRequest):
    """Programme figures, without names (M&E may read them)."""
    require(request.user, "reintegration.figures")
    return queries.programme_figures()


# Follow-up invitations (the returnee answers from their phone) live in their own module.
from retorno.reintegration.fieldforms.api import router as fieldform_router  # noqa: E402
from retorno.reintegration.invitation_api import router as invitation_router  # noqa: E402

router.add_router("", invitation_router)
router.add_router("", fieldform_router)

# Self-help groups live in their own module (api.py is long already).
from retorno.reintegration.api_groups import router as groups_router  # noqa: E402

router.add_router("/groups", groups_router)
