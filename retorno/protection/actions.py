"""Every write to the sealed compartment: atomic, validated, audited without tier-2 plaintext.

Views and the API decide who may call these (through ``queries.case_get_for``); the
actions enforce the domain rules (status pipelines, the chain of custody, who may be
assigned, who may break the glass).
"""

import datetime
import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from retorno.accounts.access import can
from retorno.accounts.directory import organisation_for_name
from retorno.accounts.models import Organisation, User
from retorno.audit.actions import audit_event, audit_write, snapshot
from retorno.audit.models import AuditEvent
from retorno.lib.crypto import EncryptedTextField
from retorno.people.actions import consent_record
from retorno.people.models import Consent, Person
from retorno.people.queries import consents_in_force
from retorno.protection import protocol
from retorno.protection.models import (
    BestInterestDecision,
    BreakGlassAccess,
    CaseAssignment,
    CaseKind,
    CaseNote,
    CaseStatusChange,
    CustodyEvent,
    FamilyTracingEntry,
    FollowUpPlan,
    HealthReferral,
    Identification,
    LegalCase,
    LegalStatusChange,
    Notification,
    ProtectionCase,
    ProtectionReferral,
    PsychosocialAssessment,
    PsychosocialSession,
    RiskAssessment,
    ShelterReferral,
    SupportService,
)
from retorno.protection.queries import WORK_PERMISSION, break_glass_hours, may_assign, may_hold

log = logging.getLogger(__name__)


def sealed_snapshot(obj: models.Model) -> dict:
    """Field values for the audit log, with every encrypted field shown as '[sealed]'."""
    sealed = tuple(f.name for f in obj._meta.concrete_fields if isinstance(f, EncryptedTextField))
    return snapshot(obj, redact=sealed)


def _save(obj: models.Model) -> models.Model:
    obj.full_clean()
    obj.save()
    return obj


def _audit(
    *, actor: User, action: str, obj: models.Model, case: ProtectionCase, request=None, old=None, new=None
) -> None:
    audit_write(
        actor=actor,
        action=action,
        obj=obj,
        person_id=case.person_id,
        old=old,
        new=new if new is not None else sealed_snapshot(obj),
        request=request,
    )


# --- Entry and assignment ----------------------------------------------------------------------


@transaction.atomic
def protection_referral_receive(
    *, actor: User, person: Person, arrival=None, unaccompanied_minor: bool = False, request: HttpRequest | None = None
) -> ProtectionReferral:
    """Put a person in the protection queue (reception's "refer to protection" flag).

    Reception records no reason: what the person said stays with protection staff. A second
    referral for the same person and arrival while one is waiting returns the waiting one.
    """
    arrival_id = getattr(arrival, "pk", arrival)
    waiting = ProtectionReferral.objects.filter(
        person=person, arrival_id=arrival_id, status=ProtectionReferral.Status.PENDING
    ).first()
    if waiting:
        if unaccompanied_minor and not waiting.unaccompanied_minor:
            waiting.unaccompanied_minor = True
            waiting.save(update_fields=["unaccompanied_minor"])
        return waiting
    referral = _save(
        ProtectionReferral(
            person=person, arrival_id=arrival_id, unaccompanied_minor=unaccompanied_minor, received_from=actor
        )
    )
    audit_write(
        actor=actor,
        action="protection.referral_receive",
        obj=referral,
        person_id=person.pk,
        new={"arrival_id": arrival_id, "unaccompanied_minor": unaccompanied_minor},
        request=request,
    )
    return referral


def _check_assignable(user: User, kind: str) -> None:
    if not can(user, WORK_PERMISSION[kind]):
        raise ValidationError({"assignee": _("This user's role cannot work on this kind of case.")})


