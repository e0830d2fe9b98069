"""Template context shared by every page: what the navigation may offer (from accounts: roles and the nav registry)."""

from django.http import HttpRequest

from retorno.accounts.access import can, needs_second_factor
from retorno.accounts.home import nav_items


def navigation(request: HttpRequest) -> dict:
    """What the navigation bar may offer this user (so templates never inspect roles)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "nav": {
            "search": can(user, "person.search"),
            "create_person": can(user, "person.create"),
            "admin": can(user, "users.manage"),
            "reports": can(user, "reports.view"),
            "second_factor": needs_second_factor(user),
        },
        "nav_extra": nav_items(user),
    }
