"""Transport budget: assessment, optimal allocation stored with explanations, audited overrides, tickets."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from retorno.audit.models import AuditEvent
from retorno.reception import actions
from retorno.reception.allocation_text import render
from retorno.reception.models import ServiceGiven, TransportOverride
from retorno.reception.queries import transport_summary

from .conftest import import_manifest, manifest_csv, open_reception, synthetic_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def twelve(flight, clerk, fares):
    """Twelve people checked in, all needing a US$12 ticket to Huehuetenango."""
    import_manifest(flight, clerk, manifest_csv(synthetic_rows(12)))
    open_reception(flight, clerk)
    arrivals = []
    for i, arrival in enumerate(flight.arrivals.order_by("id")):
        arrival = actions.arrival_check_in(actor=clerk, arrival=arrival)
        actions.need_assess(
            actor=clerk,
            arrival=arrival,
            can_pay=False,
            family_collecting=False,
            destination=fares["1301"],
            vulnerability=i % 3,
        )
        arrivals.append(arrival)
    return arrivals


def test_allocation_fits_the_budget_and_explains_each_decision(flight, clerk, twelve):
    run = actions.allocation_run(actor=clerk, flight=flight)
    allocated = [d for d in run.decisions if d["allocated"]]
    assert len(allocated) == 10  # 10 × 12 = 120 ≤ 125
    # Each decision is stored as a reason and its parameters, and explained in either language.
    assert all(render(d["reason"], d["params"], "es") and render(d["reason"], d["params"], "en") for d in run.decisions)
    assert all(render(d["reason"], d["params"], "es") != d["reason"] for d in run.decisions)
    assert not any("message_es" in d for d in run.decisions)
    assert {d["arrival"] for d in run.decisions if not d["allocated"]} <= {a.pk for a in twelve if a.pk % 3 != 2} | {
        a.pk for a in twelve
    }
    # The two left out are among the least vulnerable.
    left_out = [a for a in twelve if a.pk in {d["arrival"] for d in run.decisions if not d["allocated"]}]
    assert all(a.need_assessment.vulnerability == 0 for a in left_out)
    assert (run.unmet_count, run.unmet_cost) == (2, Decimal("24.00"))


def test_tickets_follow_the_allocation_and_the_budget(flight, clerk, twelve):
    run = actions.allocation_run(actor=clerk, flight=flight)
    chosen = next(d["arrival"] for d in run.decisions if d["allocated"])
    refused = next(d["arrival"] for d in run.decisions if not d["allocated"])
    ticket = actions.ticket_issue(actor=clerk, arrival=next(a for a in twelve if a.pk == chosen))
    assert ticket.amount == Decimal("12.00") and ServiceGiven.objects.filter(kind="bus_ticket").count() == 1
    with pytest.raises(ValidationError):
        actions.ticket_issue(actor=clerk, arrival=next(a for a in twelve if a.pk == refused))
    assert transport_summary(flight)["spent"] == Decimal("12.00")


def test_a_clerks_override_waits_for_a_manager_and_is_audited(flight, clerk, manager, twelve):
    run = actions.allocation_run(actor=clerk, flight=flight)
    refused = next(a for a in twelve if a.pk == next(d["arrival"] for d in run.decisions if not d["allocated"]))
    with pytest.raises(ValidationError):
        actions.override_request(actor=clerk, arrival=refused, allocate=True, reason="short")
    override = actions.override_request(
        actor=clerk, arrival=refused, allocate=True, reason="Viaja con un bebé de meses"
    )
    assert override.status == TransportOverride.Status.PENDING
    with pytest.raises(ValidationError):
        actions.ticket_issue(actor=clerk, arrival=refused)
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        actions.override_decide(actor=clerk, override=override, approve=True)
    actions.override_decide(actor=manager, override=override, approve=True)
    assert actions.ticket_issue(actor=clerk, arrival=refused).by_override
    events = AuditEvent.objects.filter(action__startswith="transport.override").order_by("id")
    assert [e.action for e in events] == ["transport.override_request", "transport.override_decide"]
    assert events[0].reason == "Viaja con un bebé de meses" and events[1].actor == manager


def test_people_who_can_pay_are_not_allocated(flight, clerk, fares):
    import_manifest(flight, clerk, manifest_csv(synthetic_rows(2)))
    open_reception(flight, clerk)
    a, b = [actions.arrival_check_in(actor=clerk, arrival=x) for x in flight.arrivals.order_by("id")]
    actions.need_assess(actor=clerk, arrival=a, can_pay=True, family_collecting=False, destination=fares["0101"])
    actions.need_assess(actor=clerk, arrival=b, can_pay=False, family_collecting=True, destination=fares["0101"])
    run = actions.allocation_run(actor=clerk, flight=flight)
    assert [d["reason"] for d in run.decisions] == ["can_pay", "family_collecting"]
    assert run.unmet_count == 0


def test_only_a_manager_changes_the_budget(flight, clerk, manager):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        actions.budget_set(actor=clerk, flight=flight, amount=Decimal("200"))
    assert actions.budget_set(actor=manager, flight=flight, amount=Decimal("200")).amount == Decimal("200")