@transaction.atomic
def case_open(
    *,
    actor: User,
    person: Person,
    kind: str,
    assignee: User | None = None,
    referral: ProtectionReferral | None = None,
    arrival_id: int | None = None,
    request=None,
) -> ProtectionCase:
    """Open a sealed case and assign it (to ``assignee`` or the actor)."""
    assignee = assignee or actor
    _check_assignable(assignee, kind)
    case = _save(ProtectionCase(person=person, kind=kind, referral=referral, arrival_id=arrival_id, opened_by=actor))
    CaseStatusChange.objects.create(case=case, old="", new=case.status, by=actor)
    _audit(actor=actor, action="protection.case_open", obj=case, case=case, request=request)
    _assign(actor=actor, case=case, user=assignee, request=request)
    if kind == CaseKind.MINOR:
        at = referral.received_at if referral else timezone.now()
        custody_record(actor=actor, case=case, stage=CustodyEvent.Stage.RECEPTION, at=at, request=request)
    return case


@transaction.atomic
def referral_take(
    *, actor: User, referral: ProtectionReferral, kind: str | None = None, assignee: User | None = None, request=None
) -> ProtectionCase:
    """Take a waiting referral: open its case (a minor's case for an unaccompanied minor)."""
    referral = ProtectionReferral.objects.select_for_update().get(pk=referral.pk)
    if referral.status != ProtectionReferral.Status.PENDING:
        raise ValidationError(_("This referral has already been taken."))
    kind = CaseKind.MINOR if referral.unaccompanied_minor else (kind or CaseKind.TRAFFICKING)
    referral.status = ProtectionReferral.Status.TAKEN
    referral.taken_at = timezone.now()
    referral.taken_by = actor
    referral.save(update_fields=["status", "taken_at", "taken_by"])
    audit_write(
        actor=actor,
        action="protection.referral_take",
        obj=referral,
        person_id=referral.person_id,
        new={"status": referral.status},
        request=request,
    )
    return case_open(
        actor=actor,
        person=referral.person,
        kind=kind,
        assignee=assignee,
        referral=referral,
        arrival_id=referral.arrival_id,
        request=request,
    )


@transaction.atomic
def case_assign(*, actor: User, case: ProtectionCase, user: User, request=None) -> CaseAssignment:
    """Assign ``user`` to ``case``: a manager's or the case's supervisor's act.

    Reading a case (assigned, or through break-the-glass) never grants the right to assign
    anyone, oneself included: emergency access must stay time-limited and reviewable.
    """
    _check_assignable(user, case.kind)
    if not may_assign(actor, case):
        raise PermissionDenied
    return _assign(actor=actor, case=case, user=user, request=request)


def _assign(*, actor: User, case: ProtectionCase, user: User, request=None) -> CaseAssignment:
    """The assignment itself; opening or taking a case assigns its first owner through here."""
    _check_assignable(user, case.kind)
    existing = case.assignments.filter(user=user, ended_at__isnull=True).first()
    if existing:
        return existing
    assignment = _save(CaseAssignment(case=case, user=user, assigned_by=actor))
    _audit(
        actor=actor,
        action="protection.case_assign",
        obj=case,
        case=case,
        new={"assigned": user.username},
        request=request,
    )
    return assignment


@transaction.atomic
def case_unassign(*, actor: User, case: ProtectionCase, user: User, request=None) -> None:
    live = case.assignments.filter(ended_at__isnull=True)
    if not live.filter(user=user).exists():
        raise ValidationError(_("This user is not assigned to the case."))
    if live.count() == 1:
        raise ValidationError(_("Assign someone else first: a case always has someone responsible."))
    live.filter(user=user).update(ended_at=timezone.now())
    _audit(
        actor=actor,
        action="protection.case_unassign",
        obj=case,
        case=case,
        old={"assigned": user.username},
        new={},
        request=request,
    )


