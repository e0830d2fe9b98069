import io

import pytest

from retorno.protection.models import CaseKind, LegalCase, ProtectionCase
from retorno.protection.queries import minor_handover_recorded

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent(programme):
    from retorno.accounts import demo as accounts_demo
    from retorno.protection import demo

    accounts_demo.load(options={}, stdout=io.StringIO())
    demo.load(options={}, stdout=io.StringIO())
    assert ProtectionCase.objects.count() == 4
    legal = LegalCase.objects.get()
    assert legal.status == "investigation"
    assert legal.prosecutor_office_org.slug == "mp-fiscalia-trata"  # the directory's MP unit, not a new entry
    assert legal.prosecutor_office_org.kind == "prosecution"
    minor = ProtectionCase.objects.get(kind=CaseKind.MINOR)
    assert minor.is_closed and minor_handover_recorded(minor.person)
    demo.load(options={}, stdout=io.StringIO())
    assert ProtectionCase.objects.count() == 4
