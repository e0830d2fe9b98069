"""At the airport: check-in, walk-ins, no-shows, triage, services given, protection handover."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from retorno.accounts.access import can, require
from retorno.accounts.models import User
from retorno.audit.actions import audit_write, changes, snapshot
from retorno.lib.workflow import illegal_transition, transition, transition_in_atomic
from retorno.people.actions import consent_record, contact_add, person_create
from retorno.people.models import Consent, Contact, Person
from retorno.reception import hooks
from retorno.reception.actions.work import work_items_sync
from retorno.reception.audit_actions import AuditAction
from retorno.reception.matching import linked_person_is_free, person_on_flight
from retorno.reception.models import Arrival, Flight, ServiceGiven, Triage, TriageNeed

SEX_FROM_MANIFEST = {"M": "M", "F": "F"}

# Check-in is the desk's hot path (a flight of 135, one after another) and already one transaction
# (``arrival_check_in`` is atomic): it calls the mover without the mover's own savepoint, so a
# check-in makes exactly the queries it made before the workflow module (the benchmark counts them).
_transition_in_this_transaction = transition_in_atomic


def _require_reception_open(flight: Flight) -> None:
    if flight.status != Flight.Status.RECEPTION_OPEN:
        raise ValidationError(_("Reception of this flight is not open."))


def _return_number(person: Person, flight: Flight) -> int:
    earlier = Arrival.objects.filter(person=person, status__in=Arrival.PRESENT).exclude(flight=flight).count()
    return earlier + 1


def _after_arrival(*, actor: User, arrival: Arrival, request) -> None:
    """What every arrival sets in motion elsewhere: its follow-ups, and re-migration noticed."""
    hooks.arrival_followed(
        actor=actor,
        person=arrival.person,
        arrived_on=timezone.localdate(arrival.checked_in_at),
        arrival_id=arrival.pk,
        request=request,
    )


def _after_triage(*, actor: User, arrival: Arrival, triage: Triage, before: dict, request) -> None:
    """Hand what triage found to the teams that act on it.

    A protection flag puts the person in the protection queue (no reason travels with it); a
    shelter need becomes a referral to a shelter when the person agreed to share their data
    with partners (otherwise the officer refers them from the referrals page after asking).
    """
    from retorno.people.queries import has_consent
    from retorno.referrals.actions import shelter_referral_from_reception

    if triage.refer_to_protection and not before.get("refer_to_protection"):
        hooks.protection_referral(
            actor=actor,
            person=arrival.person,
            arrival=arrival,
            unaccompanied_minor=triage.unaccompanied_minor,
            request=request,
        )
    wants_shelter = triage.shelter and not before.get("shelter") and not triage.unaccompanied_minor
    if wants_shelter and has_consent(person=arrival.person, purpose=Consent.Purpose.SHARE_WITH_PARTNERS):
        try:
            with transaction.atomic():
                shelter_referral_from_reception(actor=actor, person=arrival.person, arrival=arrival, request=request)
        except ValidationError:
            pass  # no shelter has a free bed of that type: the flight page shows the unmet need


def _person_from_manifest(*, actor: User, arrival: Arrival, request) -> Person:
    """Register the manifest's passenger in the registry, as the manifest names them."""
    values = arrival.manifest_row.values
    birth = values.get("birth_date")
    precision = {"day": "exact", "month": "month", "year": "year"}.get(
        values.get("birth_date_precision") or "day", "exact"
    )
    given = values.get("given_names") or ""
    first = values.get("first_surname") or ""
    if not (given and first):
        words = (values.get("full_name") or "").split()
        given, first = " ".join(words[:-1]) or (words[0] if words else "?"), words[-1] if len(words) > 1 else "?"
    return person_create(
        actor=actor,
        request=request,
        given_names=given[:120],
        first_surname=first[:80],
        second_surname=(values.get("second_surname") or "")[:80],
        sex=SEX_FROM_MANIFEST.get(values.get("sex") or "", "U"),
        birth_date=datetime.date.fromisoformat(birth) if birth else None,
        birth_date_precision=precision,
        cui=values.get("cui") or "",
    )


