"""Family tracing and reunification of an unaccompanied minor: requests, steps, assessments, visits.

Every write checks that the actor reads the case in full, validates, and audits with every
sealed field shown as "[sealed]".
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from retorno.accounts.models import User
from retorno.geo.models import Department, Municipality
from retorno.lib.workflow import transition
from retorno.protection.actions.common import case_audit, full_save, require_case_writer, sealed_snapshot
from retorno.protection.audit_actions import AuditAction
from retorno.protection.models import (
    CaseKind,
    CustodyEvent,
    FamilyAssessment,
    ProtectionCase,
    ReunificationVisit,
    TracingRequest,
    TracingStep,
)


def _require_minor_writer(actor: User, case: ProtectionCase) -> None:
    require_case_writer(actor, case)
    if case.kind != CaseKind.MINOR:
        raise ValidationError(_("Family tracing belongs to an unaccompanied minor's case."))


@transaction.atomic
def tracing_request_open(
    *,
    actor: User,
    case: ProtectionCase,
    sought_name: str,
    relationship: str,
    department: Department | None = None,
    municipality: Municipality | None = None,
    address: str = "",
    phone: str = "",
    contacts_tried: str = "",
    request=None,
) -> TracingRequest:
    """Open the search for one family member of the minor (a case may hold several)."""
    _require_minor_writer(actor, case)
    row = TracingRequest(case=case, opened_by=actor)
    _set_details(row, sought_name, relationship, department, municipality, address, phone, contacts_tried)
    full_save(row)
    row.status_changes.create(from_status="", to_status=row.status, actor=actor)
    case_audit(actor=actor, action=AuditAction.TRACING_REQUEST_OPEN, obj=row, case=case, request=request)
    return row


@transaction.atomic
def tracing_request_update(
    *,
    actor: User,
    tracing_request: TracingRequest,
    sought_name: str,
    relationship: str,
    department: Department | None = None,
    municipality: Municipality | None = None,
    address: str = "",
    phone: str = "",
    contacts_tried: str = "",
    request=None,
) -> TracingRequest:
    """Correct or complete who is sought and where (those opened from the retired log came with no
    name or relationship); the same rules as opening one."""
    row = TracingRequest.objects.select_for_update().select_related("case").get(pk=tracing_request.pk)
    _require_minor_writer(actor, row.case)
    old = sealed_snapshot(row)
    _set_details(row, sought_name, relationship, department, municipality, address, phone, contacts_tried)
    full_save(row)
    case_audit(actor=actor, action=AuditAction.TRACING_REQUEST_UPDATE, obj=row, case=row.case, request=request, old=old)
    return row


def _set_details(row, sought_name, relationship, department, municipality, address, phone, contacts_tried) -> None:
    if municipality is not None:
        if department is not None and municipality.department_id != department.pk:
            raise ValidationError({"municipality": _("This municipality is not in the department chosen.")})
        department = municipality.department
    if not sought_name.strip():
        raise ValidationError({"sought_name": _("Name the person sought.")})
    if not relationship:
        raise ValidationError({"relationship": _("Record the relationship to the child.")})
    row.sought_name = sought_name.strip()
    row.relationship = relationship
    row.department = department
    row.municipality = municipality
    row.address = address.strip()
    row.phone = phone.strip()
    row.contacts_tried = contacts_tried.strip()


@transaction.atomic
def tracing_request_set_status(
    *, actor: User, tracing_request: TracingRequest, status: str, outcome: str = "", request=None
) -> TracingRequest:
    """Move a request along its pipeline (open, located, not located, closed); the outcome stays sealed.

    Ending a search (located, not located, closed) needs its outcome in words.
    """
    case = tracing_request.case
    _require_minor_writer(actor, case)
    tracing_request = TracingRequest.objects.select_for_update().get(pk=tracing_request.pk)
    outcome = outcome.strip()
    if status != TracingRequest.Status.OPEN and not (outcome or tracing_request.outcome):
        raise ValidationError({"outcome": _("Say what the search found.")})
    # Sealed: saved with the request, never written to the history or the audit row.
    tracing_request.outcome = outcome or tracing_request.outcome
    return transition(
        tracing_request,
        status,
        actor=actor,
        action=AuditAction.TRACING_REQUEST_STATUS,
        request=request,
        person_id=case.person_id,
    )


@transaction.atomic
def tracing_step_add(
    *,
    actor: User,
    tracing_request: TracingRequest,
    on: datetime.date,
    method: str,
    result: str,
    notes: str = "",
    request=None,
) -> TracingStep:
    """Record one dated attempt to find the person sought (only while the search is open)."""
    case = tracing_request.case
    _require_minor_writer(actor, case)
    if tracing_request.status != TracingRequest.Status.OPEN:
        raise ValidationError(_("Reopen the tracing request before recording another step."))
    if on > timezone.localdate():
        raise ValidationError({"on": _("A step is recorded once it has happened.")})
    step = full_save(
        TracingStep(request=tracing_request, on=on, by=actor, method=method, result=result, notes=notes.strip())
    )
    case_audit(actor=actor, action=AuditAction.TRACING_STEP_ADD, obj=step, case=case, request=request)
    return step


@transaction.atomic
def family_assessment_record(
    *,
    actor: User,
    case: ProtectionCase,
    assessed_on: datetime.date,
    safety: int,
    willingness: int,
    capacity: int,
    child_view_heard: bool,
    risks_found: bool,
    recommendation: str,
    caregiver_name: str = "",
    relationship: str = "",
    tracing_request: TracingRequest | None = None,
    notes: str = "",
    request=None,
) -> FamilyAssessment:
    """Assess a caregiver before the handover; the caregiver defaults to the tracing request's person sought."""
    _require_minor_writer(actor, case)
    if tracing_request is not None:
        if tracing_request.case_id != case.pk:
            raise ValidationError({"tracing_request": _("Choose a tracing request of this case.")})
        caregiver_name = caregiver_name.strip() or tracing_request.sought_name
        relationship = relationship or tracing_request.relationship
    row = FamilyAssessment(
        case=case,
        tracing_request=tracing_request,
        assessed_on=assessed_on,
        assessor=actor,
        caregiver_name=caregiver_name.strip(),
        relationship=relationship,
        safety=safety,
        willingness=willingness,
        capacity=capacity,
        child_view_heard=child_view_heard,
        risks_found=risks_found,
        recommendation=recommendation,
        notes=notes.strip(),
    )
    if errors := _recommendation_problems(row):
        raise ValidationError(errors)
    full_save(row)
    case_audit(actor=actor, action=AuditAction.FAMILY_ASSESSMENT_RECORD, obj=row, case=case, request=request)
    return row


