"""The migration history given at reception, read from a reintegration case (tier 1, never the sealed part)."""

import datetime

from django.http import HttpRequest
from ninja import Field, Schema

from retorno.lib.api import choice
from retorno.reception.models import LeavingReason, MigrationHistory
from retorno.reintegration import queries
from retorno.reintegration.api.common import router


class CaseMigrationHistoryOut(Schema):
    """One return's migration history. Without consent ("refused", "not_asked") there are no answers;
    "declined" (or a ``*_declined`` flag) is "prefers not to say", apart from blank (not answered)."""

    returned_on: datetime.date = Field(description="The day of the return (flight or crossing) it was asked at.")
    consent: choice(MigrationHistory.Consent)
    reasons: list[choice(LeavingReason.Reason)]
    reasons_declined: bool
    years_abroad: int | None
    years_abroad_declined: bool
    countries: list[str] = Field(description="ISO 3166 alpha-2 codes")
    countries_declined: bool
    family_abroad: str = Field(description='"yes", "no", "declined" or "" (not answered)')
    previous_deportations: int | None
    previous_deportations_declined: bool
    recorded_at: datetime.datetime


@router.get("/cases/{case_id}/migration-history", response=list[CaseMigrationHistoryOut])
def case_migration_history(request: HttpRequest, case_id: int):
    """The case person's migration histories, newest return first (empty when never asked); each read
    is audited. The smuggler answers are sealed and only protection officers read them."""
    _case, histories = queries.case_migration_history_get_for(
        user=request.user, case_id=case_id, section="reintegration_migration_history", request=request
    )
    return [queries.migration_history_for_reintegration(h) for h in histories]