@transaction.atomic
def case_set_status(
    *, actor: User, case: ProtectionCase, status: str, reason: str = "", request=None
) -> ProtectionCase:
    """Move a case along ``ProtectionCase.TRANSITIONS``; refuses illegal moves and records each change.

    A minor's case cannot close without a recorded handover.
    """
    case = ProtectionCase.objects.select_for_update().get(pk=case.pk)
    old = case.status
    if status not in case.TRANSITIONS.get(old, set()):
        raise ValidationError(
            {"status": _("A case cannot move from %(old)s to %(new)s.") % {"old": old, "new": status}}
        )
    closing = status in (ProtectionCase.Status.CLOSED, ProtectionCase.Status.CLOSED_REFERRED)
    if (
        closing
        and case.kind == CaseKind.MINOR
        and not case.custody_events.filter(stage__in=CustodyEvent.HANDOVERS).exists()
    ):
        raise ValidationError({"status": _("A minor's case cannot close without a recorded handover.")})
    case.status = status
    case.closed_at = timezone.now() if closing else None
    if closing:
        case.closure_reason = reason.strip()
    _save(case)
    CaseStatusChange.objects.create(case=case, old=old, new=status, by=actor)
    _audit(
        actor=actor,
        action="protection.case_status",
        obj=case,
        case=case,
        old={"status": old},
        new={"status": status, "closure_reason": "[sealed]" if closing and reason else ""},
        request=request,
    )
    return case


@transaction.atomic
def note_add(*, actor: User, case: ProtectionCase, text: str, request=None) -> CaseNote:
    note = _save(CaseNote(case=case, text=text.strip(), author=actor))
    _audit(actor=actor, action="protection.note_add", obj=note, case=case, request=request)
    return note


@transaction.atomic
def case_consent_record(
    *,
    actor: User,
    case: ProtectionCase,
    purpose: str,
    given: bool,
    given_by: str = Consent.GivenBy.SELF,
    guardian_name: str = "",
    request=None,
) -> Consent:
    """Record consent for one purpose of this case (protection, psychosocial care, sharing).

    It is sealed with the case: only the case's readers see it (never reception or partners).
    """
    if purpose not in (Consent.Purpose.PROTECTION, Consent.Purpose.PSYCHOSOCIAL, Consent.Purpose.SHARE_WITH_PARTNERS):
        raise ValidationError({"purpose": _("Not a purpose of a protection case.")})
    return consent_record(
        actor=actor,
        person=case.person,
        purpose=purpose,
        given=given,
        given_by=given_by,
        guardian_name=guardian_name,
        sealed=True,
        request=request,
    )


# --- Psychosocial care -------------------------------------------------------------------------


@transaction.atomic
def assessment_record(
    *,
    actor: User,
    case: ProtectionCase,
    distress: str,
    risk_to_self: str,
    needs: list[str],
    observations: str = "",
    request=None,
) -> PsychosocialAssessment:
    unknown = set(needs) - set(PsychosocialAssessment.Need.values)
    if unknown:
        raise ValidationError({"needs": _("Unknown need: %(need)s") % {"need": ", ".join(sorted(unknown))}})
    row = _save(
        PsychosocialAssessment(
            case=case,
            by=actor,
            distress=distress,
            risk_to_self=risk_to_self,
            needs=list(needs),
            observations=observations.strip(),
        )
    )
    _audit(actor=actor, action="protection.assessment_record", obj=row, case=case, request=request)
    return row


@transaction.atomic
def session_record(
    *,
    actor: User,
    case: ProtectionCase,
    kind: str,
    duration_minutes: int,
    notes: str = "",
    at: datetime.datetime | None = None,
    request=None,
) -> PsychosocialSession:
    row = _save(
        PsychosocialSession(
            case=case,
            by=actor,
            kind=kind,
            duration_minutes=duration_minutes,
            notes=notes.strip(),
            at=at or timezone.now(),
        )
    )
    _audit(actor=actor, action="protection.session_record", obj=row, case=case, request=request)
    return row


