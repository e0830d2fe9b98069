"""Ways out: one backend per channel, chosen in settings (``MESSAGE_CHANNELS``).

- ``ConsoleBackend`` prints the message (development); ``FileBackend`` appends JSON lines to a
  file (tests, and a demo without a gateway);
- ``EmailBackend`` sends through Django's configured mail backend;
- ``HttpGatewayBackend`` POSTs a JSON payload built from a template to a gateway URL with a bearer
  token: most SMS providers, WhatsApp business gateways and RapidPro take such a request. The
  message's UUID travels as ``Idempotency-Key`` and in the payload, so a message resent after a
  worker died is recognised by the gateway and delivered once.
"""

import http.client
import json
import sys
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from string import Template
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Outgoing:
    reference: str  # the message's UUID: idempotency key and provider reference
    channel: str
    to: str
    subject: str
    text: str


@dataclass(frozen=True)
class SendResult:
    provider_id: str = ""
    cost: Decimal | None = None
    currency: str = ""


class DeliveryError(Exception):
    """Sending failed. ``permanent`` failures are not retried (a refused number, a bad request)."""

    def __init__(self, code: str, *, permanent: bool = False):
        super().__init__(code)
        self.code = code
        self.permanent = permanent


class ConsoleBackend:
    def __init__(self, **options):
        self.stream = options.get("stream") or sys.stdout

    def send(self, message: Outgoing) -> SendResult:
        self.stream.write(f"[{message.channel} to {message.to}] {message.text}\n")
        self.stream.flush()
        return SendResult(provider_id=f"console-{message.reference}")


class FileBackend:
    def __init__(self, **options):
        self.path = options.get("PATH") or str(settings.BASE_DIR / "var" / "messages.jsonl")

    def send(self, message: Outgoing) -> SendResult:
        with open(self.path, "a", encoding="utf-8") as out:
            out.write(json.dumps(message.__dict__, ensure_ascii=False) + "\n")
        return SendResult(provider_id=f"file-{message.reference}")


class EmailBackend:
    def __init__(self, **options):
        pass

    def send(self, message: Outgoing) -> SendResult:
        email = EmailMessage(
            message.subject, message.text, to=[message.to], headers={"X-Retorno-Ref": message.reference}
        )
        try:
            email.send()
        except OSError as error:  # SMTP down: try again later
            raise DeliveryError(f"smtp:{type(error).__name__}") from None
        return SendResult(provider_id=message.reference)


DEFAULT_PAYLOAD = '{"to": $to, "text": $text, "reference": $reference, "channel": $channel}'


class HttpGatewayBackend:
    """POST ``PAYLOAD`` (a ``string.Template`` whose ``$to``, ``$text``, ``$reference``, ``$channel``
    are replaced by JSON strings) to ``URL`` with ``Authorization: Bearer TOKEN``.

    The answer's JSON ``ID_FIELD`` (default ``id``) is kept as the provider id, ``cost`` and
    ``currency`` when given. 429 and 5xx are retried; other 4xx answers are permanent failures.
    """

    def __init__(self, **options):
        self.url = options.get("URL", "")
        self.token = options.get("TOKEN", "")
        self.payload = Template(options.get("PAYLOAD") or DEFAULT_PAYLOAD)
        self.id_field = options.get("ID_FIELD", "id")
        self.timeout = float(options.get("TIMEOUT", 10))
        self._connection: http.client.HTTPConnection | None = None

    def _connect(self) -> http.client.HTTPConnection:
        # One kept-alive connection per backend: a worker sends a whole batch through it.
        if self._connection is None:
            parts = urlsplit(self.url)
            kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
            self._connection = kind(parts.hostname, parts.port, timeout=self.timeout)
        return self._connection

    def _post(self, body: bytes, reference: str) -> tuple[int, bytes]:
        parts = urlsplit(self.url)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        headers = {
            "Content-Type": "application/json",
            "Authorization": f"Bearer {self.token}",
            "Idempotency-Key": reference,
        }
        for attempt in (1, 2):  # a kept-alive connection the server has closed is reopened once
            connection = self._connect()
            try:
                connection.request("POST", path, body=body, headers=headers)
                response = connection.getresponse()
                return response.status, response.read()
            except (http.client.HTTPException, OSError):
                connection.close()
                self._connection = None
                if attempt == 2:
                    raise DeliveryError("gateway_unreachable") from None
        raise AssertionError("unreachable")

    def send(self, message: Outgoing) -> SendResult:
        if not self.url.startswith(("http://", "https://")):
            raise DeliveryError("gateway_not_configured", permanent=True)
        body = self.payload.substitute(
            to=json.dumps(message.to),
            text=json.dumps(message.text, ensure_ascii=False),
            reference=json.dumps(message.reference),
            channel=json.dumps(message.channel),
        ).encode("utf-8")
        status, raw = self._post(body, message.reference)
        if status >= 400:
            permanent = status < 500 and status != 429
            raise DeliveryError(f"http_{status}", permanent=permanent)
        try:
            answer = json.loads(raw or b"{}")
        except ValueError:
            raise DeliveryError("gateway_bad_answer") from None
        if not isinstance(answer, dict):
            raise DeliveryError("gateway_bad_answer")
        return SendResult(
            provider_id=str(answer.get(self.id_field, ""))[:120],
            cost=_decimal(answer.get("cost")),
            currency=str(answer.get("currency", ""))[:3],
        )


def _decimal(value) -> Decimal | None:
    try:
        return Decimal(str(value)) if value is not None else None
    except InvalidOperation:
        return None


def backend_for(channel: str):
    """The configured backend of ``channel`` (``settings.MESSAGE_CHANNELS``)."""
    options = dict(settings.MESSAGE_CHANNELS[channel])
    return import_string(options.pop("BACKEND"))(**options)
