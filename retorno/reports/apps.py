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
                "reports.menu": frozenset({R.MONITORING}),
            }
        )
        register_all()
        # The arrival summary follows every write that changes what it counts (reports.summaries).
        from retorno.people.hooks import register_person_watcher
        from retorno.reception.hooks import register_arrival_follower, register_arrival_watcher
        from retorno.reports.summaries import arrival_counted, arrivals_watch

        register_arrival_follower(arrival_counted)
        register_arrival_watcher(arrivals_watch)
        register_person_watcher("retorno.reports.summaries.persons_watch")
        register_home_section(
            HomeSection(
                "reports.view",
                _("Evidence"),
                _("Indicators, dashboard, report builder, donor reports and open data."),
                "reports:dashboard",
                80,
            )
        )
        # In the menu of the M&E officer, whose work it is; managers open it from their home page
        # (their menu must stay on one line at 1366 px).
        register_nav_item(NavItem("reports.menu", _("Evidence"), "reports:dashboard", 80))
