"""Messages: the outbox (managers), opt-outs (staff), and the gateways' signed callbacks."""

import datetime
import json
import uuid
from decimal import Decimal
from typing import Literal

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from retorno.accounts.access import require
from retorno.lib.api import BoundedLimitOffsetPagination, StrictSchema, amount, choice
from retorno.messaging.actions import contact_opt_out, message_delivery_report, message_inbound
from retorno.messaging.actions.delivery import signature_valid
from retorno.messaging.models import Channel, ContactOptOut, OutboundMessage
from retorno.messaging.queries import messages_visible_to

router = Router(tags=["messaging"])
SIGNATURE_HEADER = "X-Retorno-Signature"


class MessageOut(Schema):
    uuid: uuid.UUID
    channel: choice(Channel)
    template: str
    language: str
    recipient: str = Field(..., alias="masked_recipient", description="Masked: the last digits only.")
    status: choice(OutboundMessage.Status)
    attempts: int
    last_error: str
    provider_id: str
    cost: Decimal | None
    cost_currency: str
    created_at: datetime.datetime
    sent_at: datetime.datetime | None
    finished_at: datetime.datetime | None


@router.get("/messages", response=list[MessageOut], summary="The outbox (managers)")
@paginate(BoundedLimitOffsetPagination)
def message_list(request: HttpRequest, status: choice(OutboundMessage.Status) | None = None):
    return messages_visible_to(user=request.user, status=status or "")


class OptOutIn(StrictSchema):
    address: str = Field(..., min_length=3, max_length=200, description="Phone number or email address.")


class OptOutOut(Schema):
    recorded: bool
    cancelled: int


@router.post("/opt-outs", response={201: OptOutOut}, summary="Record that an address wants no more messages")
def opt_out_create(request: HttpRequest, payload: OptOutIn):
    require(request.user, "message.opt_out")
    _opt_out, cancelled = contact_opt_out(
        address=payload.address, source=ContactOptOut.Source.STAFF, actor=request.user, request=request
    )
    return Status(201, {"recorded": True, "cancelled": cancelled})


def _signed_body(request: HttpRequest) -> dict:
    if not signature_valid(request.body, request.headers.get(SIGNATURE_HEADER, "")):
        raise HttpError(401, _("Bad or missing signature."))
    try:
        body = json.loads(request.body)
    except ValueError:
        raise HttpError(400, _("The body is not JSON.")) from None
    if not isinstance(body, dict):
        raise HttpError(400, _("The body is not a JSON object."))
    return body


class DeliveryReportIn(StrictSchema):
    reference: str = Field(..., min_length=1, max_length=120, description="Our reference (UUID) or the provider's id.")
    status: Literal["delivered", "failed"]
    cost: amount(ge=0, max_digits=10, decimal_places=4) | None = None
    currency: str = Field("", pattern=r"^([A-Za-z]{3})?$")
    error: str = Field("", max_length=200)


class Accepted(Schema):
    accepted: bool


@router.post(
    "/callbacks/status",
    auth=None,
    response={200: Accepted, 401: dict},
    summary="Delivery report from a gateway",
    description=f"Signed: header `{SIGNATURE_HEADER}` is the hex HMAC-SHA256 of the raw body with MESSAGE_CALLBACK_SECRET.",
)
def delivery_report(request: HttpRequest, payload: DeliveryReportIn):
    _signed_body(request)
    message = message_delivery_report(
        reference=payload.reference,
        status=payload.status,
        cost=payload.cost,
        currency=payload.currency,
        error=payload.error,
        request=request,
    )
    return {"accepted": message is not None}


class InboundIn(StrictSchema):
    sender: str = Field(..., min_length=3, max_length=40, alias="from", description="The phone number that wrote.")
    text: str = Field(..., max_length=1600)
    channel: choice(Channel) = Channel.SMS


class InboundOut(Schema):
    opted_out: bool


@router.post(
    "/callbacks/inbound",
    auth=None,
    response={200: InboundOut, 401: dict},
    summary="A reply from a phone (STOP opts out)",
    description=f"Signed like the delivery report (`{SIGNATURE_HEADER}`).",
)
def inbound(request: HttpRequest, payload: InboundIn):
    _signed_body(request)
    return {"opted_out": message_inbound(sender=payload.sender, text=payload.text, request=request)}