@transaction.atomic
def health_referral_create(
    *,
    actor: User,
    case: ProtectionCase,
    destination: str,
    organisation: Organisation | None = None,
    reason: str = "",
    request=None,
) -> HealthReferral:
    if destination == HealthReferral.Destination.OTHER and organisation is None:
        raise ValidationError({"organisation": _("Choose the partner for an 'other' referral.")})
    row = _save(
        HealthReferral(case=case, by=actor, destination=destination, organisation=organisation, reason=reason.strip())
    )
    _audit(actor=actor, action="protection.health_referral_create", obj=row, case=case, request=request)
    return row


@transaction.atomic
def health_referral_outcome(
    *, actor: User, referral: HealthReferral, outcome: str, note: str = "", request=None
) -> HealthReferral:
    old = referral.outcome
    referral.outcome = outcome
    referral.outcome_note = note.strip()
    referral.outcome_at = timezone.now()
    _save(referral)
    _audit(
        actor=actor,
        action="protection.health_referral_outcome",
        obj=referral,
        case=referral.case,
        old={"outcome": old},
        new={"outcome": outcome},
        request=request,
    )
    return referral


@transaction.atomic
def follow_up_plan_save(
    *, actor: User, case: ProtectionCase, goals: str, next_review_on: datetime.date, every_weeks: int = 4, request=None
) -> FollowUpPlan:
    plan = FollowUpPlan.objects.filter(case=case).first() or FollowUpPlan(case=case)
    plan.goals, plan.next_review_on, plan.every_weeks = goals.strip(), next_review_on, every_weeks
    plan.updated_at, plan.updated_by = timezone.now(), actor
    _save(plan)
    _audit(actor=actor, action="protection.follow_up_plan_save", obj=plan, case=case, request=request)
    return plan


# --- Trafficking identification ------------------------------------------------------------------


@transaction.atomic
def identification_start(*, actor: User, case: ProtectionCase, request=None) -> Identification:
    """Start (or resume) the protocol: an unfinished run is resumed, never duplicated."""
    if case.kind != CaseKind.TRAFFICKING:
        raise ValidationError(_("The identification protocol belongs to a trafficking case."))
    running = case.identifications.filter(result=Identification.Result.PENDING).first()
    if running:
        return running
    row = _save(Identification(case=case, started_by=actor))
    _audit(actor=actor, action="protection.identification_start", obj=row, case=case, request=request)
    return row


@transaction.atomic
def identification_save_answers(
    *, actor: User, identification: Identification, answers: dict[str, str], request=None
) -> Identification:
    """Save the answers given so far (partial answers are kept: the interview may stop any time)."""
    identification = Identification.objects.select_for_update().get(pk=identification.pk)
    if identification.result != Identification.Result.PENDING:
        raise ValidationError(_("This identification is concluded; start a new one to record more."))
    errors = {code: _("Unknown indicator.") for code in answers if code not in protocol.INDICATOR_BY_CODE}
    errors |= {
        code: _("Not an allowed answer.") for code, v in answers.items() if v and v not in protocol.ANSWER_VALUES
    }
    if errors:
        raise ValidationError(errors)
    merged = identification.answers
    merged.update({code: value for code, value in answers.items() if value})
    identification.answers = merged
    identification.updated_at = timezone.now()
    _save(identification)
    _audit(
        actor=actor,
        action="protection.identification_answers",
        obj=identification,
        case=identification.case,
        new={"answered": protocol.answered_count(merged)},
        request=request,
    )
    return identification