@transaction.atomic
def arrival_check_in(
    *, actor: User, arrival: Arrival, person: Person | None = None, request: HttpRequest | None = None
) -> Arrival:
    """Tick off a passenger who arrived: link (or register) the person and number their return.

    ``person`` confirms a registry record; without it the manifest's match is used, or the
    passenger is registered from the manifest's data.
    """
    require(actor, "reception.checkin")
    arrival = (
        Arrival.objects.select_for_update(of=("self",))
        .select_related("flight", "manifest_row", "manifest_row__person")
        .get(pk=arrival.pk)
    )
    _require_reception_open(arrival.flight)
    if not arrival.can_move_to(Arrival.Status.CHECKED_IN):  # before anyone is registered for it
        raise illegal_transition(arrival, Arrival.Status.CHECKED_IN)
    if person is None and arrival.manifest_row_id and linked_person_is_free(arrival):
        person = arrival.manifest_row.person  # just checked: not on this flight yet
    elif person is not None and person_on_flight(arrival.flight_id, person.pk, exclude_arrival=arrival.pk):
        raise ValidationError({"person": _("This person is already on this flight.")})
    if person is None:
        person = _person_from_manifest(actor=actor, arrival=arrival, request=request)
    if arrival.manifest_row_id:
        from retorno.reception.actions.facts import person_fill_from_manifest

        person = person_fill_from_manifest(
            actor=actor, person=person, values=arrival.manifest_row.values, request=request
        )
    # Set here rather than passed as ``fields``, so the audit row keeps naming only the status
    # and the return number; ``transition`` validates and saves them with the status.
    arrival.person = person
    arrival.checked_in_at = timezone.now()
    arrival.checked_in_by = actor
    arrival.return_number = _return_number(person, arrival.flight)
    _transition_in_this_transaction(
        arrival,
        Arrival.Status.CHECKED_IN,
        actor=actor,
        action=AuditAction.ARRIVAL_CHECK_IN,
        person_id=person.pk,
        request=request,
        audit_extra={"return_number": arrival.return_number},
        # Read above under the arrival's lock (the person checked against the flight, the
        # checker the signed-in user): no existence query for each, on the desk's hot path.
        checked=("flight", "manifest_row", "person", "checked_in_by"),
    )
    _after_arrival(actor=actor, arrival=arrival, request=request)
    return arrival


@transaction.atomic
def walk_in_register(
    *, actor: User, flight: Flight, person: Person | None = None, request: HttpRequest | None = None, **person_fields
) -> Arrival:
    """Check in someone who is not on the manifest; ``person_fields`` register them if new."""
    require(actor, "reception.checkin")
    _require_reception_open(flight)
    if person is None:
        require(actor, "person.create")
        person = person_create(actor=actor, request=request, **person_fields)
    elif flight.arrivals.filter(person=person).exists():
        raise ValidationError({"person": _("This person is already on this flight.")})
    arrival = Arrival(
        flight=flight,
        person=person,
        status=Arrival.Status.WALK_IN,
        checked_in_at=timezone.now(),
        checked_in_by=actor,
        return_number=_return_number(person, flight),
    )
    arrival.full_clean()
    arrival.save()
    audit_write(
        actor=actor,
        action=AuditAction.ARRIVAL_WALK_IN,
        obj=arrival,
        person_id=person.pk,
        new={"flight": flight.pk, "return_number": arrival.return_number},
        request=request,
    )
    _after_arrival(actor=actor, arrival=arrival, request=request)
    return arrival


@transaction.atomic
def arrival_mark_no_show(*, actor: User, arrival: Arrival, request: HttpRequest | None = None) -> Arrival:
    """Record that a passenger on the manifest did not arrive."""
    require(actor, "reception.checkin")
    arrival = Arrival.objects.select_for_update(of=("self",)).select_related("flight").get(pk=arrival.pk)
    if arrival.flight.is_closed:
        raise ValidationError(_("The flight is closed."))
    return transition(
        arrival,
        Arrival.Status.NO_SHOW,
        actor=actor,
        action=AuditAction.ARRIVAL_NO_SHOW,
        person_id=arrival.person_id,
        request=request,
    )


TRIAGE_FIELDS = [
    "refreshments",
    "calls_national",
    "calls_international",
    "transport_home",
    "shelter",
    "medical",
    "psychosocial",
    "documents_no_dpi",
    "reintegration_interest",
    "contact_consent",
    "contact_phone",
    "travelling_alone",
    "unaccompanied_minor",
    "refer_to_protection",
]


