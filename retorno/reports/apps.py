from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "retorno.reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        from retorno.accounts.access import register_permissions
        from retorno.accounts.home import HomeSection, NavItem, register_home_section, register_nav_item
        from retorno.accounts.models import User
        from retorno.reports.indicators import register_all

        R = User.Role
        register_permissions(
            {
                # Unsuppressed figures of the non-sealed indicators; sealed ones are always protected.
                "reports.unsuppressed": frozenset({R.MONITORING, R.MANAGER}),
                "reports.define": frozenset({R.MONITORING, R.MANAGER}),
            }
        )
        register_all()
        register_home_section(
            HomeSection(
                "reports.view",
                _("Evidence"),
                _("Indicators, dashboard, report builder, donor reports and open data."),
                "reports:dashboard",
                80,
            )
        )
        register_nav_item(NavItem("reports.view", _("Evidence"), "reports:dashboard", 80))
