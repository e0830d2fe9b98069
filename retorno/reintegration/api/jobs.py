"""Vacancies and job referrals (the employer answers the linked referral)."""

from django.http import HttpRequest
from ninja import Status

from retorno.accounts.access import require
from retorno.geo.queries import municipality_by_code
from retorno.reintegration import actions, queries
from retorno.reintegration.api.common import EDIT, VIEW, _case, _obj, router
from retorno.reintegration.api.schemas import (
    JobLinkIn,
    JobLinkOut,
    JobLinkSendIn,
    JobLinkSentOut,
    JobReferralIn,
    JobReferralOut,
    StatusIn,
    VacancyIn,
    VacancyOut,
)
from retorno.reintegration.models import JobReferral


@router.get("/vacancies", response=list[VacancyOut])
def vacancy_list(request: HttpRequest, sector: str | None = None, open_only: bool = True):
    require(request.user, VIEW)
    return list(queries.vacancies(open_only=open_only, sector=sector)[:500])


@router.post("/vacancies", response={201: VacancyOut})
def vacancy_add(request: HttpRequest, payload: VacancyIn):
    require(request.user, EDIT)
    employer = queries.employer_get_for(user=request.user, organisation_id=payload.employer_id)
    data = payload.dict(exclude={"employer_id"})
    data["municipality"] = municipality_by_code(data["municipality"])
    return Status(201, actions.vacancy_create(actor=request.user, employer=employer, request=request, **data))


@router.get("/cases/{case_id}/job-referrals", response=list[JobReferralOut])
def job_referral_list(request: HttpRequest, case_id: int):
    return list(_case(request, case_id).job_referrals.all())


@router.post("/cases/{case_id}/job-referrals", response={201: JobReferralOut})
def job_referral_add(request: HttpRequest, case_id: int, payload: JobReferralIn):
    require(request.user, EDIT)
    case = _case(request, case_id)
    vacancy = queries.vacancy_get_for(user=request.user, vacancy_id=payload.vacancy_id)
    data = payload.dict(exclude={"vacancy_id"})
    return Status(
        201, actions.job_referral_create(actor=request.user, case=case, vacancy=vacancy, request=request, **data)
    )


@router.get("/job-referrals/{job_referral_id}", response=JobReferralOut)
def job_referral_detail(request: HttpRequest, job_referral_id: int):
    require(request.user, VIEW)
    job = queries.job_referral_get_for(
        user=request.user, job_referral_id=job_referral_id, section="reintegration", request=request
    )
    return job


@router.post("/job-referrals/{job_referral_id}/link", response={201: JobLinkOut})
def job_referral_link(request: HttpRequest, job_referral_id: int, payload: JobLinkIn):
    """A single-use signed link for an employer without an account to answer the job referral."""
    require(request.user, EDIT)
    job = queries.job_referral_get_for(user=request.user, job_referral_id=job_referral_id)
    path = actions.job_referral_link_create(
        actor=request.user, job_referral=job, days_valid=payload.days_valid, request=request
    )
    return Status(201, {"url": request.build_absolute_uri(path)})


@router.post("/job-referrals/{job_referral_id}/link/send", response={202: JobLinkSentOut})
def job_referral_link_send(request: HttpRequest, job_referral_id: int, payload: JobLinkSendIn):
    """Send the employer a signed link by email, SMS or WhatsApp (delivered in the background)."""
    require(request.user, EDIT)
    job = queries.job_referral_get_for(user=request.user, job_referral_id=job_referral_id)
    message = actions.job_referral_link_send(actor=request.user, job_referral=job, request=request, **payload.dict())
    return Status(202, {"message": str(message.uuid), "status": message.status})


@router.post("/job-referrals/{job_referral_id}/status", response=JobReferralOut)
def job_referral_status(request: HttpRequest, job_referral_id: int, payload: StatusIn):
    require(request.user, EDIT)
    referral = _obj(request, JobReferral, job_referral_id)
    return actions.job_referral_set_status(actor=request.user, job_referral=referral, request=request, **payload.dict())
