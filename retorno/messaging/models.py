"""Outbound messages (email, SMS, WhatsApp) and the opt-outs that stop them.

A message is a record in its own right: who it goes to (encrypted), which template in which
language, its status through the delivery pipeline, attempts, the provider's id and cost. Its
body holds a link, never case data; the body is erased once the message is finished with, so a
database copy cannot replay a still-valid link.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from retorno.lib.crypto import EncryptedTextField
from retorno.lib.workflow import StatusPipeline


class Channel(models.TextChoices):
    EMAIL = "email", _("Email")
    SMS = "sms", _("SMS")
    WHATSAPP = "whatsapp", _("WhatsApp")


ERROR_LABELS = {
    "opted_out": _("The recipient asked for no more messages"),
    "gateway_unreachable": _("The gateway could not be reached"),
    "gateway_bad_answer": _("The gateway gave an answer that could not be read"),
    "gateway_not_configured": _("No gateway is configured for this channel"),
}


class OutboundMessage(StatusPipeline, models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", _("Cancelled")

    # The delivery worker moves messages in bulk with compare-and-set updates whose filters follow
    # these moves (actions/delivery.py); single moves (a delivery report) go through transition().
    TRANSITIONS: dict[str, frozenset[str]] = {
        Status.QUEUED: frozenset({Status.SENDING, Status.CANCELLED}),
        # A worker that dies while sending leaves the message to be claimed again (SENDING -> SENDING).
        Status.SENDING: frozenset({Status.SENDING, Status.SENT, Status.QUEUED, Status.FAILED, Status.CANCELLED}),
        Status.SENT: frozenset({Status.DELIVERED, Status.FAILED}),
        Status.DELIVERED: frozenset(),
        Status.FAILED: frozenset(),
        Status.CANCELLED: frozenset(),
    }
    STATUS_TONES = {Status.DELIVERED: "ok", Status.SENT: "ok", Status.FAILED: "danger", Status.QUEUED: "warn"}
    FINISHED = frozenset({Status.DELIVERED, Status.FAILED, Status.CANCELLED})

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    template = models.CharField(_("template"), max_length=40)
    language = models.CharField(_("language"), max_length=5, default="es")
    recipient = EncryptedTextField(_("recipient"))
    recipient_digest = models.CharField(max_length=64, db_index=True)
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # What the message is about, as the audit log names objects ("reintegration.followup", "17").
    object_type = models.CharField(max_length=60, blank=True)
    object_id = models.CharField(max_length=40, blank=True)
    # Queuing the same reminder twice is a no-op: callers name each message they mean once.
    dedupe_key = models.CharField(max_length=120, unique=True, null=True, blank=True)
    body = EncryptedTextField(_("text"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    lease_until = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=200, blank=True)
    provider_id = models.CharField(_("provider id"), max_length=120, blank=True)
    cost = models.DecimalField(_("cost"), max_digits=10, decimal_places=4, null=True, blank=True)
    cost_currency = models.CharField(max_length=3, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    sent_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("outbound message")
        verbose_name_plural = _("outbound messages")
        indexes = [
            models.Index(fields=["status", "next_attempt_at"]),
            models.Index(fields=["object_type", "object_id"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.template} ({self.get_status_display()})"

    @property
    def template_label(self) -> str:
        from retorno.messaging.texts import TEMPLATES

        template = TEMPLATES.get(self.template)
        return str(template.subject) if template else self.template

    @property
    def error_label(self) -> str:
        """The last error in words (errors are stored as codes)."""
        code = self.last_error
        if not code:
            return ""
        if code.startswith("http_"):
            return _("Refused by the gateway (HTTP %(code)s)") % {"code": code[5:]}
        return str(ERROR_LABELS.get(code, code))

    @property
    def masked_recipient(self) -> str:
        """Enough of the address to tell two apart on screen, never the whole of it."""
        value = self.recipient or ""
        if "@" in value:
            local, _at, domain = value.partition("@")
            return f"{local[:1]}…@{domain}"
        return f"…{value[-3:]}" if len(value) > 3 else "…"


class ContactOptOut(models.Model):
    """An address that asked for no more messages (a STOP reply, or staff on its behalf).

    Only a keyed digest of the address is kept, so the list itself discloses no one.
    """

    class Source(models.TextChoices):
        REPLY = "reply", _("Replied STOP")
        STAFF = "staff", _("Recorded by staff")
        FORM = "form", _("Chose it on a form")

    recipient_digest = models.CharField(max_length=64, unique=True)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("opt-out")
        verbose_name_plural = _("opt-outs")

    def __str__(self) -> str:
        return f"{self.get_source_display()} {self.at:%Y-%m-%d}"
