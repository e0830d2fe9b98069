"""Panels that other apps add to a person's profile (arrivals, cases, referrals...).

An app registers a function ``panel(request, person) -> dict | None`` returning
``{"title", "template", "context"}`` or None when the user may not see it; the
profile renders them in order. The function does its own access checks and audit.
"""

from collections.abc import Callable

PANELS: list[tuple[int, Callable]] = []


def register_profile_panel(order: int, panel: Callable) -> None:
    if all(p is not panel for _, p in PANELS):
        PANELS.append((order, panel))
        PANELS.sort(key=lambda item: item[0])


def profile_panels(*, request, person) -> list[dict]:
    return [shown for _, panel in PANELS if (shown := panel(request, person))]
