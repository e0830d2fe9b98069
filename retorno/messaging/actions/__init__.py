"""Every write of the messaging app: queue, deliver, record delivery reports and opt-outs."""

from retorno.messaging.actions.contacts import contact_opt_out, message_inbound
from retorno.messaging.actions.delivery import message_delivery_report, messages_deliver, messages_sweep
from retorno.messaging.actions.queue import MessageSpec, message_queue, messages_queue_many

__all__ = [
    "MessageSpec",
    "contact_opt_out",
    "message_delivery_report",
    "message_inbound",
    "message_queue",
    "messages_deliver",
    "messages_queue_many",
    "messages_sweep",
]
