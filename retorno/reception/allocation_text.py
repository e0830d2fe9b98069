"""Allocation decisions in words: each stored decision keeps its reason code and parameters."""

# reason code -> (Spanish, English)
MESSAGES: dict[str, tuple[str, str]] = {
    "allocated": (
        "Pasaje asignado ({fare}): prioridad {rank} de {count}, vulnerabilidad {vulnerability}.",
        "Ticket allocated ({fare}): priority {rank} of {count}, vulnerability {vulnerability}.",
    ),
    "can_pay": (
        "No necesita apoyo: puede pagar su pasaje.",
        "No support needed: can pay the fare.",
    ),
    "family_collecting": (
        "No necesita apoyo: su familia viene a recogerle.",
        "No support needed: family is collecting them.",
    ),
    "no_fare": (
        "Sin tarifa para su destino: registre la tarifa o gestione otro traslado.",
        "No fare for the destination: record the fare or arrange other transport.",
    ),
    "fare_over_budget": (
        "Su pasaje ({fare}) supera todo el presupuesto del vuelo ({budget}).",
        "The fare ({fare}) exceeds the flight's whole budget ({budget}).",
    ),
    "would_reduce_count": (
        "Con su pasaje ({fare}) llegarían a casa menos de {count} personas.",
        "With this fare ({fare}) fewer than {count} people would get home.",
    ),
    "leaves_out_more_vulnerable": (
        "Darle pasaje ({fare}) dejaría sin pasaje a alguien con vulnerabilidad {vulnerability} o más.",
        "A ticket for this person ({fare}) would leave out someone with vulnerability {vulnerability} or more.",
    ),
    "costs_more": (
        "Se ayudaría a personas igual de vulnerables, pero su pasaje ({fare}) costaría {extra} más al vuelo.",
        "As vulnerable people would be helped, but this fare ({fare}) would cost the flight {extra} more.",
    ),
    "tie_by_order": (
        "Empate con otra persona igual de vulnerable y con la misma tarifa ({fare}): decidió el orden de la lista.",
        "A tie with someone as vulnerable and with the same fare ({fare}): the list order decided.",
    ),
}


TICKETED = "ticketed"  # stored for a person whose ticket was issued before a re-allocation
MESSAGES_OTHER = {
    TICKETED: ("Pasaje emitido ({fare}) antes de esta asignación.", "Ticket issued ({fare}) before this allocation."),
}


def render(reason: str, params: dict, language: str) -> str:
    """A stored decision (reason code and parameters) in ``language`` ("es" or "en")."""
    texts = MESSAGES_OTHER.get(reason) or MESSAGES.get(reason)
    if texts is None:
        return reason
    from retorno.lib.money import format_money

    currency = params.get("currency", "USD")
    values = {
        k: (format_money(v, currency, language=language[:2]) if k in _MONEY_PARAMS else v) for k, v in params.items()
    }
    return texts[1 if language.startswith("en") else 0].format_map(_Missing(values))


_MONEY_PARAMS = frozenset({"fare", "budget", "extra"})


class _Missing(dict):
    def __missing__(self, key: str) -> str:
        return "—"
