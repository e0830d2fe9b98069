"""Every write to the registry: atomic, audited, validated with full_clean().

Each action checks the actor's permission itself (``person.create``, ``person.edit``,
``consent.record``), whoever calls it: a page, the API, or another app's action such as
reception's check-in and triage.
"""

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from retorno.accounts.access import require
from retorno.accounts.models import User
from retorno.audit.actions import audit_write, changes, snapshot
from retorno.lib.text import normalise_identifier, tokens
from retorno.people.audit_actions import AuditAction
from retorno.people.cui import clean_cui
from retorno.people.hooks import identity_followers, persons_changing
from retorno.people.identity import match_keys_refresh
from retorno.people.models import Consent, Contact, Identifier, NameToken, Person

PERSON_FIELDS = (
    "given_names",
    "first_surname",
    "second_surname",
    "sex",
    "birth_date",
    "birth_date_precision",
    "cui",
    "nationality",
    "origin_municipality",
    "languages",
    "people_group",
    "education",
)


def person_tokens(person: Person) -> set[str]:
    """Search words for a person: folded names, the CUI and other identifiers."""
    words = set(tokens(f"{person.given_names} {person.first_surname} {person.second_surname}"))
    if person.cui:
        words.add(person.cui)
    words.update(i.normalised.lower() for i in person.identifiers.all())
    return {w[:40] for w in words if w}


def person_reindex(person: Person) -> None:
    """Bring the search words and the matching keys up to date (every action that changes them calls this)."""
    person = Person.objects.get(pk=person.pk)  # the caller's copy may be stale
    NameToken.objects.filter(person=person).delete()
    NameToken.objects.bulk_create([NameToken(person=person, token=t) for t in sorted(person_tokens(person))])
    match_keys_refresh(person)


@transaction.atomic
def person_create(*, actor: User, request: HttpRequest | None = None, **fields) -> Person:
    """Register a new person. ``fields`` are Person fields (see PERSON_FIELDS)."""
    require(actor, "person.create")
    unknown = set(fields) - set(PERSON_FIELDS)
    if unknown:
        raise TypeError(f"Unknown person fields: {sorted(unknown)}")
    if "cui" in fields:
        fields["cui"] = clean_cui(fields["cui"] or "")
    person = Person(**fields, created_by=actor)
    person.full_clean()
    person.save()
    person_reindex(person)
    audit_write(
        actor=actor,
        action=AuditAction.PERSON_CREATE,
        obj=person,
        person_id=person.pk,
        new=snapshot(person, list(PERSON_FIELDS)),
        request=request,
    )
    _queue_likely_matches(person)
    return person


def _queue_likely_matches(person: Person) -> None:
    """Likely duplicates of a new or edited record go to the review queue at once (see ``hooks``)."""
    for follow in identity_followers():
        follow(person)


@transaction.atomic
def person_update(*, actor: User, person: Person, request: HttpRequest | None = None, **fields) -> Person:
    """Change a person's identity fields; records old and new values."""
    require(actor, "person.edit")
    unknown = set(fields) - set(PERSON_FIELDS)
    if unknown:
        raise TypeError(f"Unknown person fields: {sorted(unknown)}")
    person = Person.objects.select_for_update().get(pk=person.pk)
    before = snapshot(person, list(PERSON_FIELDS))
    if "cui" in fields:
        fields["cui"] = clean_cui(fields["cui"] or "")
    for name, value in fields.items():
        setattr(person, name, value)
    person.full_clean()
    old, new = changes(before, snapshot(person, list(PERSON_FIELDS)))
    if not new:
        return person
    person.updated_at = timezone.now()
    with persons_changing([person.pk]):  # the evidence summaries count arrivals by sex, age, origin
        person.save()
    person_reindex(person)
    audit_write(
        actor=actor,
        action=AuditAction.PERSON_UPDATE,
        obj=person,
        person_id=person.pk,
        old=old,
        new=new,
        request=request,
    )
    _queue_likely_matches(person)
    return person


@transaction.atomic
def identifier_add(*, actor: User, person: Person, kind: str, value: str, country=None, request=None) -> Identifier:
    """Attach a passport, A-number or other identifier to a person."""
    require(actor, "person.edit")
    identifier = Identifier(
        person=person, kind=kind, value=value.strip(), normalised=normalise_identifier(value), country=country
    )
    identifier.full_clean()
    identifier.save()
    person_reindex(person)
    audit_write(
        actor=actor,
        action=AuditAction.IDENTIFIER_ADD,
        obj=identifier,
        person_id=person.pk,
        new=snapshot(identifier),
        request=request,
    )
    return identifier


@transaction.atomic
def identifier_remove(*, actor: User, identifier: Identifier, request=None) -> None:
    require(actor, "person.edit")
    person = identifier.person
    old = snapshot(identifier)
    identifier.delete()
    person_reindex(person)
    audit_write(actor=actor, action=AuditAction.IDENTIFIER_REMOVE, person_id=person.pk, old=old, request=request)


@transaction.atomic
def contact_add(
    *,
    actor: User,
    person: Person,
    kind: str,
    value: str,
    where: str = Contact.Where.GUATEMALA,
    label: str = "",
    request=None,
) -> Contact:
    """Record a phone, email or address for a person, in Guatemala or abroad."""
    require(actor, "person.edit")
    contact = Contact(person=person, kind=kind, value=value.strip(), where=where, label=label.strip())
    contact.full_clean()
    contact.save()
    audit_write(
        actor=actor,
        action=AuditAction.CONTACT_ADD,
        obj=contact,
        person_id=person.pk,
        new=snapshot(contact),
        request=request,
    )
    return contact


@transaction.atomic
def contact_remove(*, actor: User, contact: Contact, request=None) -> None:
    require(actor, "person.edit")
    old = snapshot(contact)
    person_id = contact.person_id
    contact.delete()
    audit_write(actor=actor, action=AuditAction.CONTACT_REMOVE, person_id=person_id, old=old, request=request)


@transaction.atomic
def consent_record(
    *,
    actor: User,
    person: Person,
    purpose: str,
    given: bool,
    given_by: str = Consent.GivenBy.SELF,
    guardian_name: str = "",
    note: str = "",
    sealed: bool = False,
    request=None,
) -> Consent:
    """Record a consent decision (given or withdrawn) for one purpose.

    A minor's consent must name the guardian or the best-interest decision behind it.
    ``sealed`` marks a consent recorded inside a protection case (tier 2): the protection actions
    pass it. Consent to protection and victim assistance is recorded only there.
    """
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    require(actor, "consent.record")
    if purpose == Consent.Purpose.PROTECTION and not sealed:
        raise ValidationError({"purpose": _("Consent to protection is recorded inside the protection case.")})
    consent = Consent(
        person=person,
        purpose=purpose,
        given=given,
        given_by=given_by,
        guardian_name=guardian_name.strip(),
        note=note.strip(),
        recorded_by=actor,
        sealed=sealed,
    )
    consent.full_clean()
    if given_by != Consent.GivenBy.SELF and not consent.guardian_name:
        raise ValidationError({"guardian_name": _("Name the guardian or the authority that decided.")})
    consent.save()
    new = snapshot(consent, redact=("note", "guardian_name") if sealed else ())
    audit_write(
        actor=actor, action=AuditAction.CONSENT_RECORD, obj=consent, person_id=person.pk, new=new, request=request
    )
    return consent
