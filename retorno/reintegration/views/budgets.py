"""Programme figures with no names (M&E may see them). Budgets are the programme ledger's pages."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from retorno.accounts.access import permission_required
from retorno.reintegration import queries


@permission_required("funding.view")
def budgets(request: HttpRequest) -> HttpResponse:
    """The old address of the budgets page: donors and budget lines are the ledger's now."""
    return redirect("funding:budgets")


@permission_required("reintegration.figures")
def figures(request: HttpRequest) -> HttpResponse:
    """Programme figures with no names (M&E may see them)."""
    context = {"figures": queries.programme_figures(), "cohorts": queries.followup_response_by_cohort()}
    return render(request, "reintegration/figures.html", context)
