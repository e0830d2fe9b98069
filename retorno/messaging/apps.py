from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    name = "retorno.messaging"
    verbose_name = _("Messages")

    def ready(self) -> None:
        from retorno.accounts.access import PROGRAMME_STAFF, register_permissions
        from retorno.accounts.home import HomeSection, register_home_section
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
        # A home tile, not a menu entry: the manager's menu must stay on one line.
        register_home_section(
            HomeSection(
                "message.view",
                _("Messages"),
                _("Every email, SMS and WhatsApp message sent: status, attempts, cost; opt-outs."),
                "messaging:outbox",
                85,
            )
        )
        register_periodic("messages.sweep", messages_sweep)
