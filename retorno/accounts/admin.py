from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from retorno.accounts.models import Organisation, User


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
