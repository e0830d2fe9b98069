"""Follow-up invitations behind the API: /api/v1/reintegration/followups/{id}/invitations."""

from datetime import datetime
from typing import Literal

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from retorno.accounts.access import require
from retorno.lib.api import StrictSchema
from retorno.reintegration import actions, queries

router = Router(tags=["reintegration"])


class InviteIn(StrictSchema):
    channel: Literal["sms", "whatsapp", "email"] = Field(..., description="To the person's own contact on file")
    language: Literal["es", "en"] = "es"


class InvitationOut(Schema):
    id: int
    channel: str
    language: str
    created_at: datetime
    expires_at: datetime
    answered_at: datetime | None
    state: Literal["waiting", "answered", "expired"]


class InviteSentOut(Schema):
    message: str = Field(..., description="The outbound message's reference (UUID)")
    status: str


@router.post("/followups/{int:followup_id}/invitations", response={202: InviteSentOut})
def followup_invite(request: HttpRequest, followup_id: int, payload: InviteIn):
    """Send the person a link to answer the follow-up themselves (consent to be contacted required)."""
    require(request.user, "reintegration.edit")
    followup = queries.followup_get_for(user=request.user, followup_id=followup_id)
    message = actions.followup_invite(actor=request.user, followup=followup, request=request, **payload.dict())
    return Status(202, {"message": str(message.uuid), "status": message.status})


@router.get("/followups/{int:followup_id}/invitations", response=list[InvitationOut])
def invitation_list(request: HttpRequest, followup_id: int):
    require(request.user, "reintegration.view")
    followup = queries.followup_get_for(user=request.user, followup_id=followup_id)
    return list(followup.invitations.all())
