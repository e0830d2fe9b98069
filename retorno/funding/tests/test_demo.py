"""The funding demo loads donors and syncs the ledger; a rerun adds nothing."""

from io import StringIO

import pytest

from retorno.accounts import demo as accounts_demo
from retorno.funding import demo
from retorno.funding.models import BudgetLine, Donor, LedgerEntry


@pytest.mark.django_db
def test_demo_is_idempotent():
    accounts_demo.load(options={}, stdout=StringIO())
    demo.load(options={}, stdout=StringIO())
    counts = (Donor.objects.count(), BudgetLine.objects.count(), LedgerEntry.objects.count())
    assert counts[0] == 3 and counts[1] == 9 and counts[2] >= 1  # the donated food at least
    demo.load(options={}, stdout=StringIO())
    assert (Donor.objects.count(), BudgetLine.objects.count(), LedgerEntry.objects.count()) == counts
