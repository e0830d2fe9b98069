from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReceptionConfig(AppConfig):
    name = "retorno.reception"
    verbose_name = _("Reception")

    def ready(self) -> None:
        from retorno.accounts.access import PROGRAMME_STAFF, register_permissions
        from retorno.accounts.home import HomeSection, NavItem, register_home_section, register_nav_item
        from retorno.accounts.models import User
        from retorno.people.hooks import register_arrival_counts
        from retorno.people.profile import register_profile_panel
        from retorno.reception.panels import arrivals_panel

        R = User.Role
        desk = frozenset({R.RECEPTION, R.MANAGER})
        register_permissions(
            {
                "reception.flight_view": desk,
                "reception.flight_manage": desk,  # flights, manifests, status, closing
                "reception.checkin": desk,
                "reception.triage": desk,
                "reception.service": desk,
                "reception.transport": desk,
                "reception.override_approve": frozenset({R.MANAGER}),
                "reception.budget_set": frozenset({R.MANAGER}),
                "reception.minor_flag_unset": frozenset({R.MANAGER}),
                "reception.minors_view": desk | {R.PROTECTION},
                "reception.protection_acknowledge": frozenset({R.PROTECTION, R.MANAGER}),
                "reception.minors_home": frozenset({R.PROTECTION}),  # the home tile only
                "reception.arrivals_panel": PROGRAMME_STAFF,
                # The consented migration history (docs/migration-history.md): the desk asks it after
                # triage; managers read it; the smuggler's use and cost are sealed for protection
                # officers. M&E sees aggregates only, on the migration profile.
                "reception.history_record": frozenset({R.RECEPTION}),
                "reception.history_view": desk,
                "reception.history_sealed_view": frozenset({R.PROTECTION}),
                # Work handed on by triage flags, one queue per receiving team.
                "reception.work_psychosocial": frozenset({R.PSYCHOSOCIAL, R.MANAGER}),
                "reception.work_health": frozenset({R.PSYCHOSOCIAL, R.MANAGER}),
                "reception.work_dpi_request": frozenset({R.REINTEGRATION, R.MANAGER}),
                "reception.work_reintegration_intake": frozenset({R.REINTEGRATION, R.MANAGER}),
                "reception.work_home": frozenset({R.PSYCHOSOCIAL, R.REINTEGRATION, R.MANAGER}),
            }
        )
        register_home_section(
            HomeSection(
                "reception.work_home",
                _("From reception"),
                _("People triage sent to your team: psychosocial care, health, DPI requests, reintegration intake."),
                "reception:work",
                32,
            )
        )
        register_home_section(
            HomeSection(
                "reception.flight_view",
                _("Flights"),
                _("Announced flights, manifests, check-in, triage and transport home."),
                "reception:flights",
                30,
            )
        )
        register_home_section(
            HomeSection(
                "reception.minors_home",
                _("Minors arriving"),
                _("Minors on each flight and their handover to protection."),
                "reception:flights",
                31,
            )
        )
        register_nav_item(NavItem("reception.flight_view", _("Flights"), "reception:flights", 30))
        register_profile_panel(30, arrivals_panel)
        register_arrival_counts("retorno.reception.returns")  # the registry's counts of returns
        from retorno.reception import ledger_sources

        ledger_sources.register()  # costs in the programme ledger (retorno.funding)
