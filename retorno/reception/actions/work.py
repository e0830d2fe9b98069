"""Work that triage flags hand to other teams (see ``WorkItem``): opened, withdrawn, taken."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from retorno.accounts.access import require
from retorno.accounts.directory import require_kind
from retorno.accounts.models import Organisation, User
from retorno.audit.actions import audit_write
from retorno.lib.workflow import illegal_transition, transition
from retorno.people.models import Consent
from retorno.people.queries import consents_in_force
from retorno.reception import hooks
from retorno.reception.audit_actions import AuditAction
from retorno.reception.models import Arrival, Triage, WorkItem
from retorno.referrals.actions import partner_for_referral, referral_create
from retorno.referrals.models import DEFAULT_HEALTH_FIELDS, HEALTH_FACILITY_KINDS, Referral, Service


def work_items_sync(*, actor: User, arrival: Arrival, triage: Triage, request: HttpRequest | None = None) -> None:
    """Make the arrival's work items agree with its triage flags (idempotent: saving the same
    triage again changes nothing; an unticked flag withdraws an item nobody has taken)."""
    existing = {item.kind: item for item in WorkItem.objects.select_for_update().filter(arrival=arrival)}
    for kind, flag in WorkItem.FLAG.items():
        wanted = bool(getattr(triage, flag))
        item = existing.get(kind)
        if wanted and item is None:
            item = WorkItem(arrival=arrival, person_id=arrival.person_id, kind=kind, created_by=actor)
            item.full_clean()
            item.save()
            _audit(actor, item, None, item.status, request)
        elif wanted and item.status == WorkItem.Status.WITHDRAWN:
            _move(actor, item, WorkItem.Status.OPEN, request)
        elif not wanted and item is not None and item.status == WorkItem.Status.OPEN:
            _move(actor, item, WorkItem.Status.WITHDRAWN, request)


@transaction.atomic
def work_item_take(
    *, actor: User, item: WorkItem, facility: Organisation | None = None, request: HttpRequest | None = None
) -> WorkItem:
    """A member of the receiving team takes the item (it leaves the waiting list) and gets its work:

    - a health item becomes a referral to the health facility the taker chooses (``facility``, from
      the institutions directory), which the facility answers in its inbox;
    - a DPI item becomes a DPI request draft with the app registered for it (reintegration);
    - psychosocial and reintegration-intake items are the taker's to follow up.
    Taken once: a second take is refused, so the referral or draft is created exactly once.
    """
    require(actor, f"reception.work_{item.kind}")
    item = WorkItem.objects.select_for_update().select_related("person").get(pk=item.pk)
    if not item.can_move_to(WorkItem.Status.TAKEN):
        raise illegal_transition(item, WorkItem.Status.TAKEN)
    if item.kind == WorkItem.Kind.HEALTH:
        item.referral = _health_referral(actor=actor, item=item, facility=facility, request=request)
    elif facility is not None:
        raise ValidationError({"facility": _("Only a health referral goes to a facility.")})
    kwargs = {"actor": actor, "person": item.person, "arrival_id": item.arrival_id, "request": request}
    item.document_request_id = hooks.work_taken(item.kind, **kwargs) if item.kind == WorkItem.Kind.DPI_REQUEST else None
    item.taken_at, item.taken_by = timezone.now(), actor
    made = {"referral_id": item.referral_id, "document_request_id": item.document_request_id}
    return _move(actor, item, WorkItem.Status.TAKEN, request, extra={k: v for k, v in made.items() if v})


def _health_referral(*, actor: User, item: WorkItem, facility: Organisation | None, request) -> Referral:
    """The referral to the facility: sharing name, sex, age and languages under the person's consent to
    share with partners; without it, sealed and sharing nothing (the facility sees that someone is
    referred for health care, not who, until the person consents)."""
    if facility is None:
        raise ValidationError({"facility": _("Choose the health facility the person is referred to.")})
    require_kind(facility, kinds=HEALTH_FACILITY_KINDS, field="facility")
    consent = consents_in_force(person=item.person).get(Consent.Purpose.SHARE_WITH_PARTNERS)
    shares = consent is not None and consent.given
    return referral_create(
        actor=actor,
        person=item.person,
        partner=partner_for_referral(actor=actor, organisation=facility, service=Service.HEALTH, request=request),
        service=Service.HEALTH,
        purpose=gettext_noop("Health care"),
        shared_fields=list(DEFAULT_HEALTH_FIELDS) if shares else [],
        arrival_id=item.arrival_id,
        sealed=not shares,
        request=request,
    )


def _move(actor: User, item: WorkItem, status: str, request, extra: dict | None = None) -> WorkItem:
    return transition(
        item,
        status,
        actor=actor,
        action=AuditAction.WORK_ITEM,
        person_id=item.person_id,
        request=request,
        audit_extra={"kind": item.kind, **(extra or {})},
    )


def _audit(actor: User, item: WorkItem, old, new, request) -> None:
    audit_write(
        actor=actor,
        action=AuditAction.WORK_ITEM,
        obj=item,
        person_id=item.person_id,
        new={"kind": item.kind, "status": new},
        old={"status": old} if old else None,
        request=request,
    )
