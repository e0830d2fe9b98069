"""The service form's button is a verb ("Registrar"), not the registry's noun ("Expediente")."""

import pytest
from django.urls import reverse

from retorno.reception import actions

pytestmark = pytest.mark.django_db


def test_service_button_reads_as_an_action(open_flight, clerk, client_for):
    arrival = actions.arrival_check_in(actor=clerk, arrival=open_flight.arrivals.order_by("id").first())
    client = client_for(clerk)
    client.cookies["django_language"] = "es"
    html = client.get(reverse("reception:arrival", args=[arrival.pk])).content.decode()
    form = html[html.index(reverse("reception:service", args=[arrival.pk])) :]
    button = form[form.index("<button") : form.index("</button>")]
    assert "Registrar" in button and "Expediente" not in button
