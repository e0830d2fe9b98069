"""Budgets (managers) and programme figures (no names)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from retorno.accounts.access import permission_required
from retorno.lib.views import form_page, post_back
from retorno.reintegration import actions, forms, queries
from retorno.reintegration.views.common import act


@require_http_methods(["GET", "POST"])
@permission_required("reintegration.budget_manage")
def budgets(request: HttpRequest) -> HttpResponse:
    """Managers: budget lines by donor with what is spent and left; new lines and donors."""
    posted = request.POST.get("form")
    line_form = forms.BudgetLineForm(request.POST if posted == "line" else None, prefix="line")
    donor_form = forms.DonorForm(request.POST if posted == "donor" else None, prefix="donor")
    form, action, done = (
        (line_form, actions.budget_line_create, _("Budget line opened."))
        if posted == "line"
        else (donor_form, actions.donor_create, _("Donor added."))
    )
    url = reverse("reintegration:budgets")
    context = {
        "lines": queries.budget_lines_with_balance(),
        "line_form": line_form,
        "donor_form": donor_form,
        "donors": queries.donors(),
        "overrides": queries.budget_overrides(),
        "amount_form": forms.BudgetAmountForm(),
    }
    return form_page(
        request,
        form=form,
        title=_("Reintegration budgets"),
        run=act(request, action),
        done=lambda _result: url,
        cancel_url=url,
        done_message=done,
        template="reintegration/budgets.html",
        context=context,
    )


@require_POST
@permission_required("reintegration.budget_manage")
def budget_amount(request: HttpRequest, line_id: int) -> HttpResponse:
    line = queries.budget_line_get_for(user=request.user, line_id=line_id)
    run = act(request, actions.budget_line_set_amount, line=line)
    form = forms.BudgetAmountForm(request.POST)
    return post_back(
        request, form=form, run=run, back=reverse("reintegration:budgets"), done_message=_("Budget changed.")
    )


@permission_required("reintegration.figures")
def figures(request: HttpRequest) -> HttpResponse:
    """Programme figures with no names (M&E may see them)."""
    context = {"figures": queries.programme_figures(), "cohorts": queries.followup_response_by_cohort()}
    return render(request, "reintegration/figures.html", context)
