"""Who may do what: the one place where roles become permissions.

Views and API endpoints ask ``can(user, "person.view")``; queries such as
``persons_visible_to(user)`` narrow rows. Nothing else inspects ``user.role``.
"""

from collections.abc import Callable
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from retorno.accounts.models import User

R = User.Role
PROGRAMME_STAFF = frozenset({R.RECEPTION, R.PSYCHOSOCIAL, R.PROTECTION, R.REINTEGRATION, R.MANAGER})

# Each permission names the roles that hold it. Keep this table the single source of truth.
PERMISSIONS: dict[str, frozenset[str]] = {
    "person.view": PROGRAMME_STAFF | {R.PARTNER},
    "person.search": PROGRAMME_STAFF,
    "person.create": frozenset({R.RECEPTION, R.REINTEGRATION, R.MANAGER}),
    "person.edit": frozenset({R.RECEPTION, R.REINTEGRATION, R.MANAGER}),
    "consent.record": PROGRAMME_STAFF,
    "audit.view_access": frozenset({R.MANAGER}),
    "audit.view_log": frozenset({R.MANAGER}),
    "reference.manage": frozenset({R.ADMIN}),
    "users.manage": frozenset({R.ADMIN}),
    "reports.view": frozenset({R.MONITORING, R.MANAGER}),
}


def register_permissions(extra: dict[str, frozenset[str]]) -> None:
    """Let a domain app add its permissions to the table (called from its ``apps.py``)."""
    for name, roles in extra.items():
        if name in PERMISSIONS and PERMISSIONS[name] != roles:
            raise ValueError(f"Permission {name!r} is defined twice with different roles.")
        PERMISSIONS[name] = frozenset(roles)


def can(user: User, permission: str) -> bool:
    """True when an active, signed-in user's role holds ``permission``."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.role in PERMISSIONS[permission]


def has_role(user: User, *roles: str) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active and user.role in roles)


def require(user: User, permission: str) -> None:
    """Raise PermissionDenied unless ``user`` holds ``permission``."""
    if not can(user, permission):
        raise PermissionDenied


def permission_required(permission: str) -> Callable:
    """View decorator: sign-in required, then ``permission``; 403 otherwise."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not request.user.is_authenticated:
                from django.contrib.auth.views import redirect_to_login

                return redirect_to_login(request.get_full_path())
            require(request.user, permission)
            return view(request, *args, **kwargs)

        wrapped.required_permission = permission  # read by the role × operation matrix test
        return wrapped

    return decorator


# Roles that can open sealed data or approve money prove a second factor (TOTP or a recovery
# code) after their password, on every page, the admin and the API token endpoint.
SECOND_FACTOR_ROLES = frozenset({R.PROTECTION, R.PSYCHOSOCIAL, R.MANAGER, R.ADMIN})


def needs_second_factor(user: User) -> bool:
    """True for users whose role (or staff status, for the Django admin) requires a second factor."""
    return bool(getattr(user, "is_authenticated", False)) and (
        user.role in SECOND_FACTOR_ROLES or user.is_staff or user.is_superuser
    )
