"""A manager changes a budget line in the browser; an officer's payment larger than what is left
on the line is refused with the balance in the donor's currency, and nothing is paid."""

import datetime
from decimal import Decimal

import pytest

from retorno.funding import actions
from retorno.funding.models import BudgetLine, LedgerEntry
from retorno.reintegration.models import Payment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_manager_changes_a_line_and_an_officer_cannot_overspend_it(
    page, sign_in, manager, reintegration_officer, clerk
):
    from retorno.reintegration.tests.conftest import open_line

    year = datetime.date.today().year
    usaid = actions.donor_create(actor=manager, code="usaid", name="USAID", currency="USD")
    actions.exchange_rate_set(
        actor=manager, base="USD", quote="GTQ", day=datetime.date(year - 1, 1, 1), rate=Decimal("7.75")
    )
    line = open_line(manager, usaid, code="USAID-DOC", name="Documentos", kind="document_fee", amount="100")

    sign_in(manager)
    page.goto(f"{page.base_url}/funding/")
    row = page.locator("#budget-lines tr", has_text="USAID-DOC")
    assert "US$100.00" in row.inner_text()
    row.locator("summary").click()
    row.locator("input[name$=amount]").fill("120")
    row.locator("button[type=submit]").click()  # no reason: the browser keeps the form
    assert row.locator("input[name$=reason]").evaluate("e => !e.validity.valid")
    row.locator("input[name$=reason]").fill("Enmienda USAID")
    row.locator("button[type=submit]").click()
    page.wait_for_selector("text=Línea presupuestaria modificada.")
    line.refresh_from_db()
    assert line.amount == Decimal("120")
    assert "US$120.00" in page.locator("#budget-lines tr", has_text="USAID-DOC").inner_text()

    from retorno.people.actions import consent_record, person_create
    from retorno.reintegration import actions as reintegration

    person = person_create(actor=clerk, given_names="Ana Lucía", first_surname="Xol", sex="F")
    for purpose in ("reintegration", "follow_up"):
        consent_record(actor=clerk, person=person, purpose=purpose, given=True)
    case = reintegration.case_open(actor=reintegration_officer, person=person, returned_on=datetime.date.today())
    page.context.clear_cookies()
    sign_in(reintegration_officer)
    page.goto(f"{page.base_url}/reintegration/cases/{case.pk}/")
    form = page.locator("#payment-form")
    page.locator("details", has=form).locator("summary").click()
    form.locator("select[name=budget_line]").select_option(str(line.pk))
    form.locator("input[name=amount]").fill("1000")  # Q1,000 is US$129.03, more than the US$120 left
    form.locator("select[name=purpose]").select_option("documents")
    form.locator("input[name=paid_on]").fill(datetime.date.today().isoformat())
    form.locator("button[type=submit]").click()
    page.wait_for_selector("text=le quedan US$120.00")
    assert not Payment.objects.exists() and not LedgerEntry.objects.filter(budget_line=line).exists()
    assert BudgetLine.objects.get(pk=line.pk).amount == Decimal("120")
