from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProtectionConfig(AppConfig):
    name = "retorno.protection"
    verbose_name = _("Protection")

    def ready(self) -> None:
        from retorno.accounts.access import register_permissions
        from retorno.accounts.home import HomeSection, NavItem, register_home_section, register_nav_item
        from retorno.accounts.models import User
        from retorno.people.profile import register_profile_panel
        from retorno.protection.panels import protection_panel

        R = User.Role
        register_permissions(
            {
                # Pages: who finds the protection and psychosocial work lists.
                "protection.home": frozenset({R.PROTECTION, R.MANAGER}),
                "protection.psychosocial_home": frozenset({R.PSYCHOSOCIAL, R.MANAGER}),
                "protection.queue": frozenset({R.PROTECTION, R.PSYCHOSOCIAL, R.MANAGER}),
                # Who may be assigned to (and work on) each kind of case.
                "protection.work_psychosocial": frozenset({R.PSYCHOSOCIAL}),
                "protection.work_protection": frozenset({R.PROTECTION}),
                # Oversight without the sealed content: case metadata, assignment, who has seen a case.
                "protection.oversight": frozenset({R.MANAGER}),
                # Assigning staff to a case (a case's supervisor may too; emergency access never does).
                "protection.assign": frozenset({R.MANAGER}),
                "protection.break_glass": frozenset({R.PROTECTION, R.PSYCHOSOCIAL, R.MANAGER}),
                "protection.review_break_glass": frozenset({R.MANAGER}),
                "protection.export_htcds": frozenset({R.PROTECTION, R.MANAGER}),
                "protection.partner_shared": frozenset({R.PARTNER}),
                # "Protection team involved" — reception sees only its own flag, M&E and admin nothing.
                "protection.see_involvement": frozenset({R.PSYCHOSOCIAL, R.PROTECTION, R.REINTEGRATION, R.MANAGER}),
            }
        )
        register_home_section(
            HomeSection(
                "protection.home",
                _("Protection"),
                _("Referrals waiting, trafficking cases, unaccompanied minors and follow-up visits due."),
                "protection:index",
                40,
            )
        )
        register_home_section(
            HomeSection(
                "protection.psychosocial_home",
                _("Psychosocial care"),
                _("Assessments, sessions, referrals and follow-up plans."),
                "protection:psychosocial",
                41,
            )
        )
        register_home_section(
            HomeSection(
                "protection.partner_shared",
                _("Shared protection cases"),
                _("What a referral shares with your organisation, with consent."),
                "protection:shared",
                42,
            )
        )
        register_nav_item(NavItem("protection.home", _("Protection"), "protection:index", 40))
        register_nav_item(
            NavItem("protection.psychosocial_home", _("Psychosocial care"), "protection:psychosocial", 41)
        )
        register_profile_panel(40, protection_panel)
        from retorno.protection import actions, queries
        from retorno.reception import hooks

        hooks.register_protection_flags(queries.persons_with_protection_flag)
        hooks.register_minor_handover(queries.minor_handed_over)
        hooks.register_protection_referral(actions.protection_referral_receive)
        # A minor leaves a shelter only to the guardian the chain of custody names (protection keeps it).
        from retorno.referrals.hooks import register_minor_handover_check

        register_minor_handover_check("retorno.protection.queries.minor_handover_since")
