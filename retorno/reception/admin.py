"""Reference data (triage needs, fares) is edited here; workflow records are read-only."""

from django.contrib import admin

from retorno.lib.admin import ReadOnlyAdmin
from retorno.reception.models import (
    AllocationRun,
    Arrival,
    ColumnMapping,
    Fare,
    Flight,
    ManifestImport,
    ServiceGiven,
    Ticket,
    TransportOverride,
    TriageNeed,
)


@admin.register(TriageNeed)
class TriageNeedAdmin(admin.ModelAdmin):
    list_display = ("code", "name_es", "name_en", "order", "is_active")
    list_editable = ("order", "is_active")


@admin.register(Fare)
class FareAdmin(admin.ModelAdmin):
    list_display = ("department", "municipality", "terminal", "amount", "currency", "is_active")
    list_filter = ("is_active", "currency", "department")
    autocomplete_fields = ()
    raw_id_fields = ("municipality",)


@admin.register(Flight)
class FlightAdmin(ReadOnlyAdmin):
    shown_text = ("code", "origin", "carrier")
    list_display = ("date", "code", "kind", "origin", "carrier", "status", "expected_count")
    list_filter = ("status", "kind")


@admin.register(ManifestImport)
class ManifestImportAdmin(ReadOnlyAdmin):
    shown_text = ("source", "filename")
    list_display = ("flight", "source", "filename", "status", "row_count", "error_count", "uploaded_at")
    exclude = ("content",)


@admin.register(ColumnMapping)
class ColumnMappingAdmin(ReadOnlyAdmin):
    shown_text = ("source",)
    list_display = ("source", "updated_at", "updated_by")

    def has_delete_permission(self, request, obj=None) -> bool:
        return True  # forgetting a wrong mapping is support work, and the next import asks again


@admin.register(Arrival)
class ArrivalAdmin(ReadOnlyAdmin):
    list_display = ("id", "flight", "status", "return_number", "checked_in_at")
    list_filter = ("status",)
    raw_id_fields = ("manifest_row", "flight")


for model in (ServiceGiven, AllocationRun, TransportOverride, Ticket):
    admin.site.register(model, ReadOnlyAdmin)
