"""Networks: members, meetings (agenda, attendance, minutes) and the agreements they reach."""

import datetime

from django.db import transaction
from django.http import HttpRequest

from retorno.accounts.models import Organisation, User
from retorno.lib.workflow import transition
from retorno.outreach.actions.common import require, save_new
from retorno.outreach.models import AuditAction, Meeting, Network, NetworkAgreement, NetworkMember


@transaction.atomic
def network_create(
    *,
    actor: User,
    name: str,
    kind: str,
    department=None,
    coordinator: Organisation | None = None,
    purpose: str = "",
    founded_on: datetime.date | None = None,
    request: HttpRequest | None = None,
) -> Network:
    require(actor, "outreach.manage")
    network = Network(
        name=name.strip(),
        kind=kind,
        department=department,
        coordinator=coordinator,
        purpose=purpose.strip(),
        founded_on=founded_on,
    )
    return save_new(network, actor=actor, action=AuditAction.NETWORK_CREATE, request=request)


@transaction.atomic
def network_member_add(
    *,
    actor: User,
    network: Network,
    organisation: Organisation,
    representative: str = "",
    representative_position: str = "",
    joined_on: datetime.date | None = None,
    request: HttpRequest | None = None,
) -> NetworkMember:
    require(actor, "outreach.manage")
    member = NetworkMember(
        network=network,
        organisation=organisation,
        representative=representative.strip(),
        representative_position=representative_position.strip(),
        joined_on=joined_on,
    )
    return save_new(member, actor=actor, action=AuditAction.NETWORK_MEMBER_ADD, request=request)


@transaction.atomic
def meeting_record(
    *,
    actor: User,
    network: Network,
    date: datetime.date,
    agenda: str,
    place: str = "",
    minutes: str = "",
    organisations_present: list[Organisation] = (),
    people_present: int = 0,
    request: HttpRequest | None = None,
) -> Meeting:
    require(actor, "outreach.manage")
    meeting = Meeting(
        network=network,
        date=date,
        agenda=agenda.strip(),
        place=place.strip(),
        minutes=minutes.strip(),
        people_present=people_present,
        recorded_by=actor,
    )
    return save_new(
        meeting,
        actor=actor,
        action=AuditAction.MEETING_CREATE,
        request=request,
        m2m={"organisations_present": list(organisations_present)},
    )


@transaction.atomic
def network_agreement_add(
    *,
    actor: User,
    network: Network,
    commitment: str,
    owner: Organisation,
    due_on: datetime.date,
    meeting: Meeting | None = None,
    request: HttpRequest | None = None,
) -> NetworkAgreement:
    require(actor, "outreach.manage")
    agreement = NetworkAgreement(
        network=network, meeting=meeting, commitment=commitment.strip(), owner=owner, due_on=due_on
    )
    return save_new(agreement, actor=actor, action=AuditAction.NETWORK_AGREEMENT_CREATE, request=request)


@transaction.atomic
def network_agreement_set_status(
    *, actor: User, agreement: NetworkAgreement, status: str, reason: str = "", request: HttpRequest | None = None
) -> NetworkAgreement:
    """Met or dropped (a dropped commitment says why)."""
    require(actor, "outreach.manage")
    return transition(
        agreement,
        status,
        actor=actor,
        action=AuditAction.NETWORK_AGREEMENT_STATUS,
        reason=reason,
        request=request,
        require_reason=status == NetworkAgreement.Status.DROPPED,
    )
