from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReintegrationConfig(AppConfig):
    name = "retorno.reintegration"
    verbose_name = _("Reintegration")

    def ready(self) -> None:
        from retorno.accounts.access import register_permissions
        from retorno.accounts.home import HomeSection, NavItem, register_home_section, register_nav_item
        from retorno.accounts.models import User
        from retorno.people.profile import register_profile_panel
        from retorno.referrals.hooks import register_status_follower
        from retorno.reintegration.views import profile_panel

        R = User.Role
        officers = frozenset({R.REINTEGRATION, R.MANAGER})
        register_permissions(
            {
                "reintegration.view": officers,
                "reintegration.edit": officers,
                # The consented migration history given at reception, read from a case (tier 1, never
                # the sealed smuggler part): docs/migration-history.md.
                "reintegration.history_view": officers,
                "reintegration.grant_approve": frozenset({R.MANAGER}),
                # Recomputing every stored survey score with a scoring version.
                "reintegration.rescore": frozenset({R.MANAGER}),
                # Figures without names: M&E may see them too.
                "reintegration.figures": frozenset({R.REINTEGRATION, R.MANAGER, R.MONITORING}),
            }
        )
        register_home_section(
            HomeSection(
                "reintegration.view",
                _("Reintegration worklist"),
                _("Follow-ups due and your reintegration cases."),
                "reintegration:worklist",
                40,
            )
        )
        register_home_section(
            HomeSection(
                "reintegration.grant_approve",
                _("Business grants to approve"),
                _("Plans submitted for review."),
                "reintegration:grants",
                45,
            )
        )
        register_home_section(
            HomeSection(
                "reintegration.figures",
                _("Reintegration figures"),
                _("Cases, follow-ups, outcomes and re-migration, without names."),
                "reintegration:figures",
                60,
            )
        )
        register_nav_item(NavItem("reintegration.view", _("Reintegration"), "reintegration:worklist", 40))
        register_profile_panel(40, profile_panel)
        register_status_follower("employment", "retorno.reintegration.actions.job_referral_follow")
        # Every check-in schedules the person's follow-ups (reception sits below and cannot call us).
        from retorno.reception.hooks import register_arrival_follower
        from retorno.reintegration.actions import followups_on_arrival

        register_arrival_follower(followups_on_arrival)
        # Taking reception's "documents (no DPI)" item drafts a DPI request here.
        from retorno.reception.hooks import register_work_taker
        from retorno.reintegration.actions import document_taken_from_triage

        register_work_taker("dpi_request", document_taken_from_triage)
        from retorno.messaging.periodic import register_periodic
        from retorno.reintegration.actions import followup_invitation_reminders

        register_periodic("reintegration.followup_reminders", followup_invitation_reminders)
