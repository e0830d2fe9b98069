"""Budgets (managers) and programme figures (no names)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from retorno.accounts.access import permission_required
from retorno.reintegration import actions, forms, queries
from retorno.reintegration.models import Donor, Payment
from retorno.reintegration.views.common import _errors, _run


@require_http_methods(["GET", "POST"])
@permission_required("reintegration.budget_manage")
def budgets(request: HttpRequest) -> HttpResponse:
    """Managers: budget lines by donor with what is spent and left; new lines and donors."""
    line_form = forms.BudgetLineForm(request.POST if request.POST.get("form") == "line" else None, prefix="line")
    donor_form = forms.DonorForm(request.POST if request.POST.get("form") == "donor" else None, prefix="donor")
    if request.method == "POST":
        form, action, done = (
            (line_form, actions.budget_line_create, _("Budget line opened."))
            if request.POST.get("form") == "line"
            else (donor_form, actions.donor_create, _("Donor added."))
        )
        if form.is_valid() and _run(request, action, done, **form.cleaned_data):
            return redirect("reintegration:budgets")
    lines = list(queries.budget_lines_with_balance())
    overrides = Payment.objects.filter(override_by__isnull=False).select_related("budget_line", "override_by")[:50]
    return render(
        request,
        "reintegration/budgets.html",
        {
            "lines": lines,
            "line_form": line_form,
            "donor_form": donor_form,
            "donors": Donor.objects.all(),
            "overrides": overrides,
            "amount_form": forms.BudgetAmountForm(),
        },
    )


@require_POST
@permission_required("reintegration.budget_manage")
def budget_amount(request: HttpRequest, line_id: int) -> HttpResponse:
    from retorno.reintegration.models import BudgetLine

    line = get_object_or_404(BudgetLine, pk=line_id)
    form = forms.BudgetAmountForm(request.POST)
    if form.is_valid():
        _run(request, actions.budget_line_set_amount, _("Budget changed."), line=line, **form.cleaned_data)
    else:
        messages.error(request, _("Not saved: %(errors)s") % {"errors": _errors(form)})
    return redirect("reintegration:budgets")


@permission_required("reintegration.figures")
def figures(request: HttpRequest) -> HttpResponse:
    """Programme figures with no names (M&E may see them)."""
    context = {"figures": queries.programme_figures(), "cohorts": queries.followup_response_by_cohort()}
    return render(request, "reintegration/figures.html", context)
