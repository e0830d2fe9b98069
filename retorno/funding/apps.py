from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "retorno.funding"
    verbose_name = _("Funding")

    def ready(self) -> None:
        from retorno.accounts.access import register_permissions
        from retorno.accounts.models import User

        R = User.Role
        register_permissions(
            {
                "funding.view": frozenset({R.MANAGER, R.MONITORING}),
                "funding.manage": frozenset({R.MANAGER}),
            }
        )
