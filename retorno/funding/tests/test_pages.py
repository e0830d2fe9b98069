"""The programme ledger's pages and management API: managers change budgets, M&E reads them."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from retorno.audit.models import AuditEvent
from retorno.funding import actions
from retorno.funding.models import BudgetLine, CostKind, Donor, ExchangeRate, LedgerEntry, StandardCost

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def usaid(manager):
    return actions.donor_create(actor=manager, code="usaid", name="USAID", currency="USD")


@pytest.fixture
def line(manager, usaid):
    return actions.budget_line_create(
        actor=manager,
        donor=usaid,
        code="USAID-CS",
        name="Capital semilla",
        kind=CostKind.GRANT,
        amount=Decimal("1000"),
        starts_on=D(2026, 1, 1),
        ends_on=D(2026, 12, 31),
    )


def test_manager_adds_a_donor_and_opens_a_line(manager, client_for):
    client = client_for(manager)
    client.post(
        reverse("funding:budgets"), {"form": "donor", "donor-name": "OIM", "donor-code": "oim", "donor-currency": "usd"}
    )
    oim = Donor.objects.get(code="oim")
    assert oim.currency == "USD"
    answer = client.post(
        reverse("funding:budgets"),
        {
            "form": "line",
            "line-donor": oim.pk,
            "line-code": "OIM-TRA",
            "line-name": "Transporte",
            "line-kind": "transport_ticket",
            "line-amount": "1030",
            "line-starts_on": "2026-01-01",
            "line-ends_on": "2026-12-31",
        },
    )
    assert answer.status_code == 302
    page = client.get(reverse("funding:budgets")).content.decode()
    assert "OIM-TRA" in page and "US$1,030.00" in page and "Boleto de transporte a casa" in page


def test_a_line_that_ends_before_it_starts_keeps_what_was_typed(manager, usaid, client_for):
    answer = client_for(manager).post(
        reverse("funding:budgets"),
        {
            "form": "line",
            "line-donor": usaid.pk,
            "line-code": "USAID-X",
            "line-name": "Nombre escrito",
            "line-kind": "other",
            "line-amount": "5",
            "line-starts_on": "2026-12-31",
            "line-ends_on": "2026-01-01",
        },
    )
    page = answer.content.decode()
    assert answer.status_code == 422 and "Nombre escrito" in page and "anterior al inicio" in page
    assert not BudgetLine.objects.exists()


def test_manager_changes_a_line_with_a_reason(manager, line, client_for):
    client = client_for(manager)
    url = reverse("funding:line_change", args=[line.pk])
    prefix = f"line{line.pk}"
    client.post(url, {f"{prefix}-amount": "5", f"{prefix}-ends_on": "2026-12-31", f"{prefix}-reason": ""})
    line.refresh_from_db()
    assert line.amount == Decimal("1000")  # no reason, no change
    client.post(
        url,
        {f"{prefix}-amount": "1500", f"{prefix}-ends_on": "2027-06-30", f"{prefix}-reason": "Enmienda USAID"},
    )
    line.refresh_from_db()
    assert (line.amount, line.ends_on, line.is_active) == (Decimal("1500"), D(2027, 6, 30), False)
    event = AuditEvent.objects.get(action="budget_line.change")
    assert event.reason == "Enmienda USAID" and event.actor == manager


def test_manager_records_rates_costs_and_an_in_kind_gift(manager, line, client_for):
    client = client_for(manager)
    client.post(
        reverse("funding:rates"),
        {
            "form": "rate",
            "rate-base": "usd",
            "rate-quote": "GTQ",
            "rate-rate": "7.75",
            "rate-day": "2026-01-01",
            "rate-source": "Banguat",
        },
    )
    client.post(
        reverse("funding:rates"),
        {
            "form": "cost",
            "cost-kind": "shelter_night",
            "cost-amount": "75",
            "cost-currency": "GTQ",
            "cost-valid_from": "2026-01-01",
        },
    )
    assert ExchangeRate.objects.get().rate == Decimal("7.75")
    assert StandardCost.objects.get().amount == Decimal("75")
    page = client.get(reverse("funding:rates")).content.decode()
    assert "1 USD = 7.75 GTQ" in page and "Banguat" in page and "Q75.00" in page
    actions.budget_line_create(
        actor=manager,
        donor=line.donor,
        code="USAID-ESP",
        name="Donaciones en especie",
        kind=CostKind.IN_KIND,
        amount=Decimal("500"),
        starts_on=D(2026, 1, 1),
        ends_on=D(2026, 12, 31),
        is_default=True,
    )
    client.post(
        reverse("funding:budgets"),
        {
            "form": "in_kind",
            "in_kind-description": "Refacciones (empresa donante)",
            "in_kind-value": "3100",
            "in_kind-currency": "GTQ",
            "in_kind-quantity": "135",
            "in_kind-day": "2026-03-02",
        },
    )
    entry = LedgerEntry.objects.get(kind=CostKind.IN_KIND)
    assert (entry.in_kind, entry.amount_donor, entry.quantity) == (True, Decimal("400.00"), 135)


def test_monitoring_reads_the_budgets_but_changes_nothing(monitor, line, client_for):
    client = client_for(monitor)
    page = client.get(reverse("funding:budgets")).content.decode()
    assert "USAID-CS" in page and 'name="form"' not in page
    assert client.get(reverse("funding:rates")).status_code == 200
    assert (
        client.post(reverse("funding:budgets"), {"form": "donor", "donor-name": "X", "donor-code": "x"}).status_code
        == 403
    )
    assert client.post(reverse("funding:line_change", args=[line.pk]), {}).status_code == 403
    assert client.post(reverse("funding:sync")).status_code == 403
    assert Donor.objects.count() == 1


@pytest.mark.parametrize("role", ["clerk", "reintegration_officer", "shelter_partner", "administrator"])
def test_other_roles_get_no_budget_page(role, request, client_for):
    user = request.getfixturevalue(role)
    assert client_for(user).get(reverse("funding:budgets")).status_code == 403


def test_sync_button_enters_recorded_costs_once(manager, client_for):
    client = client_for(manager)
    first = client.post(reverse("funding:sync"), follow=True).content.decode()
    assert "ya estaban" in first


def test_api_manages_donors_lines_rates_and_costs(manager, monitor, usaid, api_for):
    api = api_for(manager)
    post = lambda url, body: api.post(url, body, content_type="application/json")  # noqa: E731
    assert post("/api/v1/funding/donors", {"code": "oim", "name": "OIM", "currency": "USD"}).status_code == 201
    body = {
        "donor_id": usaid.pk,
        "code": "USAID-DOC",
        "name": "Documentos",
        "kind": "document_fee",
        "amount": "2600",
        "starts_on": "2026-01-01",
        "ends_on": "2026-12-31",
    }
    unknown = post("/api/v1/funding/budget-lines", {**body, "donor_id": 999999})
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["field"] == "donor_id"
    made = post("/api/v1/funding/budget-lines", body)
    assert made.status_code == 201 and made.json()["balance"] == "2600.00" and made.json()["is_active"] is True
    line_id = made.json()["id"]
    patch = lambda body: api.patch(  # noqa: E731
        f"/api/v1/funding/budget-lines/{line_id}", body, content_type="application/json"
    )
    assert patch({"amount": "10"}).status_code == 422  # a reason is required
    changed = patch({"amount": "3000", "is_active": False, "reason": "Enmienda"})
    assert changed.status_code == 200 and changed.json()["amount"] == "3000.00" and changed.json()["is_active"] is False
    rate = {"base": "USD", "quote": "GTQ", "day": "2026-01-01", "rate": "7.75", "source": "Banguat"}
    assert post("/api/v1/funding/exchange-rates", rate).status_code == 200
    assert api.get("/api/v1/funding/exchange-rates").json()[0]["rate"] == "7.75000000"
    cost = {"kind": "shelter_night", "amount": "75", "currency": "GTQ", "valid_from": "2026-01-01"}
    assert post("/api/v1/funding/standard-costs", cost).status_code == 200
    assert api.get("/api/v1/funding/standard-costs").json()[0]["amount"] == "75.00"
    reader = api_for(monitor)
    assert reader.get("/api/v1/funding/budget-lines").status_code == 200
    refused = reader.post("/api/v1/funding/donors", {"code": "z", "name": "Z"}, content_type="application/json")
    assert refused.status_code == 403 and not Donor.objects.filter(code="z").exists()
