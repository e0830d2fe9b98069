"""The message templates: the only words Retorno sends, in each language.

A template declares the parameters it takes; nothing else can reach a message, so no case data
(names, needs, protection details) can leak into an SMS or an email — a message carries a link
and the organisation's own name, never content.
"""

from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from retorno.messaging.models import Channel

LANGUAGES = ("es", "en")


@dataclass(frozen=True)
class MessageTemplate:
    key: str
    subject: str
    text: str
    params: frozenset[str]
    channels: frozenset[str]


_ALL = frozenset(Channel.values)

TEMPLATES: dict[str, MessageTemplate] = {
    t.key: t
    for t in (
        MessageTemplate(
            "referral.link",
            _("A referral from the returnee programme"),
            _(
                "%(programme)s has referred a person to %(organisation)s. Please answer through this link "
                "(valid until %(expires)s): %(link)s"
            ),
            frozenset({"programme", "organisation", "expires", "link"}),
            _ALL,
        ),
        MessageTemplate(
            "referral.reminder",
            _("Reminder: a referral is waiting for your answer"),
            _("Reminder from %(programme)s: a referral to %(organisation)s is waiting for your answer: %(link)s"),
            frozenset({"programme", "organisation", "link"}),
            _ALL,
        ),
        MessageTemplate(
            "followup.invite",
            _("How are you doing?"),
            _(
                "Hello, this is %(programme)s. We would like to know how you are doing. It takes 3 minutes: "
                "%(link)s To receive no more messages, reply STOP."
            ),
            frozenset({"programme", "link"}),
            _ALL,
        ),
        MessageTemplate(
            "followup.reminder",
            _("Reminder: how are you doing?"),
            _(
                "%(programme)s: we still want to know how you are doing: %(link)s To receive no more messages, reply STOP."
            ),
            frozenset({"programme", "link"}),
            _ALL,
        ),
        MessageTemplate(
            "security.break_glass",
            _("Emergency access to a sealed record"),
            _("%(user)s used emergency access to a sealed record. Review it in Retorno: %(link)s"),
            frozenset({"user", "link"}),
            frozenset({Channel.EMAIL}),
        ),
    )
}


def render(template: MessageTemplate, *, language: str, params: dict) -> tuple[str, str]:
    """(subject, text) of ``template`` in ``language`` with ``params`` filled in."""
    with translation.override(language):
        return str(template.subject), str(template.text) % params


def subject(template: MessageTemplate, *, language: str) -> str:
    with translation.override(language):
        return str(template.subject)


def programme_name() -> str:
    """The programme's own name, as it signs its messages."""
    from retorno.accounts.models import PROGRAMME_ORGANISATION_SLUG, Organisation

    name = Organisation.objects.filter(slug=PROGRAMME_ORGANISATION_SLUG).values_list("name", flat=True).first()
    return name or "Retorno"
