"""Opt-outs: an address that said STOP never gets another message."""

from django.db import transaction
from django.utils import timezone

from retorno.accounts.access import require
from retorno.accounts.models import User
from retorno.audit.actions import audit_write
from retorno.messaging import addresses
from retorno.messaging.audit_actions import AuditAction
from retorno.messaging.models import ContactOptOut, OutboundMessage

STOP_WORDS = frozenset({"STOP", "ALTO", "BAJA", "PARAR", "CANCELAR", "NO MAS", "NO MÁS", "UNSUBSCRIBE"})


@transaction.atomic
def contact_opt_out(*, address: str, source: str, actor: User | None = None, request=None) -> tuple[ContactOptOut, int]:
    """Record that ``address`` wants no more messages and cancel what is still queued for it.

    Returns the opt-out and how many queued messages were cancelled. Staff need ``message.opt_out``.
    """
    if actor is not None:
        require(actor, "message.opt_out")
    digest = addresses.digest(address)
    opt_out, created = ContactOptOut.objects.get_or_create(recipient_digest=digest, defaults={"source": source})
    cancelled = OutboundMessage.objects.filter(
        recipient_digest=digest, status__in=[OutboundMessage.Status.QUEUED, OutboundMessage.Status.SENDING]
    ).update(status=OutboundMessage.Status.CANCELLED, last_error="opted_out", body="", finished_at=timezone.now())
    if created or cancelled:
        audit_write(
            actor=actor,
            action=AuditAction.MESSAGE_OPT_OUT,
            obj=opt_out,
            new={"source": source, "cancelled": cancelled},
            request=request,
        )
    return opt_out, cancelled


def message_inbound(*, sender: str, text: str, request=None) -> bool:
    """A reply from a phone: STOP (or its Spanish words) opts the sender out. True when it did."""
    words = " ".join((text or "").upper().split())
    if words not in STOP_WORDS:
        return False
    contact_opt_out(address=sender, source=ContactOptOut.Source.REPLY, request=request)
    return True
