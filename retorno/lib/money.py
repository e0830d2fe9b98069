"""One way to show money everywhere: currency always shown, two decimals, thousands grouped,
in the reader's language — "USD 1,250.00" in English, "US$1,250.00" and "Q1,250.00" in Spanish,
as Guatemala writes amounts (its number separators are the project's Spanish formats,
``retorno/formats/es``, so an amount and a plain number on one page agree).

Templates use the ``money`` filter (a template builtin, see settings.TEMPLATES):
``{{ ticket.amount|money:ticket.currency }}``; Python code calls ``format_money``.
"""

from decimal import Decimal, InvalidOperation

from django import template
from django.utils import numberformat
from django.utils.formats import get_format
from django.utils.translation import get_language

# How each language writes a currency before the amount (no space, "Q1,250.00"); the ISO code
# and a space otherwise ("USD 1,250.00").
SYMBOLS = {"es": {"USD": "US$", "GTQ": "Q", "MXN": "MX$"}}


def format_money(amount, currency: str = "USD", *, language: str | None = None) -> str:
    """``amount`` in ``currency`` for the active (or given) language; "—" when there is none."""
    if amount is None or amount == "":
        return "—"
    try:
        value = Decimal(str(amount)).quantize(Decimal("0.01"))
    except InvalidOperation:
        return str(amount)
    language = (language or get_language() or "es")[:2]
    number = numberformat.format(
        abs(value),
        get_format("DECIMAL_SEPARATOR", language),
        decimal_pos=2,
        grouping=get_format("NUMBER_GROUPING", language),
        thousand_sep=get_format("THOUSAND_SEPARATOR", language),
        force_grouping=True,
    )
    code = (currency or "").upper()
    symbol = SYMBOLS.get(language, {}).get(code)
    prefix = symbol if symbol else f"{code} " if code else ""
    return f"{'-' if value < 0 else ''}{prefix}{number}"


def cents(value) -> Decimal:
    """A sum as money, two decimals (SQLite's arithmetic drops trailing zeros)."""
    return Decimal(value or 0).quantize(Decimal("0.01"))


register = template.Library()


@register.filter(name="money")
def money_filter(amount, currency: str = "USD") -> str:
    return format_money(amount, currency)
