"""Read-only in the admin: partners, shelters and referrals change only through actions (audited)."""

from django.contrib import admin

from retorno.lib.admin import ReadOnlyAdmin
from retorno.referrals.models import Partner, Referral, ReferralLink, ReferralStatusChange, Shelter, Stay


@admin.register(Partner)
class PartnerAdmin(ReadOnlyAdmin):
    # The partner directory is configuration: who the organisation is and whom to call there.
    shown_text = ("description", "address", "contact_name", "contact_phone", "contact_email")
    list_display = ["organisation", "answer_days", "is_active"]


@admin.register(Shelter)
class ShelterAdmin(ReadOnlyAdmin):
    shown_text = ("name", "address")
    list_display = ["name", "partner", "stay_limit_hours", "is_active"]


@admin.register(Referral)
class ReferralAdmin(ReadOnlyAdmin):
    # No person names in the admin list: ids only.
    list_display = ["id", "partner", "service", "status", "created_at"]
    list_filter = ["status", "service"]


@admin.register(ReferralStatusChange)
class ReferralStatusChangeAdmin(ReadOnlyAdmin):
    list_display = ["referral", "from_status", "to_status", "via", "at"]


@admin.register(ReferralLink)
class ReferralLinkAdmin(ReadOnlyAdmin):
    list_display = ["referral", "created_at", "expires_at", "used_at", "revoked_at"]
    exclude = ["nonce_digest"]


@admin.register(Stay)
class StayAdmin(ReadOnlyAdmin):
    list_display = ["id", "shelter", "bed_type", "checked_in_at", "checked_out_at"]