@transaction.atomic
def identification_conclude(
    *,
    actor: User,
    identification: Identification,
    result: str,
    authority: str = "",
    authority_name: str = "",
    request=None,
) -> Identification:
    """Record the result and who decided. 'Confirmed' needs the competent authority that confirmed it."""
    identification = Identification.objects.select_for_update().get(pk=identification.pk)
    if identification.result != Identification.Result.PENDING:
        raise ValidationError(_("This identification is already concluded."))
    if result == Identification.Result.PENDING:
        raise ValidationError({"result": _("Choose a result.")})
    if result == Identification.Result.CONFIRMED and not (authority and authority_name.strip()):
        raise ValidationError({"authority": _("A confirmation names the competent authority that decided.")})
    identification.result = result
    identification.authority = authority
    identification.authority_name = authority_name.strip()
    identification.decided_by = actor
    identification.decided_at = timezone.now()
    _save(identification)
    _audit(
        actor=actor,
        action="protection.identification_conclude",
        obj=identification,
        case=identification.case,
        new={"result": result, "authority": authority},
        request=request,
    )
    return identification


# --- Victim case -----------------------------------------------------------------------------------


@transaction.atomic
def risk_assessment_record(
    *, actor: User, case: ProtectionCase, level: str, risk_factors: str = "", safety_plan: str = "", request=None
) -> RiskAssessment:
    row = _save(
        RiskAssessment(
            case=case, by=actor, level=level, risk_factors=risk_factors.strip(), safety_plan=safety_plan.strip()
        )
    )
    _audit(actor=actor, action="protection.risk_assessment_record", obj=row, case=case, request=request)
    return row


@transaction.atomic
def support_service_add(
    *,
    actor: User,
    case: ProtectionCase,
    type: str,
    started_on: datetime.date,
    description: str = "",
    planned_end_on: datetime.date | None = None,
    request=None,
) -> SupportService:
    row = _save(
        SupportService(
            case=case,
            by=actor,
            type=type,
            started_on=started_on,
            description=description.strip(),
            planned_end_on=planned_end_on,
        )
    )
    _audit(actor=actor, action="protection.support_service_add", obj=row, case=case, request=request)
    return row


@transaction.atomic
def shelter_referral_create(
    *,
    actor: User,
    case: ProtectionCase,
    organisation: Organisation,
    shared_sections: list[str],
    consent_given: bool,
    request=None,
) -> ShelterReferral:
    """Refer to a specialised shelter. Sharing sections needs the person's consent, recorded here."""
    unknown = set(shared_sections) - set(ShelterReferral.Section.values)
    if unknown:
        raise ValidationError({"shared_sections": _("Unknown section.")})
    if organisation.kind not in (Organisation.Kind.SHELTER, Organisation.Kind.CIVIL_SOCIETY):
        raise ValidationError({"organisation": _("Choose a shelter or civil-society organisation.")})
    consent = None
    if shared_sections or consent_given:
        consent = consent_record(
            actor=actor,
            person=case.person,
            purpose=Consent.Purpose.SHARE_WITH_PARTNERS,
            given=consent_given,
            note=f"shelter referral, case #{case.pk}",
            sealed=True,
            request=request,
        )
        if not consent_given:
            shared_sections = []
    row = _save(
        ShelterReferral(
            case=case, by=actor, organisation=organisation, shared_sections=list(shared_sections), consent=consent
        )
    )
    row.referral = _partner_referral(actor=actor, case=case, organisation=organisation, request=request)
    if row.referral is not None:
        row.save(update_fields=["referral"])
    _audit(actor=actor, action="protection.shelter_referral_create", obj=row, case=case, request=request)
    return row


