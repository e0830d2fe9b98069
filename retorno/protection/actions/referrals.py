"""Referrals: into protection (reception's flag), to health services, to specialised shelters."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from retorno.accounts.access import require
from retorno.accounts.models import Organisation, User
from retorno.audit.actions import audit_write, snapshot
from retorno.people.actions import consent_record
from retorno.people.models import Consent, Person
from retorno.people.queries import consents_in_force
from retorno.protection.actions.cases import case_open
from retorno.protection.actions.common import case_audit, full_save, require_case_writer
from retorno.protection.audit_actions import AuditAction
from retorno.protection.models import CaseKind, HealthReferral, ProtectionCase, ProtectionReferral, ShelterReferral


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
    referral = full_save(
        ProtectionReferral(
            person=person, arrival_id=arrival_id, unaccompanied_minor=unaccompanied_minor, received_from=actor
        )
    )
    audit_write(
        actor=actor,
        action=AuditAction.REFERRAL_RECEIVE,
        obj=referral,
        person_id=person.pk,
        new={"arrival_id": arrival_id, "unaccompanied_minor": unaccompanied_minor},
        request=request,
    )
    return referral


@transaction.atomic
def referral_take(
    *, actor: User, referral: ProtectionReferral, kind: str | None = None, assignee: User | None = None, request=None
) -> ProtectionCase:
    """Take a waiting referral: open its case (a minor's case for an unaccompanied minor)."""
    require(actor, "protection.queue")
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
        action=AuditAction.REFERRAL_TAKE,
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
def health_referral_create(
    *,
    actor: User,
    case: ProtectionCase,
    destination: str,
    organisation: Organisation | None = None,
    reason: str = "",
    request=None,
) -> HealthReferral:
    require_case_writer(actor, case)
    if destination == HealthReferral.Destination.OTHER and organisation is None:
        raise ValidationError({"organisation": _("Choose the partner for an 'other' referral.")})
    row = full_save(
        HealthReferral(case=case, by=actor, destination=destination, organisation=organisation, reason=reason.strip())
    )
    case_audit(actor=actor, action=AuditAction.HEALTH_REFERRAL_CREATE, obj=row, case=case, request=request)
    return row


@transaction.atomic
def health_referral_outcome(
    *, actor: User, referral: HealthReferral, outcome: str, note: str = "", request=None
) -> HealthReferral:
    require_case_writer(actor, referral.case)
    old = referral.outcome
    referral.outcome = outcome
    referral.outcome_note = note.strip()
    referral.outcome_at = timezone.now()
    full_save(referral)
    case_audit(
        actor=actor,
        action=AuditAction.HEALTH_REFERRAL_OUTCOME,
        obj=referral,
        case=referral.case,
        old={"outcome": old},
        new={"outcome": outcome},
        request=request,
    )
    return referral


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
    require_case_writer(actor, case)
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
    row = full_save(
        ShelterReferral(
            case=case, by=actor, organisation=organisation, shared_sections=list(shared_sections), consent=consent
        )
    )
    row.referral = _partner_referral(actor=actor, case=case, organisation=organisation, request=request)
    if row.referral is not None:
        row.save(update_fields=["referral"])
    case_audit(actor=actor, action=AuditAction.SHELTER_REFERRAL_CREATE, obj=row, case=case, request=request)
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
    require_case_writer(actor, referral.case)
    old = snapshot(referral, ["status", "revoked_at"])
    if status:
        referral.status = status
    if revoke_sharing and referral.revoked_at is None:
        referral.revoked_at = timezone.now()
    full_save(referral)
    case_audit(
        actor=actor,
        action=AuditAction.SHELTER_REFERRAL_UPDATE,
        obj=referral,
        case=referral.case,
        old=old,
        new=snapshot(referral, ["status", "revoked_at"]),
        request=request,
    )
    return referral
