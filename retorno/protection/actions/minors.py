"""Unaccompanied minors: the chain of custody and best-interest decisions (family tracing: ``tracing``)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from retorno.accounts.models import Organisation, User
from retorno.protection.actions.common import case_audit, full_save, require_case_writer
from retorno.protection.audit_actions import AuditAction
from retorno.protection.handovers import assessment_problems
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
