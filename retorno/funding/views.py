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
from retorno.lib.views import act, form_page, post_back

VIEW, MANAGE = "funding.view", "funding.manage"


def _forms_page(request: HttpRequest, *, posted: dict, title: str, template: str, context: dict) -> HttpResponse:
    """A page of small forms, each posted with its name in ``form``; the posted one runs its action.

    ``posted`` maps a form's name to (form class, action, message); the first is the default. Each
    form reaches the template as ``<name>_form``. Anyone who reads the page sees them; only
    managers may post.
    """
    if request.method == "POST":
        require(request.user, MANAGE)
    chosen = request.POST.get("form") if request.POST.get("form") in posted else next(iter(posted))
    built = {}
    for name, (form_class, _action, _message) in posted.items():
        data = request.POST if request.method == "POST" and name == chosen else None
        built[name] = form_class(data, prefix=name)
    _form_class, action, message = posted[chosen]
    return form_page(
        request,
        form=built[chosen],
        title=title,
        run=act(request, action),
        done=lambda _result: request.path,
        cancel_url=request.path,
        done_message=message,
        template=template,
        context={
            **context,
            **{f"{name}_form": form for name, form in built.items()},
            "may_manage": can(request.user, MANAGE),
        },
    )


@require_http_methods(["GET", "POST"])
@permission_required(VIEW)
def budgets(request: HttpRequest) -> HttpResponse:
    """Budget lines by donor (budget, spent, left, in the donor's currency); new donors, lines, in-kind gifts."""
    lines = list(queries.budget_lines_with_balance())
    return _forms_page(
        request,
        posted={
            "donor": (forms.DonorForm, actions.donor_create, _("Donor added.")),
            "line": (forms.BudgetLineForm, actions.budget_line_create, _("Budget line opened.")),
            "in_kind": (forms.InKindForm, actions.in_kind_donation_record, _("Donation entered in the ledger.")),
        },
        title=_("Budgets and donors"),
        template="funding/budgets.html",
        context={
            "lines": [(line, forms.BudgetLineChangeForm.for_line(line)) for line in lines],
            "donors": queries.donors_all(),
            "overrides": queries.budget_overrides(),
        },
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
    return _forms_page(
        request,
        posted={
            "rate": (forms.ExchangeRateForm, actions.exchange_rate_set, _("Exchange rate saved.")),
            "cost": (forms.StandardCostForm, actions.standard_cost_set, _("Standard cost saved.")),
        },
        title=_("Exchange rates and standard costs"),
        template="funding/rates.html",
        context={"rates": queries.exchange_rates(), "costs": queries.standard_costs()},
    )
