from django.urls import path

from retorno.funding import views

app_name = "funding"

urlpatterns = [
    path("", views.budgets, name="budgets"),
    path("lines/<int:line_id>/change/", views.line_change, name="line_change"),
    path("sync/", views.sync, name="sync"),
    path("rates/", views.rates, name="rates"),
]
