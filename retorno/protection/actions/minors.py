"""Unaccompanied minors: the chain of custody and best-interest decisions (family tracing: ``tracing``)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from retorno.accounts.models import Organisation, User
from retorno.protection.actions.common import case_audit, full_save, require_case_writer, sealed_snapshot
from retorno.protection.audit_actions import AuditAction
from retorno.protection.handovers import assessment_problems, without_assessment
from retorno.protection.models import BestInterestDecision, CaseKind, CustodyEvent, FamilyAssessment, ProtectionCase


@transaction.atomic
def custody_record(*, actor: User, case: ProtectionCase, request=None, **link) -> CustodyEvent:
    """Add the next link of a minor's chain of custody; a handover must be verified and authorised.

    The writer's check, then ``custody_add`` (whose keywords ``link`` are: stage, at, organisation,
    guardian_name, relationship, document_checked, document_number, authorised_by, note, assessment).
    """
    require_case_writer(actor, case)
    return custody_add(actor=actor, case=case, request=request, **link)


def custody_add(
    *,
    actor: User,
    case: ProtectionCase,
    stage: str,
    at: datetime.datetime | None = None,
    organisation: Organisation | None = None,
    guardian_name: str = "",
    relationship: str = "",
    document_checked: bool = False,
    document_number: str = "",
    authorised_by: str = "",
    note: str = "",
    assessment: FamilyAssessment | None = None,
    request=None,
) -> CustodyEvent:
    """The link itself, without the writer check: opening a minor's case records its first link through here.

    A handover to a family member names the family assessment that recommended reunifying the
    child with that caregiver; the guardian's name and relationship default to the assessment's.
    """
    if case.kind != CaseKind.MINOR:
        raise ValidationError(_("The chain of custody belongs to an unaccompanied minor's case."))
    last = case.custody_events.order_by("-at", "-id").first()
    if stage not in CustodyEvent.NEXT[last.stage if last else None]:
        raise ValidationError({"stage": _("This step cannot follow the last one recorded.")})
    if stage == CustodyEvent.Stage.HANDOVER_GUARDIAN and assessment is not None:
        guardian_name = guardian_name.strip() or assessment.caregiver_name
        relationship = relationship or handover_relationship(assessment.relationship)
    event = CustodyEvent(
        case=case,
        stage=stage,
        at=at or timezone.now(),
        organisation=organisation,
        recorded_by=actor,
        guardian_name=guardian_name.strip(),
        relationship=relationship,
        document_checked=document_checked,
        document_number=document_number.strip(),
        authorised_by=authorised_by.strip(),
        note=note.strip(),
        assessment=assessment if stage == CustodyEvent.Stage.HANDOVER_GUARDIAN else None,
    )
    if errors := {**assessment_problems(event, assessment), **_link_problems(event)}:
        raise ValidationError(errors)
    full_save(event)
    case_audit(actor=actor, action=AuditAction.CUSTODY_RECORD, obj=event, case=case, request=request)
    return event


@transaction.atomic
def handover_assessment_link(
    *, actor: User, handover: CustodyEvent, assessment: FamilyAssessment | None, request=None
) -> CustodyEvent:
    """Name the family assessment a family handover recorded before the rule rests on.

    Only a handover to a family member that names none (flagged "no family assessment recorded");
    a named assessment is never replaced. The same rule as a new handover: an assessment of the
    same case that recommends reunifying the minor with that same caregiver.
    """
    row = CustodyEvent.objects.select_for_update().select_related("case").get(pk=handover.pk)
    require_case_writer(actor, row.case)
    if row.stage != CustodyEvent.Stage.HANDOVER_GUARDIAN:
        raise ValidationError({"assessment": _("Only a handover to a family member rests on a family assessment.")})
    if not without_assessment(row):
        raise ValidationError({"assessment": _("This handover already names its family assessment.")})
    if errors := assessment_problems(row, assessment):
        raise ValidationError({"assessment": _link_refusal(row, assessment, errors)})
    old = sealed_snapshot(row)
    row.assessment = assessment
    full_save(row)
    case_audit(
        actor=actor, action=AuditAction.HANDOVER_ASSESSMENT_LINK, obj=row, case=row.case, request=request, old=old
    )
    return row


def _link_refusal(event: CustodyEvent, assessment: FamilyAssessment | None, errors: dict[str, str]) -> str:
    """The handover rule's refusal, said of the assessment chosen for a handover already made."""
    if assessment is None or assessment.case_id != event.case_id:
        return _("Choose a family assessment of this case.")
    if "guardian_name" in errors:
        return _("This family assessment is of another caregiver than the one the minor was handed over to.")
    return errors["assessment"]


def _link_problems(event: CustodyEvent) -> dict[str, str]:
    """A handover must be verified and authorised; only a body that may hold a minor receives one."""
    errors = {}
    if event.stage == CustodyEvent.Stage.HANDOVER_GUARDIAN:
        if not event.guardian_name:
            errors["guardian_name"] = _("Name the parent or guardian.")
        if not event.relationship:
            errors["relationship"] = _("Record the relationship to the minor.")
        if not event.document_checked or not event.document_number:
            errors["document_number"] = _("Check the guardian's identity document and record its number.")
    if event.stage in CustodyEvent.HANDOVERS and not event.authorised_by:
        errors["authorised_by"] = _("Record who authorised the handover.")
    if event.stage == CustodyEvent.Stage.HANDOVER_PGN and event.organisation is None:
        errors["organisation"] = _("Choose the PGN office receiving the minor.")
    if event.organisation is not None and event.organisation.kind not in CustodyEvent.ORGANISATION_KINDS:
        errors["organisation"] = _("Choose a shelter, public body or civil-society organisation.")
    return errors


def handover_relationship(relationship: str) -> str:
    """The chain of custody's relationship for a family member's (aunts and uncles are other relatives)."""
    if relationship in CustodyEvent.Relationship.values:
        return relationship
    return CustodyEvent.Relationship.OTHER_RELATIVE if relationship == "aunt_uncle" else ""


@transaction.atomic
def best_interest_record(
    *,
    actor: User,
    case: ProtectionCase,
    decided_on: datetime.date,
    decided_by: str,
    decision: str,
    minor_assent: str,
    minor_views: str = "",
    request=None,
) -> BestInterestDecision:
    require_case_writer(actor, case)
    row = full_save(
        BestInterestDecision(
            case=case,
            recorded_by=actor,
            decided_on=decided_on,
            decided_by=decided_by.strip(),
            decision=decision.strip(),
            minor_assent=minor_assent,
            minor_views=minor_views.strip(),
        )
    )
    case_audit(actor=actor, action=AuditAction.BEST_INTEREST_RECORD, obj=row, case=case, request=request)
    return row
