"""The institutions directory (accounts.Organisation): entries, units and contacts."""

from django.db import transaction
from django.http import HttpRequest

from retorno.accounts.models import Organisation, OrganisationContact, User
from retorno.audit.actions import audit_write, changes, snapshot
from retorno.outreach.actions.common import require, save_new
from retorno.outreach.models import AuditAction

INSTITUTION_FIELDS = ("name", "acronym", "kind", "parent", "department", "municipality", "address", "phone", "email")


@transaction.atomic
def institution_create(*, actor: User, slug: str, request: HttpRequest | None = None, **fields) -> Organisation:
    """Add an institution (or a unit of one, with ``parent``) to the directory."""
    require(actor, "institution.manage")
    org = Organisation(slug=slug, **{k: v for k, v in fields.items() if k in INSTITUTION_FIELDS})
    return save_new(org, actor=actor, action=AuditAction.INSTITUTION_CREATE, request=request)


@transaction.atomic
def institution_update(*, actor: User, organisation: Organisation, request: HttpRequest | None = None, **fields):
    """Change an institution's directory fields (never its users)."""
    require(actor, "institution.manage")
    before = snapshot(organisation)
    for name, value in fields.items():
        if name in INSTITUTION_FIELDS:
            setattr(organisation, name, value)
    organisation.full_clean()
    organisation.save()
    old, new = changes(before, snapshot(organisation))
    audit_write(actor=actor, action=AuditAction.INSTITUTION_UPDATE, obj=organisation, old=old, new=new, request=request)
    return organisation


@transaction.atomic
def institution_contact_add(
    *,
    actor: User,
    organisation: Organisation,
    name: str,
    position: str = "",
    phone: str = "",
    email: str = "",
    request: HttpRequest | None = None,
) -> OrganisationContact:
    require(actor, "institution.manage")
    contact = OrganisationContact(
        organisation=organisation, name=name.strip(), position=position.strip(), phone=phone.strip(), email=email
    )
    return save_new(contact, actor=actor, action=AuditAction.CONTACT_ADD, request=request)
