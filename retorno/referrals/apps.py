from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferralsConfig(AppConfig):
    name = "retorno.referrals"
    verbose_name = _("Referrals")

    def ready(self) -> None:
        from retorno.accounts.access import PROGRAMME_STAFF, register_permissions
        from retorno.accounts.home import HomeSection, NavItem, register_home_section, register_nav_item
        from retorno.accounts.models import User
        from retorno.people.hooks import register_shared_person_ids
        from retorno.people.profile import register_profile_panel
        from retorno.referrals.views.referrals import referrals_panel

        R = User.Role
        register_permissions(
            {
                "partner.view": PROGRAMME_STAFF,
                "partner.manage": frozenset({R.MANAGER}),
                "referral.list": PROGRAMME_STAFF,
                # A sealed referral (from a protection case) tells that the protection team is involved:
                # the roles that may know it (as protection.see_involvement) list it, reception does not.
                "referral.list_sealed": frozenset({R.PSYCHOSOCIAL, R.PROTECTION, R.REINTEGRATION, R.MANAGER}),
                "referral.create": PROGRAMME_STAFF,
                "referral.consent_override": frozenset({R.MANAGER}),
                "referral.link": PROGRAMME_STAFF,
                "referral.revoke": PROGRAMME_STAFF,
                # Partners answer in Retorno; staff may record an answer a partner gave by phone.
                "referral.answer": PROGRAMME_STAFF | {R.PARTNER},
                "referral.inbox": frozenset({R.PARTNER}),
                "shelter.view": PROGRAMME_STAFF | {R.PARTNER},
                "shelter.view_all": PROGRAMME_STAFF,
                "shelter.manage": frozenset({R.MANAGER}),
                "stay.manage": frozenset({R.RECEPTION, R.MANAGER, R.PARTNER}),
            }
        )
        register_home_section(
            HomeSection(
                "referral.list",
                _("Referrals"),
                _("Your referrals to partners, overdue answers first."),
                "referrals:worklist",
                40,
            )
        )
        register_home_section(
            HomeSection(
                "referral.inbox",
                _("Referrals received"),
                _("People referred to your organisation: accept, reject, report back."),
                "referrals:inbox",
                10,
            )
        )
        register_home_section(
            HomeSection(
                "shelter.view",
                _("Shelters"),
                _("Occupancy, expected arrivals, check-in and check-out."),
                "referrals:shelters",
                45,
            )
        )
        register_home_section(
            HomeSection(
                "partner.view",
                _("Partner directory"),
                _("Who offers shelter, health, documents, training, jobs, legal and psychosocial help."),
                "referrals:partners",
                50,
            )
        )
        register_nav_item(NavItem("referral.list", _("Referrals"), "referrals:worklist", 40))
        register_nav_item(NavItem("referral.inbox", _("Referrals received"), "referrals:inbox", 40))
        register_nav_item(NavItem("shelter.view", _("Shelters"), "referrals:shelters", 45))
        register_nav_item(NavItem("partner.view", _("Partners"), "referrals:partners", 50))
        register_profile_panel(40, referrals_panel)
        register_shared_person_ids("retorno.referrals.queries.person_ids_shared_with")
        from retorno.messaging.periodic import register_periodic
        from retorno.referrals.actions import referral_reminders_queue

        register_periodic("referrals.reminders", referral_reminders_queue)
        from retorno.referrals import ledger_sources

        ledger_sources.register()  # costs in the programme ledger (retorno.funding)
