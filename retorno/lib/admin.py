"""The Django admin's rules for workflow records."""

from django.contrib import admin


class ReadOnlyAdmin(admin.ModelAdmin):
    """A workflow record, shown read-only for support.

    Workflow state changes only through the actions (which audit), and the administrator sees
    configuration, not case data: links to a person are never shown here.
    """

    def get_exclude(self, request, obj=None):
        from retorno.people.models import Person

        to_person = [f.name for f in self.model._meta.fields if f.is_relation and f.related_model is Person]
        return [*(super().get_exclude(request, obj) or []), *to_person]

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
