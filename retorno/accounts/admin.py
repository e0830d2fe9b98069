from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from retorno.accounts.actions import user_access_end
from retorno.accounts.models import Organisation, User
from retorno.accounts.second_factor.actions import second_factor_reset
from retorno.accounts.second_factor.models import RecoveryCodeDevice

# Secrets and recovery codes are nobody's business but their owner's: the administrator only
# resets a second factor (an audited action on the user list), never reads one. (otp_static stays
# installed only for the migration that moved its plain codes into hashed ones; it holds none.)
for _model in (TOTPDevice, StaticDevice, RecoveryCodeDevice):
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

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "is_active" in form.changed_data and not obj.is_active:
            # Deactivation ends the user's tokens and sessions at once (and for good, if reactivated).
            user_access_end(actor=request.user, user=obj, reason="deactivated", request=request)

    def user_change_password(self, request, id, form_url=""):
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            user = self.get_object(request, id)
            keep = request.session.session_key if user.pk == request.user.pk else None
            user_access_end(
                actor=request.user, user=user, reason="password_changed", keep_session_key=keep, request=request
            )
        return response

    actions = ["reset_second_factor"]

    @admin.action(description=_("Reset the second factor (the user enrols again at next sign-in)"))
    def reset_second_factor(self, request, queryset):
        for user in queryset:
            second_factor_reset(actor=request.user, user=user, request=request)
        self.message_user(request, _("Second factor reset for %(count)d users.") % {"count": len(queryset)})