def _partner_referral(*, actor: User, case: ProtectionCase, organisation: Organisation, request=None):
    """The referral the shelter sees in its inbox and among its expected arrivals, or None.

    None when the organisation runs no shelter in the partner directory or the person has not
    consented to share their data with partners. Tier 1 only (name, sex, age, languages) under the person's consent to share with partners;
    nothing of the case. The bed type follows the case: trafficking victims, minors.
    """
    from retorno.referrals.actions import referral_create
    from retorno.referrals.models import DEFAULT_SHELTER_FIELDS, Partner, Service
    from retorno.referrals.queries import free_beds

    partner = Partner.objects.filter(organisation=organisation, is_active=True).first()
    bed_type = {CaseKind.TRAFFICKING: "trafficking", CaseKind.MINOR: "minors"}.get(case.kind, "adults")
    shelters = list(partner.shelters.filter(is_active=True)) if partner else []
    shelters.sort(key=lambda s: (-free_beds(s, bed_type), s.name))
    consent = consents_in_force(person=case.person).get(Consent.Purpose.SHARE_WITH_PARTNERS)
    if not shelters or consent is None or not consent.given:
        return None  # the case page says why the shelter cannot see it in its inbox
    return referral_create(
        actor=actor,
        person=case.person,
        partner=partner,
        service=Service.SHELTER,
        purpose=gettext_noop("Specialised shelter"),
        shared_fields=list(DEFAULT_SHELTER_FIELDS),
        shelter=shelters[0],
        expected_at=timezone.now(),
        request=request,
    )


@transaction.atomic
def shelter_referral_update(
    *, actor: User, referral: ShelterReferral, status: str | None = None, revoke_sharing: bool = False, request=None
) -> ShelterReferral:
    old = snapshot(referral, ["status", "revoked_at"])
    if status:
        referral.status = status
    if revoke_sharing and referral.revoked_at is None:
        referral.revoked_at = timezone.now()
    _save(referral)
    _audit(
        actor=actor,
        action="protection.shelter_referral_update",
        obj=referral,
        case=referral.case,
        old=old,
        new=snapshot(referral, ["status", "revoked_at"]),
        request=request,
    )
    return referral


@transaction.atomic
def legal_case_open(
    *,
    actor: User,
    case: ProtectionCase,
    complaint_number: str,
    prosecutor_office: str,
    filed_on: datetime.date,
    prosecutor: str = "",
    witness_protection: bool = False,
    witness_protection_note: str = "",
    request=None,
) -> LegalCase:
    """Record the complaint filed with the Public Prosecutor's Office (status: complaint filed)."""
    if case.kind != CaseKind.TRAFFICKING:
        raise ValidationError(_("Only a trafficking victim case goes to the prosecutor from here."))
    if LegalCase.objects.filter(case=case).exists():
        raise ValidationError(_("This case already has a legal case."))
    legal = _save(
        LegalCase(
            case=case,
            complaint_number=complaint_number.strip(),
            prosecutor_office=prosecutor_office.strip(),
            prosecutor_office_org=organisation_for_name(Organisation, prosecutor_office),
            prosecutor=prosecutor.strip(),
            filed_on=filed_on,
            witness_protection=witness_protection,
            witness_protection_note=witness_protection_note.strip(),
            created_by=actor,
        )
    )
    LegalStatusChange.objects.create(legal_case=legal, old="", new=legal.status, on=filed_on, by=actor)
    _audit(actor=actor, action="protection.legal_case_open", obj=legal, case=case, request=request)
    return legal


@transaction.atomic
def legal_case_set_status(
    *, actor: User, legal_case: LegalCase, status: str, on: datetime.date, request=None
) -> LegalCase:
    """Move the legal case along ``LegalCase.TRANSITIONS``; refuses illegal moves, records each change with its date."""
    legal = LegalCase.objects.select_for_update().get(pk=legal_case.pk)
    old = legal.status
    if status not in legal.TRANSITIONS.get(old, set()):
        raise ValidationError(
            {"status": _("A legal case cannot move from %(old)s to %(new)s.") % {"old": old, "new": status}}
        )
    last = legal.changes.order_by("-on").first()
    if last and on < last.on:
        raise ValidationError(
            {"on": _("The date is before the previous step (%(date)s).") % {"date": last.on.isoformat()}}
        )
    legal.status = status
    _save(legal)
    LegalStatusChange.objects.create(legal_case=legal, old=old, new=status, on=on, by=actor)
    _audit(
        actor=actor,
        action="protection.legal_case_status",
        obj=legal,
        case=legal.case,
        old={"status": old},
        new={"status": status, "on": on},
        request=request,
    )
    return legal


