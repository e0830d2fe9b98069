"""The migration history given at reception, read-only from a reintegration case (tier 1 only)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from retorno.accounts.access import permission_required
from retorno.reintegration import queries
from retorno.reintegration.queries.history import HISTORY_VIEW


@permission_required(HISTORY_VIEW)
def case_migration_history(request: HttpRequest, case_id: int) -> HttpResponse:
    """Every migration history the person gave at reception, newest return first; each read audited."""
    case, histories = queries.case_migration_history_get_for(
        user=request.user, case_id=case_id, section="reintegration_migration_history", request=request
    )
    return render(request, "reintegration/case_migration_history.html", {"case": case, "histories": histories})
