from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "retorno.funding"
    verbose_name = _("Funding")

    def ready(self) -> None:
        from retorno.accounts.access import register_permissions
        from retorno.accounts.home import HomeSection, register_home_section
        from retorno.accounts.models import User

        R = User.Role
        register_permissions(
            {
                "funding.view": frozenset({R.MANAGER, R.MONITORING}),
                "funding.manage": frozenset({R.MANAGER}),
                # Letting a payment take a budget line below zero.
                "funding.override": frozenset({R.MANAGER}),
            }
        )
        register_home_section(
            HomeSection(
                "funding.view",
                _("Budgets and donors"),
                _("Budget lines with what is spent and left, in-kind donations, exchange rates."),
                "funding:budgets",
                46,
            )
        )
