"""The programme ledger's pages: donors and budget lines with what is spent and left, overrides,
in-kind donations, exchange rates and standard costs. M&E reads them; managers change them."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from retorno.accounts.access import can, permission_required, require
from retorno.funding import actions, forms, queries
from retorno.funding.models import BudgetLine
from retorno.funding.sources import ledger_sync
from retorno.lib.views import form_page, post_back

VIEW, MANAGE = "funding.view", "funding.manage"


def _run(request: HttpRequest, action):
    return lambda data: action(actor=request.user, request=request, **data)


def _posted(request: HttpRequest, name: str):
    return request.POST if request.method == "POST" and request.POST.get("form") == name else None


@require_http_methods(["GET", "POST"])
@permission_required(VIEW)
def budgets(request: HttpRequest) -> HttpResponse:
    """Budget lines by donor (budget, spent, left, in the donor's currency); new donors, lines, in-kind gifts."""
    if request.method == "POST":
        require(request.user, MANAGE)
    donor_form = forms.DonorForm(_posted(request, "donor"), prefix="donor")
    line_form = forms.BudgetLineForm(_posted(request, "line"), prefix="line")
    in_kind_form = forms.InKindForm(_posted(request, "in_kind"), prefix="gift")
    form, action, done = {
        "line": (line_form, actions.budget_line_create, _("Budget line opened.")),
        "in_kind": (in_kind_form, actions.in_kind_donation_record, _("Donation entered in the ledger.")),
    }.get(request.POST.get("form"), (donor_form, actions.donor_create, _("Donor added.")))
    lines = list(queries.budget_lines_with_balance())
    url = reverse("funding:budgets")
    context = {
        "lines": [(line, forms.BudgetLineChangeForm.for_line(line)) for line in lines],
        "donors": queries.donors_all(),
        "donor_form": donor_form,
        "line_form": line_form,
        "in_kind_form": in_kind_form,
        "overrides": queries.budget_overrides(),
        "may_manage": can(request.user, MANAGE),
    }
    return form_page(
        request,
        form=form,
        title=_("Budgets and donors"),
        run=_run(request, action),
        done=lambda _result: url,
        cancel_url=url,
        done_message=done,
        template="funding/budgets.html",
        context=context,
    )


@require_POST
@permission_required(MANAGE)
def line_change(request: HttpRequest, line_id: int) -> HttpResponse:
    line = get_object_or_404(BudgetLine, pk=line_id)
    return post_back(
        request,
        form=forms.BudgetLineChangeForm.for_line(line, request.POST),
        run=lambda data: actions.budget_line_change(actor=request.user, request=request, line=line, **data),
        back=reverse("funding:budgets"),
        done_message=_("Budget line changed."),
    )


@require_POST
@permission_required(MANAGE)
def sync(request: HttpRequest) -> HttpResponse:
    """Enter the costs other apps recorded (tickets, services, shelter nights) that are not in the ledger yet."""
    result = ledger_sync(actor=request.user)
    left_out = sum(result.left_out.values())
    message = _("%(created)d costs entered in the ledger, %(already)d were already there.") % {
        "created": result.created,
        "already": result.already,
    }
    if left_out:
        message += " " + _(
            "%(count)d left out: no budget line for their kind and day, no exchange rate or no standard cost."
        ) % {"count": left_out}
    messages.success(request, message)
    return redirect("funding:budgets")


@require_http_methods(["GET", "POST"])
@permission_required(VIEW)
def rates(request: HttpRequest) -> HttpResponse:
    """Exchange rates (units of one currency for one of another, by day) and standard unit costs."""
    if request.method == "POST":
        require(request.user, MANAGE)
    rate_form = forms.ExchangeRateForm(_posted(request, "rate"), prefix="rate")
    cost_form = forms.StandardCostForm(_posted(request, "cost"), prefix="cost")
    form, action, done = (
        (cost_form, actions.standard_cost_set, _("Standard cost saved."))
        if request.POST.get("form") == "cost"
        else (rate_form, actions.exchange_rate_set, _("Exchange rate saved."))
    )
    url = reverse("funding:rates")
    context = {
        "rates": queries.exchange_rates(),
        "costs": queries.standard_costs(),
        "rate_form": rate_form,
        "cost_form": cost_form,
        "may_manage": can(request.user, MANAGE),
    }
    return form_page(
        request,
        form=form,
        title=_("Exchange rates and standard costs"),
        run=_run(request, action),
        done=lambda _result: url,
        cancel_url=url,
        done_message=done,
        template="funding/rates.html",
        context=context,
    )
