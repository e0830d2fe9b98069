"""Forms of the programme ledger's pages (the actions hold the rules)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from retorno.funding.models import BudgetLine, CostKind, Donor

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
CURRENCY = {"pattern": "[A-Za-z]{3}", "placeholder": "USD", "maxlength": "3", "autocapitalize": "characters"}


class DonorForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    code = forms.SlugField(label=_("Short name"), max_length=30)
    currency = forms.CharField(
        label=_("Reporting currency"),
        max_length=3,
        initial="USD",
        widget=forms.TextInput(attrs=CURRENCY),
        help_text=_("Three-letter ISO 4217 code: USD, EUR, GTQ…"),
    )


class BudgetLineForm(forms.Form):
    donor = forms.ModelChoiceField(label=_("Donor"), queryset=Donor.objects.filter(is_active=True))
    code = forms.CharField(label=_("Code"), max_length=30)
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Pays for"), choices=CostKind.choices)
    amount = forms.DecimalField(
        label=_("Budget, in the donor's currency"), max_digits=14, decimal_places=2, min_value=0
    )
    starts_on = forms.DateField(label=_("From"), widget=DATE)
    ends_on = forms.DateField(label=_("To"), widget=DATE)
    is_default = forms.BooleanField(
        label=_("Default line for its kind"),
        required=False,
        help_text=_("Costs of this kind that name no line (tickets, shelter nights…) are charged to it."),
    )


class BudgetLineChangeForm(forms.Form):
    amount = forms.DecimalField(
        label=_("Budget, in the donor's currency"), max_digits=14, decimal_places=2, min_value=0
    )
    ends_on = forms.DateField(label=_("To"), widget=DATE)
    is_active = forms.BooleanField(label=_("Open for payments"), required=False)
    reason = forms.CharField(label=_("Reason"), max_length=300, help_text=_("A donor's amendment, a reallocation…"))

    @classmethod
    def for_line(cls, line: BudgetLine, data=None) -> "BudgetLineChangeForm":
        initial = {"amount": line.amount, "ends_on": line.ends_on, "is_active": line.is_active}
        return cls(data, initial=initial, prefix=f"line{line.pk}")


class ExchangeRateForm(forms.Form):
    base = forms.CharField(label=_("One unit of"), max_length=3, widget=forms.TextInput(attrs=CURRENCY))
    quote = forms.CharField(label=_("is worth, in"), max_length=3, widget=forms.TextInput(attrs=CURRENCY))
    rate = forms.DecimalField(label=_("Rate"), max_digits=18, decimal_places=8, min_value=0.00000001)
    day = forms.DateField(label=_("Day"), widget=DATE)
    source = forms.CharField(label=_("Source"), max_length=120, required=False, help_text=_("E.g. Banguat."))


class StandardCostForm(forms.Form):
    kind = forms.ChoiceField(label=_("Cost"), choices=CostKind.choices)
    amount = forms.DecimalField(label=_("Unit cost"), max_digits=12, decimal_places=2, min_value=0)
    currency = forms.CharField(label=_("Currency"), max_length=3, widget=forms.TextInput(attrs=CURRENCY))
    valid_from = forms.DateField(label=_("From"), widget=DATE)


class InKindForm(forms.Form):
    description = forms.CharField(label=_("What was donated, and by whom"), max_length=200)
    value = forms.DecimalField(label=_("Market value"), max_digits=14, decimal_places=2, min_value=0.01)
    currency = forms.CharField(label=_("Currency"), max_length=3, initial="GTQ", widget=forms.TextInput(attrs=CURRENCY))
    quantity = forms.IntegerField(label=_("Quantity"), min_value=1, initial=1)
    day = forms.DateField(label=_("Day"), widget=DATE)
    budget_line = forms.ModelChoiceField(
        label=_("Budget line"),
        queryset=BudgetLine.objects.filter(kind=CostKind.IN_KIND, is_active=True),
        required=False,
        empty_label=_("The default in-kind line of the day"),
    )
