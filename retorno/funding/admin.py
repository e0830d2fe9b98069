from django.contrib import admin

from retorno.funding.models import BudgetLine, Donor, ExchangeRate, StandardCost

# Reference data only: ledger entries are written by actions, never in the admin.
admin.site.register(Donor)
admin.site.register(BudgetLine)
admin.site.register(ExchangeRate)
admin.site.register(StandardCost)
