"""A finished follow-up does not read "Realizado Pendiente 15/06/2026", nor show a raw scoring code."""

import pytest
from django.urls import reverse

from retorno.reintegration import actions
from retorno.reintegration.tests.test_followup import _reach_and_record

pytestmark = pytest.mark.django_db


def test_done_followup_page_reads_naturally(case, reintegration_officer, consenting, client_for):
    followup = actions.followups_on_arrival(
        actor=reintegration_officer, person=consenting, arrived_on=case.returned_on
    )[0]
    _reach_and_record(followup, reintegration_officer)
    client = client_for(reintegration_officer)
    client.cookies["django_language"] = "es"
    html = client.get(reverse("reintegration:followup", args=[followup.pk])).content.decode()
    head = html[html.index('id="followup-status"') :][:400]
    assert "Realizado" in head and "Pendiente" not in head
    assert "retorno-rss-1" not in html and "versión de puntuación 1" in html
