"""The arrivals panel on a person's profile."""

from django.utils.translation import gettext as _

from retorno.accounts.access import can
from retorno.reception.queries import migration_history_consents, person_arrivals


def arrivals_panel(request, person) -> dict | None:
    """Every arrival of the person, numbered (1st, 2nd, 3rd return), for programme staff.

    The profile view has already audited the read of this person's record.
    """
    if not can(request.user, "reception.arrivals_panel"):
        return None
    arrivals = list(person_arrivals(person))
    consents = migration_history_consents(arrivals)
    for arrival in arrivals:
        arrival.history_consent = consents.get(arrival.pk, "")
    return {
        "title": _("Arrivals"),
        "template": "reception/_profile_arrivals.html",
        "context": {
            "arrivals": arrivals,
            "can_open": can(request.user, "reception.flight_view"),
            "can_history": can(request.user, "reception.history_view"),
            # Protection officers do not open arrivals: the sealed answers are reached from here.
            "can_history_sealed": can(request.user, "reception.history_sealed_view"),
        },
    }
