"""One way to show money everywhere: currency always shown, two decimals, thousands grouped,
in the reader's language ("USD 1,250.00" in English, "US$ 1.250,00" in Spanish).

Templates use the ``money`` filter (a template builtin, see settings.TEMPLATES):
``{{ ticket.amount|money:ticket.currency }}``; Python code calls ``format_money``.
"""

from decimal import Decimal, InvalidOperation

from django import template
from django.utils.translation import get_language

# How each language names a currency before the amount; the ISO code otherwise.
SYMBOLS = {"es": {"USD": "US$", "GTQ": "Q", "MXN": "MX$"}}
SEPARATORS = {"es": (".", ","), "en": (",", ".")}  # (thousands, decimals)


def format_money(amount, currency: str = "USD", *, language: str | None = None) -> str:
    """``amount`` in ``currency`` for the active (or given) language; "—" when there is none."""
    if amount is None or amount == "":
        return "—"
    try:
        value = Decimal(str(amount)).quantize(Decimal("0.01"))
    except InvalidOperation:
        return str(amount)
    language = (language or get_language() or "es")[:2]
    thousands, decimals = SEPARATORS.get(language, SEPARATORS["en"])
    whole, cents = f"{abs(value):,.2f}".split(".")
    number = whole.replace(",", thousands) + decimals + cents
    code = (currency or "").upper()
    symbol = SYMBOLS.get(language, {}).get(code, code)
    return f"{'-' if value < 0 else ''}{symbol} {number}".strip()


register = template.Library()


@register.filter(name="money")
def money_filter(amount, currency: str = "USD") -> str:
    return format_money(amount, currency)
