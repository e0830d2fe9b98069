"""Networks, meetings and their agreements; campaigns; policy dialogue."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Status

from retorno.accounts.access import require
from retorno.outreach import actions
from retorno.outreach.api.common import department, municipality, organisation, organisations, ref, router
from retorno.outreach.models import DialogueFollowUp, Meeting, NetworkAgreement
from retorno.outreach.queries import (
    agreements_due,
    campaigns_by_department,
    campaigns_visible_to,
    dialogue_visible_to,
    networks_visible_to,
)
from retorno.outreach.schemas import (
    ActivityIn,
    CampaignIn,
    CampaignOut,
    Created,
    DialogueIn,
    DialogueOut,
    DialogueParticipantIn,
    FollowUpIn,
    MeetingIn,
    MemberIn,
    NetworkAgreementIn,
    NetworkAgreementOut,
    NetworkIn,
    NetworkOut,
    OutreachStatusIn,
    StatusOut,
)


@router.get("/networks", response=list[NetworkOut])
def network_list(request: HttpRequest):
    return list(networks_visible_to(request.user))


@router.post("/networks", response={201: Created})
def network_create(request: HttpRequest, payload: NetworkIn):
    require(request.user, "outreach.manage")
    data = payload.dict()
    data["department"] = department(data["department"])
    data["coordinator"] = organisation(data.pop("coordinator_id"), "coordinator_id")
    return Status(201, actions.network_create(actor=request.user, request=request, **data))


def _network(request, network_id: int):
    return get_object_or_404(networks_visible_to(request.user), pk=network_id)


@router.post("/networks/{int:network_id}/members", response={201: Created})
def member_add(request: HttpRequest, network_id: int, payload: MemberIn):
    network = _network(request, network_id)
    data = payload.dict()
    data["organisation"] = organisation(data.pop("organisation_id"), "organisation_id")
    return Status(201, actions.network_member_add(actor=request.user, network=network, request=request, **data))


@router.post("/networks/{int:network_id}/meetings", response={201: Created})
def meeting_add(request: HttpRequest, network_id: int, payload: MeetingIn):
    """A meeting with its agenda, the organisations present and the minutes."""
    network = _network(request, network_id)
    data = payload.dict()
    data["organisations_present"] = organisations(data.pop("organisation_ids"), "organisation_ids")
    return Status(201, actions.meeting_record(actor=request.user, network=network, request=request, **data))


@router.post("/networks/{int:network_id}/agreements", response={201: NetworkAgreementOut})
def network_agreement_add(request: HttpRequest, network_id: int, payload: NetworkAgreementIn):
    network = _network(request, network_id)
    data = payload.dict()
    data["owner"] = organisation(data.pop("owner_id"), "owner_id")
    meeting_id = data.pop("meeting_id")
    data["meeting"] = ref(Meeting, meeting_id, "meeting_id") if meeting_id else None
    return Status(201, actions.network_agreement_add(actor=request.user, network=network, request=request, **data))


@router.post("/network-agreements/{int:agreement_id}/status", response=StatusOut)
def network_agreement_status(request: HttpRequest, agreement_id: int, payload: OutreachStatusIn):
    require(request.user, "outreach.view")
    agreement = get_object_or_404(NetworkAgreement, pk=agreement_id)
    return actions.network_agreement_set_status(
        actor=request.user, agreement=agreement, request=request, **payload.dict()
    )


@router.get("/agreements-due", response=list[NetworkAgreementOut])
def due_list(request: HttpRequest, within_days: int = 30):
    """Open network agreements due within ``within_days`` (0–365) or overdue."""
    return list(agreements_due(user=request.user, within_days=max(0, min(within_days, 365))))


@router.get("/campaigns", response=list[CampaignOut])
def campaign_list(request: HttpRequest):
    return list(campaigns_visible_to(request.user))


@router.get("/campaigns/by-department", response=list[dict])
def campaign_by_department(request: HttpRequest):
    """Activities and reach per department (INE code), for the map."""
    return campaigns_by_department(request.user)


@router.post("/campaigns", response={201: Created})
def campaign_create(request: HttpRequest, payload: CampaignIn):
    require(request.user, "outreach.manage")
    data = payload.dict()
    data["municipalities"] = [municipality(c, "municipalities") for c in data["municipalities"]]
    data["partners"] = organisations(data.pop("partner_ids"), "partner_ids")
    return Status(201, actions.campaign_create(actor=request.user, request=request, **data))


@router.post("/campaigns/{int:campaign_id}/activities", response={201: Created})
def activity_add(request: HttpRequest, campaign_id: int, payload: ActivityIn):
    """An activity and its reach: people by sex, minors among them, schools, broadcasts."""
    campaign = get_object_or_404(campaigns_visible_to(request.user), pk=campaign_id)
    data = payload.dict()
    data["municipality"] = municipality(data["municipality"])
    return Status(201, actions.campaign_activity_record(actor=request.user, campaign=campaign, request=request, **data))


@router.get("/dialogue", response=list[DialogueOut])
def dialogue_list(request: HttpRequest):
    return list(dialogue_visible_to(request.user))


@router.post("/dialogue", response={201: Created})
def dialogue_create(request: HttpRequest, payload: DialogueIn):
    require(request.user, "outreach.manage")
    return Status(201, actions.dialogue_create(actor=request.user, request=request, **payload.dict()))


@router.post("/dialogue/{int:event_id}/participants", response={201: Created})
def dialogue_participant_add(request: HttpRequest, event_id: int, payload: DialogueParticipantIn):
    event = get_object_or_404(dialogue_visible_to(request.user), pk=event_id)
    data = payload.dict()
    data["organisation"] = organisation(data.pop("organisation_id"), "organisation_id")
    return Status(201, actions.dialogue_participant_add(actor=request.user, event=event, request=request, **data))


@router.post("/dialogue/{int:event_id}/follow-ups", response={201: Created})
def follow_up_add(request: HttpRequest, event_id: int, payload: FollowUpIn):
    event = get_object_or_404(dialogue_visible_to(request.user), pk=event_id)
    data = payload.dict()
    data["owner"] = organisation(data.pop("owner_id"), "owner_id")
    return Status(201, actions.dialogue_follow_up_add(actor=request.user, event=event, request=request, **data))


@router.post("/follow-ups/{int:follow_up_id}/status", response=StatusOut)
def follow_up_status(request: HttpRequest, follow_up_id: int, payload: OutreachStatusIn):
    require(request.user, "outreach.view")
    follow_up = get_object_or_404(DialogueFollowUp, pk=follow_up_id)
    return actions.dialogue_follow_up_set_status(
        actor=request.user, follow_up=follow_up, request=request, **payload.dict()
    )
