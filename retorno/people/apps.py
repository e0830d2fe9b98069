from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "retorno.people"
    verbose_name = _("People")

    def ready(self) -> None:
        from retorno.accounts.access import register_permissions
        from retorno.accounts.home import HomeSection, NavItem, register_home_section, register_nav_item
        from retorno.accounts.models import User
        from retorno.people.hooks import register_identity_follower

        R = User.Role
        register_permissions(
            {
                # Least privilege: the desks that register people see the queue and may say "not the
                # same person"; joining two records (and undoing it) is a manager's decision.
                "person.review_matches": frozenset({R.RECEPTION, R.REINTEGRATION, R.MANAGER}),
                "person.merge": frozenset({R.MANAGER}),
            }
        )
        register_home_section(
            HomeSection(
                "person.review_matches",
                _("Possible duplicates"),
                _("Records that may be the same person: compare them side by side, merge or keep apart."),
                "people:match_queue",
                15,
            )
        )
        register_nav_item(NavItem("person.merge", _("Duplicates"), "people:match_queue", 15))
        register_identity_follower("retorno.people.match_actions.pairs_queue_for")
