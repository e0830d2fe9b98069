"""The consented migration history of an arrival (tier 1), and its sealed smuggler part."""

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from retorno.geo.queries import country_by_code
from retorno.reception import actions
from retorno.reception.api.router import router
from retorno.reception.api.schemas import MigrationHistoryIn, MigrationHistoryOut, MigrationHistorySealedOut
from retorno.reception.queries import (
    arrival_get_for,
    migration_history_answers,
    migration_history_get_for,
    migration_history_sealed_for,
)

SMUGGLER = ("smuggler_used", "smuggler_cost", "smuggler_currency", "smuggler_cost_declined")


@router.put(
    "/arrivals/{arrival_id}/migration-history",
    response=MigrationHistoryOut,
    description="Record or correct the optional migration history. A refusal is stored as a refusal, with no "
    "answers. The smuggler's use and cost are sealed: written here, read back only by protection officers.",
)
def migration_history_put(request: HttpRequest, arrival_id: int, payload: MigrationHistoryIn):
    arrival = arrival_get_for(user=request.user, arrival_id=arrival_id, permission="reception.history_record")
    data = payload.dict()
    keep = data.pop("keep_sealed")
    if keep and any(data[k] for k in SMUGGLER):
        raise ValidationError({"keep_sealed": _("Keeping the sealed answers goes with sending none of them.")})
    countries = [country_by_code(code, "countries") for code in data.pop("countries")]
    data["family_abroad"] = data["family_abroad"] or ""
    data["smuggler_used"] = None if keep else (data["smuggler_used"] or "")
    history = actions.migration_history_record(
        actor=request.user, arrival=arrival, countries=countries, request=request, **data
    )
    return migration_history_answers(history)


@router.get("/arrivals/{arrival_id}/migration-history", response=MigrationHistoryOut)
def migration_history_get(request: HttpRequest, arrival_id: int):
    """The tier-1 answers (404 when never asked); the read is audited."""
    _arrival, history = migration_history_get_for(user=request.user, arrival_id=arrival_id, request=request)
    if history is None:
        raise Http404
    return migration_history_answers(history)


@router.get("/arrivals/{arrival_id}/migration-history/sealed", response=MigrationHistorySealedOut)
def migration_history_sealed(request: HttpRequest, arrival_id: int):
    """The smuggler's use and cost, for protection officers only; every read is audited."""
    sealed = migration_history_sealed_for(user=request.user, arrival_id=arrival_id, request=request)
    if sealed is None:
        raise Http404
    return sealed
