"""The Django admin's rules for workflow records."""

from django.contrib import admin
from django.db import models


class AdminRef:
    """What the admin prints for a workflow record instead of its text form: kind and number.

    A record's ``str()`` may carry a person's name (an arrival, a manifest row); this never does.
    """

    def __init__(self, obj: models.Model) -> None:
        self.pk = obj.pk
        self.label = f"{obj._meta.verbose_name} #{obj.pk}"

    def __str__(self) -> str:
        return self.label


def _is_text(field: models.Field) -> bool:
    free_text = isinstance(field, (models.CharField, models.TextField)) and not field.choices
    return free_text or isinstance(field, (models.JSONField, models.BinaryField))


class ReadOnlyAdmin(admin.ModelAdmin):
    """A workflow record, shown read-only for support.

    Workflow state changes only through the actions (which audit), and the administrator sees
    configuration, not case data: no page shows a person's name or case text. So a record shows
    only its numbers, dates, statuses and flags; free text only when named in ``shown_text``
    (configuration such as a flight's code); a link to another record as "<kind> #<id>", except
    to configuration the admin edits (users, organisations, geography); and every title names
    the record by kind and number, never by its ``str()``.
    """

    shown_text: tuple[str, ...] = ()

    def __init__(self, model, admin_site) -> None:
        super().__init__(model, admin_site)
        for field in model._meta.concrete_fields:
            if field.is_relation:
                setattr(self, f"{field.name}_ref", self._ref(field))

    @staticmethod
    def _ref(field: models.Field):
        def ref(obj) -> str:
            pk = getattr(obj, field.attname)
            return "—" if pk is None else f"{field.related_model._meta.verbose_name} #{pk}"

        ref.short_description = field.verbose_name
        return ref

    def _is_configuration(self, model) -> bool:
        registered = self.admin_site._registry.get(model)
        return registered is not None and not isinstance(registered, ReadOnlyAdmin)

    def _shown(self, name: str) -> str | None:
        """The name to show for a model field (its ref for a link to case data), or None to hide it."""
        try:
            field = self.model._meta.get_field(name)
        except Exception:  # noqa: BLE001 — not a field: a method the admin declares
            return name
        if field.is_relation:
            return name if self._is_configuration(field.related_model) else f"{name}_ref"
        if _is_text(field) and name not in self.shown_text:
            return None
        return name

    def get_fields(self, request, obj=None) -> list[str]:
        excluded = set(self.exclude or ())
        fields = [f for f in self.model._meta.concrete_fields if not f.primary_key and f.name not in excluded]
        return [n for n in (self._shown(f.name) for f in fields) if n]

    def get_readonly_fields(self, request, obj=None) -> list[str]:
        return self.get_fields(request, obj)

    def get_list_display(self, request):
        names = [self._shown(n) if n != "__str__" else "record" for n in super().get_list_display(request)]
        return [n for n in names if n] or ["record"]

    def get_list_display_links(self, request, list_display):
        return list_display[:1]

    @admin.display(description="#")
    def record(self, obj) -> str:
        return str(AdminRef(obj))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, admin.utils.unquote(object_id))
        if obj is not None:
            ref = AdminRef(obj)
            extra_context = {**(extra_context or {}), "subtitle": str(ref), "original": ref}
        return super().change_view(request, object_id, form_url, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        from django.utils.translation import gettext as _

        obj = self.get_object(request, admin.utils.unquote(object_id))
        if obj is not None:
            ref = AdminRef(obj)
            extra_context = {**(extra_context or {}), "object": ref, "title": _("Change history: %s") % ref}
        return super().history_view(request, object_id, extra_context)

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
