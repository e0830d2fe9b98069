from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    name = "retorno.messaging"
    verbose_name = _("Messages")

    def ready(self) -> None:
        from retorno.accounts.access import PROGRAMME_STAFF, register_permissions
        from retorno.accounts.home import NavItem, register_nav_item
        from retorno.accounts.models import User
        from retorno.messaging.actions import messages_sweep
        from retorno.messaging.periodic import register_periodic

        R = User.Role
        register_permissions(
            {
                "message.view": frozenset({R.MANAGER}),
                "message.opt_out": PROGRAMME_STAFF,
            }
        )
        register_nav_item(NavItem("message.view", _("Messages"), "messaging:outbox", 80))
        register_periodic("messages.sweep", messages_sweep)
