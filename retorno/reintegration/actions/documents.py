"""Documents the returnee needs: requested, submitted, issued or refused."""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from retorno.accounts.access import require
from retorno.accounts.directory import organisation_for_name, require_kind
from retorno.accounts.models import Organisation, User
from retorno.audit.actions import audit_write, snapshot
from retorno.lib.workflow import transition
from retorno.people.models import Person
from retorno.reintegration.actions.common import EDIT, require_live, require_reason, today_or
from retorno.reintegration.actions.followup import followups_schedule
from retorno.reintegration.audit_actions import AuditAction
from retorno.reintegration.models import DocumentRequest, FollowUpTrigger, ReintegrationCase

# Documents ---------------------------------------------------------------------------------------


@transaction.atomic
def document_request(
    *,
    actor: User,
    case: ReintegrationCase,
    kind: str,
    issuer: Organisation | None = None,
    requested_on: datetime.date | None = None,
    request=None,
) -> DocumentRequest:
    """Start getting a document for the person (DPI through RENAP, a birth certificate...).

    ``issuer`` is the directory's entry for the issuing office; without one, the usual office for
    the kind of document (its directory entry, added on first use).
    """
    require(actor, EDIT)
    require_live(case)
    require_kind(issuer, kinds=DocumentRequest.ISSUER_KINDS, field="issuer")
    issuer = issuer or organisation_for_name(Organisation, DocumentRequest.DEFAULT_ISSUER.get(kind, ""))
    document = DocumentRequest(
        person=case.person,
        case=case,
        kind=kind,
        issuer=issuer.name[:120] if issuer else "",
        issuer_org=issuer,
        requested_on=today_or(requested_on),
    )
    document.full_clean()
    document.save()
    audit_write(
        actor=actor,
        action=AuditAction.DOCUMENT_REQUEST,
        obj=document,
        person_id=case.person_id,
        new=snapshot(document),
        request=request,
    )
    return document


@transaction.atomic
def document_draft_from_triage(
    *, actor: User, person: Person, arrival_id: int | None = None, request=None
) -> DocumentRequest:
    """A DPI request draft for a person reception's triage found without a DPI (the reintegration
    team took the work item). It joins the person's live case, or waits for one: opening a case
    gathers it. The officer completes it by moving it to "requested" when the request is made."""
    require(actor, EDIT)
    renap = organisation_for_name(Organisation, DocumentRequest.DEFAULT_ISSUER[DocumentRequest.Kind.DPI])
    document = DocumentRequest(
        person=person,
        case=ReintegrationCase.objects.filter(person=person, status__in=ReintegrationCase.LIVE).first(),
        kind=DocumentRequest.Kind.DPI,
        issuer=renap.name[:120],
        issuer_org=renap,
        status=DocumentRequest.Status.DRAFT,
    )
    document.full_clean()
    document.save()
    audit_write(
        actor=actor,
        action=AuditAction.DOCUMENT_DRAFT,
        obj=document,
        person_id=person.pk,
        new=snapshot(document) | {"arrival_id": arrival_id},
        request=request,
    )
    return document


def document_taken_from_triage(*, actor: User, person: Person, arrival_id: int | None = None, request=None) -> int:
    """``reception.hooks`` work taker for DPI items: the id of the draft."""
    return document_draft_from_triage(actor=actor, person=person, arrival_id=arrival_id, request=request).pk


@transaction.atomic
def document_set_status(
    *,
    actor: User,
    document: DocumentRequest,
    status: str,
    on: datetime.date | None = None,
    reason: str = "",
    request=None,
) -> DocumentRequest:
    """The one way a document request moves: (draft →) requested → submitted → issued / rejected."""
    require(actor, EDIT)
    document = DocumentRequest.objects.select_for_update(of=("self",)).select_related("case").get(pk=document.pk)
    on = today_or(on)
    S = DocumentRequest.Status
    fields: dict = {}
    if status == S.REQUESTED:
        fields = {"requested_on": on}
    elif status == S.SUBMITTED:
        fields = {"submitted_on": on, "decided_on": None, "reason": ""}
    elif status == S.ISSUED:
        fields = {"decided_on": on}
    elif status in (S.REJECTED, S.CANCELLED):
        fields = {"decided_on": on, "reason": require_reason(reason, _("Say why."))}
    document = transition(
        document,
        status,
        actor=actor,
        action=AuditAction.DOCUMENT_STATUS,
        person_id=document.person_id,
        request=request,
        reason=reason,
        fields=fields,
    )
    if status == S.ISSUED:
        followups_schedule(
            actor=actor,
            person=document.person,
            trigger=FollowUpTrigger.DOCUMENT,
            base_date=on,
            case=document.case,
            document=document,
            request=request,
        )
    return document
