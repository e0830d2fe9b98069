from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from retorno.accounts.models import Organisation, User
from retorno.accounts.second_factor.actions import second_factor_reset

# Secrets and recovery codes are nobody's business but their owner's: the administrator only
# resets a second factor (an audited action on the user list), never reads one.
for _model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(User)
class RetornoUserAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "organisation", "is_active"]
    list_filter = ["role", "organisation", "is_active"]
    fieldsets = UserAdmin.fieldsets + (("Retorno", {"fields": ["role", "organisation", "supervisor"]}),)
    add_fieldsets = UserAdmin.add_fieldsets + (("Retorno", {"fields": ["role", "organisation", "supervisor"]}),)
    actions = ["reset_second_factor"]

    @admin.action(description=_("Reset the second factor (the user enrols again at next sign-in)"))
    def reset_second_factor(self, request, queryset):
        for user in queryset:
            second_factor_reset(actor=request.user, user=user, request=request)
        self.message_user(request, _("Second factor reset for %(count)d users.") % {"count": len(queryset)})