def _recommendation_problems(row: FamilyAssessment) -> dict[str, str]:
    """The recommendation must follow from the checklist."""
    if not row.recommends_reunification:
        return {}
    levels = [int(getattr(row, name)) for name in FamilyAssessment.SCORED]
    if FamilyAssessment.Level.NOT_MET in levels:
        return {"recommendation": _("A criterion that is not met rules reunification out.")}
    if not row.child_view_heard:
        return {"child_view_heard": _("Hear the child's view before recommending reunification.")}
    full = all(level == FamilyAssessment.Level.MET for level in levels) and not row.risks_found
    if row.recommendation == FamilyAssessment.Recommendation.REUNIFY and not full:
        return {"recommendation": _("With risks found or criteria partly met, recommend reunification with support.")}
    return {}


@transaction.atomic
def visit_schedule(
    *, actor: User, case: ProtectionCase, scheduled_on: datetime.date, request=None
) -> ReunificationVisit:
    """Schedule a follow-up visit to the child, once the minor has been handed over to the family."""
    _require_minor_writer(actor, case)
    if not case.custody_events.filter(stage=CustodyEvent.Stage.HANDOVER_GUARDIAN).exists():
        raise ValidationError(_("Follow-up visits come after the handover to the family."))
    visit = full_save(ReunificationVisit(case=case, scheduled_on=scheduled_on, scheduled_by=actor))
    case_audit(actor=actor, action=AuditAction.VISIT_SCHEDULE, obj=visit, case=case, request=request)
    return visit


@transaction.atomic
def visit_record(
    *,
    actor: User,
    visit: ReunificationVisit,
    done_on: datetime.date,
    wellbeing: int,
    concerns: str = "",
    notes: str = "",
    next_visit_on: datetime.date | None = None,
    request=None,
) -> ReunificationVisit:
    """Record a visit made (by ``actor``); a next visit date schedules that visit too."""
    case = visit.case
    _require_minor_writer(actor, case)
    visit = ReunificationVisit.objects.select_for_update().get(pk=visit.pk)
    if visit.is_done:
        raise ValidationError(_("This visit is already recorded."))
    if done_on > timezone.localdate():
        raise ValidationError({"done_on": _("A visit is recorded once it has happened.")})
    if next_visit_on is not None and next_visit_on <= done_on:
        raise ValidationError({"next_visit_on": _("The next visit comes after this one.")})
    old = {"done_on": None}
    visit.done_on, visit.visitor, visit.wellbeing = done_on, actor, wellbeing
    visit.concerns, visit.notes, visit.next_visit_on = concerns.strip(), notes.strip(), next_visit_on
    full_save(visit)
    case_audit(actor=actor, action=AuditAction.VISIT_RECORD, obj=visit, case=case, old=old, request=request)
    if next_visit_on is not None:
        visit_schedule(actor=actor, case=case, scheduled_on=next_visit_on, request=request)
    return visit
