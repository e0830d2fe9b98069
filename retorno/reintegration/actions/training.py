"""Training: courses and enrolments, attendance and certificates."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from retorno.accounts.access import require
from retorno.accounts.models import Organisation, User
from retorno.audit.actions import audit_write, snapshot
from retorno.lib.workflow import transition
from retorno.reintegration.actions.common import EDIT, require_live, require_reason, today_or
from retorno.reintegration.actions.followup import followups_schedule
from retorno.reintegration.audit_actions import AuditAction
from retorno.reintegration.models import Course, Enrolment, FollowUpTrigger, ReintegrationCase

# Training ----------------------------------------------------------------------------------------


@transaction.atomic
def course_create(
    *,
    actor: User,
    institution: Organisation,
    name: str,
    kind: str = Course.Kind.COURSE,
    sector: str = "other",
    hours: int | None = None,
    cost: Decimal = Decimal("0"),
    request=None,
) -> Course:
    """Add a course or equivalency title offered by a training institution or the Ministry of Education."""
    require(actor, EDIT)
    if institution.kind not in (Organisation.Kind.TRAINING, Organisation.Kind.GOVERNMENT):
        raise ValidationError({"institution": _("Choose a training institute or a government body.")})
    course = Course(institution=institution, name=name.strip(), kind=kind, sector=sector, hours=hours, cost=cost)
    course.full_clean()
    course.save()
    audit_write(actor=actor, action=AuditAction.COURSE_CREATE, obj=course, new=snapshot(course), request=request)
    return course


@transaction.atomic
def enrolment_create(
    *,
    actor: User,
    case: ReintegrationCase,
    course: Course,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
    request=None,
) -> Enrolment:
    """Enrol the person in a course (or start an equivalency title)."""
    require(actor, EDIT)
    require_live(case)
    if not course.is_active:
        raise ValidationError({"course": _("This course is no longer offered.")})
    if ends_on and ends_on < starts_on:
        raise ValidationError({"ends_on": _("The course cannot end before it starts.")})
    if case.enrolments.filter(
        course=course, status__in=[Enrolment.Status.ENROLLED, Enrolment.Status.ATTENDING]
    ).exists():
        raise ValidationError({"course": _("The person is already enrolled in this course.")})
    enrolment = Enrolment(case=case, course=course, starts_on=starts_on, ends_on=ends_on)
    enrolment.full_clean()
    enrolment.save()
    audit_write(
        actor=actor,
        action=AuditAction.ENROLMENT_CREATE,
        obj=enrolment,
        person_id=case.person_id,
        new=snapshot(enrolment),
        request=request,
    )
    return enrolment


@transaction.atomic
def enrolment_set_status(
    *,
    actor: User,
    enrolment: Enrolment,
    status: str,
    on: datetime.date | None = None,
    certificate_number: str = "",
    reason: str = "",
    request=None,
) -> Enrolment:
    """The one way an enrolment moves: enrolled → attending → completed → certified, or dropped."""
    require(actor, EDIT)
    enrolment = Enrolment.objects.select_for_update().select_related("case").get(pk=enrolment.pk)
    on = today_or(on)
    S = Enrolment.Status
    fields: dict = {}
    if status == S.COMPLETED:
        fields = {"completed_on": on}
    elif status == S.CERTIFIED:
        number = certificate_number.strip()
        if not number:
            raise ValidationError({"certificate_number": _("Enter the certificate's number.")})
        fields = {"certified_on": on, "certificate_number": number}
    elif status == S.DROPPED:
        fields = {"reason": require_reason(reason, _("Say why the person dropped out."))}
    enrolment = transition(
        enrolment,
        status,
        actor=actor,
        action=AuditAction.ENROLMENT_STATUS,
        person_id=enrolment.case.person_id,
        request=request,
        reason=reason,
        fields=fields,
    )
    if status == S.COMPLETED:
        followups_schedule(
            actor=actor,
            person=enrolment.case.person,
            trigger=FollowUpTrigger.TRAINING,
            base_date=on,
            case=enrolment.case,
            enrolment=enrolment,
            request=request,
        )
    return enrolment


@transaction.atomic
def enrolment_record_attendance(
    *, actor: User, enrolment: Enrolment, sessions_total: int, sessions_attended: int, request=None
) -> Enrolment:
    """Update the sessions held and attended; the first attended session marks the person as attending."""
    require(actor, EDIT)
    enrolment = Enrolment.objects.select_for_update().select_related("case").get(pk=enrolment.pk)
    if sessions_attended > sessions_total:
        raise ValidationError({"sessions_attended": _("Cannot attend more sessions than were held.")})
    if enrolment.status in (Enrolment.Status.DROPPED, Enrolment.Status.CERTIFIED):
        raise ValidationError(_("Attendance can no longer change."))
    old = snapshot(enrolment, ["sessions_total", "sessions_attended"])
    enrolment.sessions_total, enrolment.sessions_attended = sessions_total, sessions_attended
    enrolment.full_clean()
    enrolment.save(update_fields=["sessions_total", "sessions_attended"])
    audit_write(
        actor=actor,
        action=AuditAction.ENROLMENT_ATTENDANCE,
        obj=enrolment,
        person_id=enrolment.case.person_id,
        old=old,
        new=snapshot(enrolment, ["sessions_total", "sessions_attended"]),
        request=request,
    )
    if sessions_attended and enrolment.status == Enrolment.Status.ENROLLED:
        enrolment = enrolment_set_status(
            actor=actor, enrolment=enrolment, status=Enrolment.Status.ATTENDING, request=request
        )
    return enrolment
