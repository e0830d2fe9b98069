from retorno.accounts.access import PERMISSIONS, can, register_permissions
from retorno.accounts.models import User


def test_every_permission_names_known_roles():
    roles = set(User.Role.values)
    assert all(set(holders) <= roles for holders in PERMISSIONS.values())


def test_inactive_and_anonymous_users_hold_nothing():
    from django.contrib.auth.models import AnonymousUser

    inactive = User(role=User.Role.MANAGER, is_active=False)
    assert not can(AnonymousUser(), "person.view")
    assert not can(inactive, "person.view")


def test_a_permission_cannot_be_redefined_differently():
    import pytest

    register_permissions({"person.view": PERMISSIONS["person.view"]})  # same roles: fine
    with pytest.raises(ValueError):
        register_permissions({"person.view": frozenset({User.Role.ADMIN})})
