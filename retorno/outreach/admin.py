"""Read-only in the admin: outreach records change only through the actions (audited)."""

from django.contrib import admin

from retorno.lib.admin import ReadOnlyAdmin
from retorno.outreach.models import CapacityChecklist, Network, PartnerAgreement, Training


@admin.register(Training)
class TrainingAdmin(ReadOnlyAdmin):
    list_display = ["title", "audience", "starts_on", "status"]
    list_filter = ["status", "audience", "topic"]


@admin.register(Network)
class NetworkAdmin(ReadOnlyAdmin):
    list_display = ["name", "kind", "department", "is_active"]


@admin.register(PartnerAgreement)
class PartnerAgreementAdmin(ReadOnlyAdmin):
    list_display = ["title", "organisation", "amount", "currency", "status"]
    list_filter = ["status"]


@admin.register(CapacityChecklist)
class CapacityChecklistAdmin(ReadOnlyAdmin):
    list_display = ["name", "is_active"]
