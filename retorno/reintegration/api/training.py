"""Courses and enrolments."""

from django.http import HttpRequest
from ninja import Status

from retorno.accounts.access import require
from retorno.reintegration import actions, queries
from retorno.reintegration.api.common import EDIT, VIEW, _case, _obj, router
from retorno.reintegration.api.schemas import AttendanceIn, CourseOut, EnrolmentIn, EnrolmentOut, EnrolmentStatusIn
from retorno.reintegration.models import Enrolment


@router.get("/courses", response=list[CourseOut])
def course_list(request: HttpRequest):
    require(request.user, VIEW)
    return list(queries.courses(active_only=True))


@router.get("/cases/{case_id}/enrolments", response=list[EnrolmentOut])
def enrolment_list(request: HttpRequest, case_id: int):
    return list(_case(request, case_id).enrolments.all())


@router.post("/cases/{case_id}/enrolments", response={201: EnrolmentOut})
def enrolment_add(request: HttpRequest, case_id: int, payload: EnrolmentIn):
    require(request.user, EDIT)
    case = _case(request, case_id)
    course = queries.course_get_for(user=request.user, course_id=payload.course_id)
    return Status(
        201,
        actions.enrolment_create(
            actor=request.user,
            case=case,
            course=course,
            starts_on=payload.starts_on,
            ends_on=payload.ends_on,
            request=request,
        ),
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