@transaction.atomic
def triage_record(
    *,
    actor: User,
    arrival: Arrival,
    other_needs: list[TriageNeed] | None = None,
    guardian_name: str | None = None,
    request: HttpRequest | None = None,
    **fields,
) -> Triage:
    """Record (or correct) what an arrival needs.

    A minor travelling without a parent or guardian, or listed so on the manifest, is an
    unaccompanied minor and is referred to protection; once set, only a manager may undo it.
    Referral to protection is a flag only: no reason is asked or kept here. Interest in
    reintegration with consent records a consent decision and the contact phone.

    Only the fields given are changed: ``other_needs=None`` keeps the stored needs and
    ``guardian_name=None`` the guardian on record (a changed guardian records the consent again).
    """
    require(actor, "reception.triage")
    from retorno.reception.queries import arrival_is_minor, triage_guardian_name

    unknown = set(fields) - set(TRIAGE_FIELDS) - {"unaccompanied_minor"}
    if unknown:
        raise TypeError(f"Unknown triage fields: {sorted(unknown)}")
    fields.pop("unaccompanied_minor", None)  # computed, never taken from the caller
    arrival = (
        Arrival.objects.select_for_update(of=("self",))
        .select_related("flight", "person", "manifest_row")
        .get(pk=arrival.pk)
    )
    _require_reception_open(arrival.flight)
    if not arrival.is_present:
        raise ValidationError(_("Only a person who has checked in can be triaged."))
    triage = Triage.objects.filter(arrival=arrival).first()
    before = snapshot(triage, TRIAGE_FIELDS) if triage else {}
    if triage is None:
        triage = Triage(arrival=arrival, triaged_by=actor)
    for name, value in fields.items():
        setattr(triage, name, value)
    minor = arrival_is_minor(arrival)
    listed_alone = bool(arrival.manifest_row_id and arrival.manifest_row.listed_unaccompanied)
    computed = minor and (triage.travelling_alone or listed_alone)
    if before.get("unaccompanied_minor") and not computed and not can(actor, "reception.minor_flag_unset"):
        raise ValidationError({"travelling_alone": _("Only a manager can remove the unaccompanied-minor flag.")})
    triage.unaccompanied_minor = computed
    if triage.unaccompanied_minor:
        triage.refer_to_protection = True
    if before.get("refer_to_protection") and not triage.refer_to_protection and triage.protection_acknowledged_at:
        raise ValidationError({"refer_to_protection": _("Protection has already received this person.")})
    if triage.contact_consent and not triage.reintegration_interest:
        raise ValidationError({"contact_consent": _("Consent to be contacted goes with interest in reintegration.")})
    triage.contact_phone = triage.contact_phone.strip()
    triage.triaged_by = actor
    triage.triaged_at = timezone.now()
    triage.full_clean(exclude=["other_needs"])
    with hooks.arrivals_changing([arrival.pk]):  # the evidence summaries count unaccompanied minors
        triage.save()
    if other_needs is not None:
        triage.other_needs.set(other_needs)
    after = snapshot(triage, TRIAGE_FIELDS)
    newly_consented = triage.contact_consent and not before.get("contact_consent")
    if guardian_name is None:
        guardian_name = triage_guardian_name(arrival)
    elif triage.contact_consent and not newly_consented and guardian_name.strip() != triage_guardian_name(arrival):
        newly_consented = True  # the guardian was corrected: the consent is recorded again, naming them
    if newly_consented:
        consent_record(
            actor=actor,
            person=arrival.person,
            purpose=Consent.Purpose.REINTEGRATION,
            given=True,
            given_by=Consent.GivenBy.GUARDIAN if minor else Consent.GivenBy.SELF,
            guardian_name=guardian_name,
            note=_("Recorded at reception triage"),
            request=request,
        )
    if newly_consented:
        _after_arrival(actor=actor, arrival=arrival, request=request)  # follow-ups, now that they may be contacted
    if triage.contact_phone and not arrival.person.contacts.filter(value=triage.contact_phone).exists():
        contact_add(
            actor=actor, person=arrival.person, kind=Contact.Kind.PHONE, value=triage.contact_phone, request=request
        )
    _after_triage(actor=actor, arrival=arrival, triage=triage, before=before, request=request)
    work_items_sync(actor=actor, arrival=arrival, triage=triage, request=request)
    old, new = changes(before, after)
    audit_write(
        actor=actor,
        action=AuditAction.TRIAGE_RECORD,
        obj=triage,
        person_id=arrival.person_id,
        old=old,
        new=new or after,
        request=request,
    )
    return triage


@transaction.atomic
def protection_acknowledge(*, actor: User, arrival: Arrival, request: HttpRequest | None = None) -> Triage:
    """A protection officer confirms they have received a person referred at reception."""
    require(actor, "reception.protection_acknowledge")
    triage = Triage.objects.select_for_update().filter(arrival=arrival).first()
    if triage is None or not triage.refer_to_protection:
        raise ValidationError(_("This person was not referred to protection."))
    if triage.protection_acknowledged_at:
        return triage
    triage.protection_acknowledged_at = timezone.now()
    triage.protection_acknowledged_by = actor
    triage.save(update_fields=["protection_acknowledged_at", "protection_acknowledged_by"])
    audit_write(
        actor=actor,
        action=AuditAction.TRIAGE_PROTECTION_ACKNOWLEDGE,
        obj=triage,
        person_id=arrival.person_id,
        new={"acknowledged": True},
        request=request,
    )
    return triage


@transaction.atomic
def service_record(
    *,
    actor: User,
    arrival: Arrival,
    kind: str,
    quantity: int = 1,
    unit_cost: Decimal = Decimal("0"),
    currency: str = "USD",
    note: str = "",
    request: HttpRequest | None = None,
) -> ServiceGiven:
    """Add a service given to an arrival to the ledger."""
    require(actor, "reception.service")
    if not arrival.is_present:
        raise ValidationError(_("Services are recorded for people who have checked in."))
    if arrival.flight.is_closed:
        raise ValidationError(_("The flight is closed."))
    service = ServiceGiven(
        arrival=arrival,
        kind=kind,
        quantity=quantity,
        unit_cost=unit_cost,
        currency=currency.upper(),
        note=note.strip(),
        given_by=actor,
    )
    service.full_clean()
    service.save()
    audit_write(
        actor=actor,
        action=AuditAction.SERVICE_RECORD,
        obj=service,
        person_id=arrival.person_id,
        new=snapshot(service, ["kind", "quantity", "unit_cost", "currency", "note"]),
        request=request,
    )
    return service
