"""Referrals: into protection (reception's flag), to health services, to specialised shelters."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from retorno.accounts.access import require
from retorno.accounts.directory import require_kind
from retorno.accounts.models import Organisation, User
from retorno.audit.actions import audit_write, snapshot
from retorno.people.actions import consent_record
from retorno.people.models import Consent, Person
from retorno.people.queries import consents_in_force
from retorno.protection.actions.cases import case_open
from retorno.protection.actions.common import case_audit, full_save, require_case_writer
from retorno.protection.audit_actions import AuditAction
from retorno.protection.models import CaseKind, HealthReferral, ProtectionCase, ProtectionReferral, ShelterReferral
from retorno.protection.models.referrals import HEALTH_FACILITIES
from retorno.referrals.actions import partner_for_referral, referral_create, referral_set_status
from retorno.referrals.models import DEFAULT_SHELTER_FIELDS, NEEDS_REASON, Referral, Service
from retorno.referrals.queries import free_beds


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


def health_facility(*, actor: User, destination: str, organisation: Organisation | None, request=None):
    """The facility a health referral goes to: the organisation chosen, or the directory's entry for a
    usual destination (added, of kind health, on first use)."""
    if organisation is not None:
        return organisation
    slug, name = HEALTH_FACILITIES[destination]
    facility = Organisation.objects.filter(slug=slug).first() or Organisation.objects.filter(name=name).first()
    if facility is None:
        facility = Organisation(slug=slug, name=name, kind=Organisation.Kind.HEALTH)
        facility.full_clean()
        facility.save()
        audit_write(
            actor=actor,
            action=AuditAction.HEALTH_FACILITY_CREATE,
            obj=facility,
            new=snapshot(facility, ["slug", "name", "kind"]),
            request=request,
        )
    return facility


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
    """Refer the person to a health facility: one sealed referral to the facility's partner profile.

    It shares nothing of the person (the partner sees that someone is referred for health care);
    the reason stays in the case, encrypted.
    """
    require_case_writer(actor, case)
    if destination == HealthReferral.Destination.OTHER and organisation is None:
        raise ValidationError({"organisation": _("Choose the partner for an 'other' referral.")})
    require_kind(organisation, kinds=HealthReferral.PARTNER_KINDS, field="organisation")
    facility = health_facility(actor=actor, destination=destination, organisation=organisation, request=request)
    partner = partner_for_referral(actor=actor, organisation=facility, service=Service.HEALTH, request=request)
    referral = referral_create(
        actor=actor,
        person=case.person,
        partner=partner,
        service=Service.HEALTH,
        purpose=gettext_noop("Health care"),
        shared_fields=[],
        sealed=True,
        request=request,
    )
    row = full_save(
        HealthReferral(
            referral=referral,
            case=case,
            by=actor,
            destination=destination,
            organisation=organisation,
            reason=reason.strip(),
        )
    )
    case_audit(actor=actor, action=AuditAction.HEALTH_REFERRAL_CREATE, obj=row, case=case, request=request)
    return row


# What a health referral's referral records as the reason when it fails: the notes stay in the case.
SEALED_REASON = gettext_noop("Recorded by the protection team; the notes stay in the case.")


@transaction.atomic
def health_referral_outcome(
    *, actor: User, referral: HealthReferral, outcome: str, note: str = "", request=None
) -> HealthReferral:
    """Record a health referral's outcome: a move of its referral (attended: accepted then completed,
    did not attend: accepted then no-show, declined: rejected, withdrawn: revoked), with the notes
    kept in the case."""
    require_case_writer(actor, referral.case)
    old = referral.outcome
    shared = referral.referral
    if outcome != old:
        target = HealthReferral.OUTCOME_STATUS.get(outcome)
        if target is None:  # back to waiting: the referral cannot go back
            raise ValidationError({"outcome": _("An outcome once recorded cannot go back to waiting.")})
        moves = [target]
        needs_acceptance = target in (Referral.Status.COMPLETED, Referral.Status.NO_SHOW)
        if needs_acceptance and shared.status == Referral.Status.PENDING:
            moves = [Referral.Status.ACCEPTED, target]
        for status in moves:
            reason = SEALED_REASON if status in NEEDS_REASON else ""
            shared = referral_set_status(actor=actor, referral=shared, status=status, reason=reason, request=request)
        referral.referral = shared
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
    """Refer to a specialised shelter: one sealed referral the shelter answers in its inbox.

    Sharing sections of the case needs the person's consent, recorded here (inside the case). The
    referral goes to the organisation's partner profile (added, offering shelter, when missing) and,
    when it runs a shelter in the directory, to the one with most free beds of the case's kind, so
    the person is among that shelter's expected arrivals. Tier 1 only, and only under the person's
    consent to share with partners recorded outside protection (a consent recorded in the sealed
    case never opens tier-1 data): without it the shelter sees that someone is referred, not who.
    """
    require_case_writer(actor, case)
    unknown = set(shared_sections) - set(ShelterReferral.Section.values)
    if unknown:
        raise ValidationError({"shared_sections": _("Unknown section.")})
    require_kind(organisation, kinds=ShelterReferral.ORGANISATION_KINDS, field="organisation")
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
            referral=_shelter_referral(actor=actor, case=case, organisation=organisation, request=request),
            case=case,
            by=actor,
            organisation=organisation,
            shared_sections=list(shared_sections),
            consent=consent,
        )
    )
    case_audit(actor=actor, action=AuditAction.SHELTER_REFERRAL_CREATE, obj=row, case=case, request=request)
    return row


def _shelter_referral(*, actor: User, case: ProtectionCase, organisation: Organisation, request=None):
    """The sealed referral the shelter sees in its inbox and, with a shelter, among its expected arrivals.

    The bed type follows the case: trafficking victims, minors.
    """
    partner = partner_for_referral(actor=actor, organisation=organisation, service=Service.SHELTER, request=request)
    bed_type = {CaseKind.TRAFFICKING: "trafficking", CaseKind.MINOR: "minors"}.get(case.kind, "adults")
    shelters = sorted(partner.shelters.filter(is_active=True), key=lambda s: (-free_beds(s, bed_type), s.name))
    consent = consents_in_force(person=case.person).get(Consent.Purpose.SHARE_WITH_PARTNERS)
    shares = consent is not None and consent.given
    return referral_create(
        actor=actor,
        person=case.person,
        partner=partner,
        service=Service.SHELTER,
        purpose=gettext_noop("Specialised shelter"),
        shared_fields=list(DEFAULT_SHELTER_FIELDS) if shares else [],
        shelter=shelters[0] if shelters else None,
        expected_at=timezone.now(),
        sealed=True,
        request=request,
    )


@transaction.atomic
def shelter_referral_update(
    *, actor: User, referral: ShelterReferral, status: str | None = None, revoke_sharing: bool = False, request=None
) -> ShelterReferral:
    """Record the shelter's answer given by phone (``status``: a referral status) or stop sharing the
    case's sections with it (``revoke_sharing``)."""
    require_case_writer(actor, referral.case)
    if status:
        referral_set_status(actor=actor, referral=referral.referral, status=status, request=request)
    old = snapshot(referral, ["revoked_at"])
    if revoke_sharing and referral.revoked_at is None:
        referral.revoked_at = timezone.now()
        full_save(referral)
        case_audit(
            actor=actor,
            action=AuditAction.SHELTER_REFERRAL_UPDATE,
            obj=referral,
            case=referral.case,
            old=old,
            new=snapshot(referral, ["revoked_at"]),
            request=request,
        )
    return referral
