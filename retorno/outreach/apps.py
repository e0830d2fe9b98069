from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    name = "retorno.outreach"
    verbose_name = _("Outreach")

    def ready(self) -> None:
        from retorno.accounts.access import PROGRAMME_STAFF, register_permissions
        from retorno.accounts.home import HomeSection, NavItem, register_home_section, register_nav_item
        from retorno.accounts.models import User
        from retorno.outreach import indicators

        R = User.Role
        runs_it = frozenset({R.INSTITUTIONS, R.MANAGER})
        # The officer for institutions runs this; managers too and approve agreements; M&E reads it all.
        # None of these permissions reaches a returnee's record: the new role holds no case permission.
        register_permissions(
            {
                "institution.view": PROGRAMME_STAFF | {R.INSTITUTIONS, R.MONITORING},
                "institution.manage": runs_it,
                "outreach.view": runs_it | {R.MONITORING},
                "outreach.manage": runs_it,
                "outreach.figures": runs_it | {R.MONITORING},
                "outreach.menu": frozenset({R.INSTITUTIONS, R.MONITORING}),
                # Partners see their own agreements and assessments (narrowed in queries).
                "agreement.view": runs_it | {R.MONITORING, R.PARTNER},
                "agreement.manage": runs_it,
                "agreement.approve": frozenset({R.MANAGER}),
            }
        )
        register_home_section(
            HomeSection(
                "outreach.view",
                _("Institutions and prevention"),
                _("Trainings of officials, networks, campaigns, policy dialogue and partner strengthening."),
                "outreach:home",
                60,
            )
        )
        register_home_section(
            HomeSection(
                "institution.view",
                _("Institutions directory"),
                _("Ministries, courts, the MP and its units, municipalities, NGOs, shelters: units and contacts."),
                "outreach:institutions",
                62,
            )
        )
        # In the menu of those whose work it is; managers open it from their home page.
        register_nav_item(NavItem("outreach.menu", _("Institutions"), "outreach:home", 60))
        # Agreements are a home tile, not a menu entry: the manager's menu must stay on one line.
        register_home_section(
            HomeSection(
                "agreement.view",
                _("Partner agreements"),
                _("Sub-grants to partners: tranches, targets and reports due."),
                "outreach:agreements",
                63,
            )
        )
        indicators.register()
        indicators.register_costs()
