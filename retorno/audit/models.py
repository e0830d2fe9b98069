"""The append-only event and access log."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("Audit events are append-only.")

    def delete(self):
        raise PermissionError("Audit events are append-only.")


class AuditEvent(models.Model):
    """One write, read, export or security event. Never changed once written.

    ``person_id`` ties an event to a person's record for "who has seen this record";
    it is a plain integer, not a foreign key, so that erasing a person never erases
    the trail of who looked at them.
    """

    class Kind(models.TextChoices):
        WRITE = "write", _("Change")
        VIEW = "view", _("View")
        EXPORT = "export", _("Export")
        SECURITY = "security", _("Security")
        BREAK_GLASS = "break_glass", _("Emergency access")

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    actor_username = models.CharField(_("user"), max_length=150, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    action = models.CharField(_("action"), max_length=80)
    object_type = models.CharField(_("object type"), max_length=80, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    person_id = models.BigIntegerField(_("person"), null=True, blank=True, db_index=True)
    section = models.CharField(_("section"), max_length=80, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    old = models.JSONField(_("old value"), null=True, blank=True)
    new = models.JSONField(_("new value"), null=True, blank=True)
    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_username} {self.action}"

    def save(self, *args, **kwargs):
        # Integrity guard, not a domain rule: a stored event is never rewritten.
        if self.pk is not None and not kwargs.get("force_insert"):
            raise PermissionError("Audit events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Audit events are append-only.")
