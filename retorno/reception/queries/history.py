"""Reads of the migration history of one arrival: tier-1 answers, and the sealed smuggler part."""

import json

from django.http import HttpRequest

from retorno.accounts.models import User
from retorno.audit.actions import audit_event
from retorno.audit.models import AuditEvent
from retorno.reception.audit_actions import AuditAction
from retorno.reception.models import Arrival, LeavingReason, MigrationHistory
from retorno.reception.queries.flights import arrival_get_for


def _audit(user: User, history: MigrationHistory, action: str, section: str, request) -> None:
    audit_event(
        actor=user,
        kind=AuditEvent.Kind.VIEW,
        action=action,
        obj=history,
        person_id=history.arrival.person_id,
        section=section,
        request=request,
    )


def migration_history_consent(arrival: Arrival) -> str:
    """The consent answer on record ("" when never asked): a status, not the answers."""
    return MigrationHistory.objects.filter(arrival=arrival).values_list("consent", flat=True).first() or ""


def migration_history_consents(arrivals: list[Arrival]) -> dict[int, str]:
    """Arrival id -> consent answer on record, for a few arrivals in one query."""
    rows = MigrationHistory.objects.filter(arrival__in=arrivals).values_list("arrival_id", "consent")
    return dict(rows)


def migration_history_get_for(
    *, user: User, arrival_id: int, request: HttpRequest | None = None
) -> tuple[Arrival, MigrationHistory | None]:
    """The arrival and its migration history (None: never asked) for a reader holding
    ``reception.history_view``; reading a recorded history is audited."""
    arrival = arrival_get_for(user=user, arrival_id=arrival_id, permission="reception.history_view")
    history = (
        MigrationHistory.objects.filter(arrival=arrival)
        .select_related("arrival")
        .prefetch_related("countries", "reasons")
        .first()
    )
    if history is not None:
        _audit(user, history, AuditAction.MIGRATION_HISTORY_VIEW, "migration_history", request)
    return arrival, history


def migration_histories_of_person(person_id: int) -> list[MigrationHistory]:
    """Every migration history recorded for a person, newest return first, with what a reader shows.

    No access check and no audit: the caller (reintegration's case page) does both."""
    return list(
        MigrationHistory.objects.filter(arrival__person_id=person_id)
        .select_related("arrival__flight", "recorded_by")
        .prefetch_related("countries", "reasons")
        .order_by("-arrival__flight__date", "-arrival_id")
    )


def migration_history_answers(history: MigrationHistory) -> dict:
    """The tier-1 answers in a plain shape (codes; "declined" for "prefers not to say")."""
    reasons = sorted(r.reason for r in history.reasons.all())
    return {
        "consent": history.consent,
        "reasons": [] if reasons == [LeavingReason.Reason.DECLINED] else reasons,
        "reasons_declined": reasons == [LeavingReason.Reason.DECLINED],
        "years_abroad": history.years_abroad,
        "years_abroad_declined": history.years_abroad_declined,
        "countries": sorted(c.alpha2 for c in history.countries.all()),
        "countries_declined": history.countries_declined,
        "family_abroad": history.family_abroad,
        "previous_deportations": history.previous_deportations,
        "previous_deportations_declined": history.previous_deportations_declined,
        "smuggler_answered": bool(history.smuggler_used),
        "recorded_at": history.recorded_at,
    }


def migration_history_sealed_for(*, user: User, arrival_id: int, request: HttpRequest | None = None) -> dict | None:
    """The sealed part (smuggler used, amount and currency) for ``reception.history_sealed_view``;
    every read is audited. None when no migration history was recorded."""
    arrival = arrival_get_for(user=user, arrival_id=arrival_id, permission="reception.history_sealed_view")
    history = MigrationHistory.objects.filter(arrival=arrival).select_related("arrival").first()
    if history is None:
        return None
    _audit(user, history, AuditAction.MIGRATION_HISTORY_SEALED_VIEW, "migration_history_sealed", request)
    cost = json.loads(history.smuggler_cost_sealed) if history.smuggler_cost_sealed else {}
    return {
        "smuggler_used": history.smuggler_used,
        "smuggler_cost": cost.get("amount"),
        "smuggler_currency": cost.get("currency", ""),
        "smuggler_cost_declined": history.smuggler_cost_band == MigrationHistory.CostBand.DECLINED,
    }