@transaction.atomic
def legal_case_update(
    *,
    actor: User,
    legal_case: LegalCase,
    prosecutor: str | None = None,
    witness_protection: bool | None = None,
    witness_protection_note: str | None = None,
    request=None,
) -> LegalCase:
    if prosecutor is not None:
        legal_case.prosecutor = prosecutor.strip()
    if witness_protection is not None:
        legal_case.witness_protection = witness_protection
    if witness_protection_note is not None:
        legal_case.witness_protection_note = witness_protection_note.strip()
    _save(legal_case)
    _audit(actor=actor, action="protection.legal_case_update", obj=legal_case, case=legal_case.case, request=request)
    return legal_case


# --- Unaccompanied minors ---------------------------------------------------------------------------


@transaction.atomic
def custody_record(
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
    request=None,
) -> CustodyEvent:
    """Add the next link of a minor's chain of custody; a handover must be verified and authorised."""
    if case.kind != CaseKind.MINOR:
        raise ValidationError(_("The chain of custody belongs to an unaccompanied minor's case."))
    last = case.custody_events.order_by("-at", "-id").first()
    if stage not in CustodyEvent.NEXT[last.stage if last else None]:
        raise ValidationError({"stage": _("This step cannot follow the last one recorded.")})
    errors = {}
    if stage == CustodyEvent.Stage.HANDOVER_GUARDIAN:
        if not guardian_name.strip():
            errors["guardian_name"] = _("Name the parent or guardian.")
        if not relationship:
            errors["relationship"] = _("Record the relationship to the minor.")
        if not document_checked or not document_number.strip():
            errors["document_number"] = _("Check the guardian's identity document and record its number.")
    if stage in CustodyEvent.HANDOVERS and not authorised_by.strip():
        errors["authorised_by"] = _("Record who authorised the handover.")
    if stage == CustodyEvent.Stage.HANDOVER_PGN and organisation is None:
        errors["organisation"] = _("Choose the PGN office receiving the minor.")
    if organisation is not None and organisation.kind not in CustodyEvent.ORGANISATION_KINDS:
        errors["organisation"] = _("Choose a shelter, public body or civil-society organisation.")
    if errors:
        raise ValidationError(errors)
    event = _save(
        CustodyEvent(
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
        )
    )
    _audit(actor=actor, action="protection.custody_record", obj=event, case=case, request=request)
    return event


