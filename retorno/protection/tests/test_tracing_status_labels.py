"""A tracing request ("solicitud de búsqueda") is feminine in Spanish; the case's statuses are not."""

import pytest
from django.utils import translation

from retorno.protection.models import ProtectionCase, TracingRequest


@pytest.mark.parametrize(
    ("status", "label"),
    [("open", "Abierta"), ("located", "Localizada"), ("not_located", "No localizada"), ("closed", "Cerrada")],
)
def test_tracing_request_statuses_read_feminine_in_spanish(status, label):
    with translation.override("es"):
        assert TracingRequest(status=status).get_status_display() == label


def test_the_case_keeps_its_own_closed():
    with translation.override("es"):
        assert ProtectionCase(status=ProtectionCase.Status.CLOSED).get_status_display() == "Cerrado"
        assert str(TracingRequest.Status.CLOSED.label) == "Cerrada"


def test_english_is_unchanged():
    with translation.override("en"):
        assert TracingRequest(status="closed").get_status_display() == "Closed"
