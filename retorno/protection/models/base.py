"""The sealed protection compartment (tier 2): psychosocial care, trafficking cases, minors.

Every narrative field and identifier here is encrypted at rest (``retorno.lib.crypto``).
Who may read what is decided in ``queries.case_access``; nothing here checks roles.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

USER = settings.AUTH_USER_MODEL


class SealedModel(models.Model):
    """Base of every protection record: its text form never shows its content (logs, admin, errors)."""

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} #{self.pk}"


class CaseKind(models.TextChoices):
    PSYCHOSOCIAL = "psychosocial", _("Psychosocial care")
    TRAFFICKING = "trafficking", _("Trafficking identification and victim case")
    MINOR = "minor", _("Unaccompanied minor")
