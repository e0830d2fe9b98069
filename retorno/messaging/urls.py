from django.urls import path

from retorno.messaging import views

app_name = "messaging"
urlpatterns = [
    path("", views.outbox, name="outbox"),
    path("opt-out/", views.opt_out, name="opt_out"),
]
