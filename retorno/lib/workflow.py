"""One way for any record to move along its status pipeline (django-oscar's ``set_status``).

A model that has a pipeline declares it as data and inherits the helpers::

    class Agreement(StatusPipeline, models.Model):
        class Status(models.TextChoices): ...
        TRANSITIONS = {Status.DRAFT: frozenset({Status.SUBMITTED}), ...}
        STATUS_TONES = {Status.APPROVED: "ok", Status.REJECTED: "danger"}  # the rest are neutral
        HISTORY = "status_changes"  # related name of its StatusChange model (optional)

and every status change goes through ``transition(obj, to, actor=..., action=...)``, which
refuses an illegal move (a ValidationError on ``status`` naming both statuses by their labels,
code ``illegal_transition``), sets the status and any extra fields, validates, saves, writes
one history row and one audit row. Nothing else assigns ``status``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from retorno.audit.actions import audit_write

TONES = frozenset({"ok", "warn", "danger", ""})


class StatusPipeline:
    """Helpers for a model with ``status``, ``TRANSITIONS`` and optionally ``STATUS_TONES`` and ``HISTORY``.

    A plain mixin (no fields, no defaults that could shadow the model's own ``TRANSITIONS``):
    the model keeps its own ``status`` field and choices.
    """

    def status_label(self, status: str | None = None) -> str:
        return status_label(self, self.status if status is None else status)

    def next_statuses(self) -> list[tuple[str, str]]:
        """The statuses this record may move to, as (value, label), in the order the choices declare."""
        return next_statuses(self)

    def can_move_to(self, status: str) -> bool:
        return status in self.TRANSITIONS.get(self.status, ())  # type: ignore[attr-defined]

    @property
    def is_final(self) -> bool:
        return not self.TRANSITIONS.get(self.status)  # type: ignore[attr-defined]

    @property
    def status_tone(self) -> str:
        """``ok``, ``warn``, ``danger`` or ``""`` (neutral): the colour of the status badge."""
        return status_tone(self)


def status_label(obj: models.Model, status: str) -> str:
    return str(dict(obj._meta.get_field("status").choices).get(status, status))


def next_statuses(obj: models.Model) -> list[tuple[str, str]]:
    allowed = obj.TRANSITIONS.get(obj.status, ())
    return [(str(value), str(label)) for value, label in obj._meta.get_field("status").choices if value in allowed]


def status_tone(obj: models.Model) -> str:
    return getattr(obj, "STATUS_TONES", {}).get(obj.status, "")


class StatusChange(models.Model):
    """Abstract history row: one per move. A concrete subclass adds the foreign key to its record
    (with ``related_name`` equal to the record's ``HISTORY``)."""

    from_status = models.CharField(gettext_lazy("from"), max_length=30, blank=True)
    to_status = models.CharField(gettext_lazy("to"), max_length=30)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=gettext_lazy("by"),
    )
    reason = models.CharField(gettext_lazy("reason"), max_length=500, blank=True)
    at = models.DateTimeField(gettext_lazy("when"), default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status or '∅'} → {self.to_status}"


def illegal_transition(obj: models.Model, to: str) -> ValidationError:
    """The error for a move the pipeline does not allow, with labels (never raw codes)."""
    params = {
        "thing": str(obj._meta.verbose_name),
        "from": status_label(obj, obj.status),
        "to": status_label(obj, to),
    }
    message = _("This %(thing)s cannot go from “%(from)s” to “%(to)s”.") % params
    return ValidationError({"status": ValidationError(message, code="illegal_transition", params=params)})


@transaction.atomic
def transition(
    obj: models.Model,
    to: str,
    *,
    actor,
    action: str,
    reason: str = "",
    request: HttpRequest | None = None,
    person_id: int | None = None,
    require_reason: bool = False,
    fields: dict[str, Any] | None = None,
    history_fields: dict[str, Any] | None = None,
    audit_extra: dict[str, Any] | None = None,
    checked: tuple[str, ...] = (),
) -> models.Model:
    """Move ``obj`` to ``to`` if its ``TRANSITIONS`` allow it; set ``fields``; validate, save,
    write the history row (when the model names a ``HISTORY``) and the audit row ``action``.

    ``require_reason`` refuses a blank reason (for rejections, cancellations). The caller's own
    action checks permissions and domain rules first, then calls this. A history model that keeps
    more than the ``StatusChange`` vocabulary (how the change came, a note) gets those values from
    ``history_fields``; ``audit_extra`` adds facts to the audit row's new value that are not fields.
    ``checked`` names fields the caller has just read or checked itself (foreign keys it holds
    locked): validation skips them and the constraints on them, one existence query each less.
    """
    current = obj.status
    if to not in obj.TRANSITIONS.get(current, ()):
        raise illegal_transition(obj, to)
    reason = (reason or "").strip()
    if require_reason and not reason:
        raise ValidationError({"reason": ValidationError(_("Give a reason."), code="reason_required")})
    fields = fields or {}
    old = {"status": current, **{name: getattr(obj, name) for name in fields}}
    obj.status = to
    if hasattr(obj, "status_changed_at"):
        obj.status_changed_at = timezone.now()
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.full_clean(exclude=checked or None)
    obj.save()
    history = getattr(obj, "HISTORY", None)
    if history:
        getattr(obj, history).create(
            from_status=current,
            to_status=to,
            actor=actor if getattr(actor, "pk", None) else None,
            reason=reason,
            **(history_fields or {}),
        )
    audit_write(
        actor=actor,
        action=str(action),
        obj=obj,
        person_id=person_id,
        old=old,
        new={"status": to, **fields, **(audit_extra or {})},
        reason=reason,
        request=request,
    )
    return obj


# The same move for an action that is already one transaction and on a hot path (check-in, the
# manifest commit): no savepoint of its own, so the caller's query count stays what it was. Only
# from inside ``transaction.atomic``; an error still rolls the caller's whole action back.
transition_in_atomic = transition.__wrapped__
