"""Allocation decisions in words. A stored decision keeps its reason code and parameters; its words
come from gettext in the reader's language when it is shown (page, API, export)."""

from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_noop as _  # marked here, translated when shown

from retorno.lib.money import format_money

TICKETED = "ticketed"  # stored for a person whose ticket was issued before a re-allocation

# reason code -> message; parameters fill the %(name)s placeholders (amounts as money).
MESSAGES = {
    "allocated": _("Ticket allocated (%(fare)s): priority %(rank)s of %(count)s, vulnerability %(vulnerability)s."),
    "can_pay": _("No support needed: can pay the fare."),
    "family_collecting": _("No support needed: family is collecting them."),
    "no_fare": _("No fare for the destination: record the fare or arrange other transport."),
    "fare_over_budget": _("The fare (%(fare)s) exceeds the flight's whole budget (%(budget)s)."),
    "would_reduce_count": _("With this fare (%(fare)s) fewer than %(count)s people would get home."),
    "leaves_out_more_vulnerable": _(
        "A ticket for this person (%(fare)s) would leave out someone with vulnerability %(vulnerability)s or more."
    ),
    "costs_more": _(
        "As vulnerable people would be helped, but this fare (%(fare)s) would cost the flight %(extra)s more."
    ),
    "tie_by_order": _("A tie with someone as vulnerable and with the same fare (%(fare)s): the list order decided."),
    "ticketed": _("Ticket issued (%(fare)s) before this allocation."),
}

_MONEY_PARAMS = frozenset({"fare", "budget", "extra"})


class _Missing(dict):
    def __missing__(self, key: str) -> str:
        return "—"


def render(reason: str, params: dict, language: str | None = None) -> str:
    """A stored decision (reason code and parameters) in ``language`` ("es" or "en"; default: the active one).

    A decision the migration could not put back into parameters keeps its words as they were
    stored (``params["text_es"]``/``["text_en"]``), so nothing is lost.
    """
    language = language or translation.get_language() or "es"
    if "text_es" in params or "text_en" in params:
        return str(params.get("text_en" if language.startswith("en") else "text_es") or params.get("text_es") or "")
    template = MESSAGES.get(reason)
    if template is None:
        return reason
    currency = params.get("currency", "USD")
    values = {
        k: (format_money(v, currency, language=language[:2]) if k in _MONEY_PARAMS else v) for k, v in params.items()
    }
    with translation.override(language):
        return gettext(template) % _Missing(values)