@transaction.atomic
def tracing_add(
    *, actor: User, case: ProtectionCase, method: str, outcome: str, notes: str = "", request=None
) -> FamilyTracingEntry:
    row = _save(FamilyTracingEntry(case=case, by=actor, method=method, outcome=outcome, notes=notes.strip()))
    _audit(actor=actor, action="protection.tracing_add", obj=row, case=case, request=request)
    return row


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
    row = _save(
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
    _audit(actor=actor, action="protection.best_interest_record", obj=row, case=case, request=request)
    return row


# --- Break the glass --------------------------------------------------------------------------------


def _notify(*, user: User, message: str, url: str, about: User | None = None) -> None:
    """The in-app notice is the record; the email is queued and leaves after commit, by the worker
    (a slow or failing mail server never holds up or undoes the access trail)."""
    from django.conf import settings

    from retorno.messaging.actions import MessageSpec, message_queue

    Notification.objects.create(user=user, message=message, url=url)
    if user.email:
        actor_name = (about.get_full_name() or about.username) if about is not None else ""
        message_queue(
            actor=about,
            spec=MessageSpec(
                channel="email",
                template="security.break_glass",
                recipient=user.email,
                params={"user": actor_name, "link": settings.SITE_URL + url},
                language="es",
            ),
        )


@transaction.atomic
def break_glass_open(
    *, actor: User, case: ProtectionCase, reason: str, now: datetime.datetime | None = None, request=None
) -> BreakGlassAccess:
    """Open an unassigned case in an emergency, for PROTECTION_BREAK_GLASS_HOURS; notifies the supervisor."""
    if not can(actor, "protection.break_glass") or not (
        may_hold(actor, case.kind) or can(actor, "protection.oversight")
    ):
        raise PermissionDenied
    reason = reason.strip()
    if len(reason) < 10:
        raise ValidationError({"reason": _("State the reason for the emergency access (at least 10 characters).")})
    now = now or timezone.now()
    access = _save(
        BreakGlassAccess(
            case=case,
            user=actor,
            reason=reason,
            granted_at=now,
            expires_at=now + datetime.timedelta(hours=break_glass_hours()),
        )
    )
    audit_event(
        actor=actor,
        kind=AuditEvent.Kind.BREAK_GLASS,
        action="protection.break_glass",
        obj=case,
        person_id=case.person_id,
        section="break_glass",
        reason=reason,
        request=request,
        detail={"access_id": access.pk, "expires_at": access.expires_at},
    )
    recipients = (
        [actor.supervisor]
        if actor.supervisor_id and actor.supervisor.is_active
        else [
            u
            for u in User.objects.filter(is_active=True)
            if can(u, "protection.review_break_glass") and u.pk != actor.pk
        ]
    )
    message = _("%(user)s used emergency access to protection case #%(case)s.") % {
        "user": actor.username,
        "case": case.pk,
    }
    url = reverse("protection:break_glass_queue")
    for recipient in recipients:
        _notify(user=recipient, message=message, url=url, about=actor)
    return access


@transaction.atomic
def break_glass_review(
    *, actor: User, access: BreakGlassAccess, outcome: str, note: str = "", request=None
) -> BreakGlassAccess:
    """Review an emergency access; "not justified" also ends it at once if it is still live."""
    if access.user_id == actor.pk:
        raise ValidationError(_("Nobody reviews their own emergency access."))
    if access.reviewed_at:
        raise ValidationError(_("This access has already been reviewed."))
    now = timezone.now()
    access.outcome, access.review_note = outcome, note.strip()
    access.reviewed_by, access.reviewed_at = actor, now
    ended = outcome == BreakGlassAccess.Outcome.NOT_JUSTIFIED and access.expires_at > now
    if ended:
        access.expires_at = now  # an unjustified emergency access ends with its review, not at its expiry
    _save(access)
    audit_write(
        actor=actor,
        action="protection.break_glass_review",
        obj=access,
        person_id=access.case.person_id,
        new={"outcome": outcome, "ended_early": ended},
        request=request,
    )
    return access


def notification_mark_read(*, actor: User, notification: Notification) -> None:
    if notification.user_id == actor.pk and notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])


def htcds_export(*, actor: User, fmt: str, request=None) -> tuple[list[dict], str | None]:
    """Victim cases the actor reads in full, as HTCDS 2.0 rows; the export itself is audited.

    Returns (rows, csv_text or None for JSON).
    """
    from retorno.protection import htcds
    from retorno.protection.queries import cases_readable_by

    if not can(actor, "protection.export_htcds"):
        raise PermissionDenied
    if fmt not in ("csv", "json"):
        raise ValidationError({"format": _("Choose csv or json.")})
    cases = htcds.victim_cases(cases_readable_by(actor))
    rows = [htcds.case_row(case) for case in cases]
    audit_event(
        actor=actor,
        kind=AuditEvent.Kind.EXPORT,
        action="protection.htcds_export",
        section="protection.htcds",
        request=request,
        detail={"format": fmt, "count": len(rows), "case_ids": [c.pk for c in cases]},
    )
    for case in cases:
        audit_event(
            actor=actor,
            kind=AuditEvent.Kind.EXPORT,
            action="protection.htcds_export",
            obj=case,
            person_id=case.person_id,
            section="protection.htcds",
            request=request,
        )
    return rows, (htcds.as_csv(rows) if fmt == "csv" else None)
