"""Every status flow, the consent rule, four-eyes approval and the budget limits."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from retorno.audit.models import AuditEvent
from retorno.funding import actions as funding
from retorno.funding.models import LedgerEntry
from retorno.funding.queries import line_balance
from retorno.people.actions import consent_record
from retorno.reintegration import actions
from retorno.reintegration.actions.common import add_months
from retorno.reintegration.models import (
    BusinessGrant,
    DocumentRequest,
    Enrolment,
    FollowUp,
    GrantTranche,
    JobReferral,
    Payment,
    PlanGoal,
    ReintegrationCase,
)
from retorno.reintegration.tests.conftest import open_line

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


def test_a_case_needs_consent_for_reintegration(person, reintegration_officer):
    with pytest.raises(ValidationError, match="consent"):
        actions.case_open(actor=reintegration_officer, person=person, returned_on=TODAY)
    assert not ReintegrationCase.objects.exists()


def test_withdrawn_consent_is_refused(person, clerk, reintegration_officer):
    consent_record(actor=clerk, person=person, purpose="reintegration", given=True)
    consent_record(actor=clerk, person=person, purpose="reintegration", given=False)
    with pytest.raises(ValidationError):
        actions.case_open(actor=reintegration_officer, person=person, returned_on=TODAY)


def test_case_opens_once_per_person_and_is_audited(case, consenting, reintegration_officer):
    assert case.status == "open" and case.officer == reintegration_officer
    assert AuditEvent.objects.filter(action="reintegration_case.open", person_id=consenting.pk).exists()
    with pytest.raises(ValidationError, match="already"):
        actions.case_open(actor=reintegration_officer, person=consenting, returned_on=TODAY)


def test_case_officer_must_work_in_reintegration(consenting, reintegration_officer, clerk):
    with pytest.raises(ValidationError):
        actions.case_open(actor=reintegration_officer, person=consenting, returned_on=TODAY, officer=clerk)


def test_plan_needs_a_goal_and_activates_the_case(case, reintegration_officer):
    with pytest.raises(ValidationError, match="goal"):
        actions.case_agree_plan(actor=reintegration_officer, case=case, agreed_on=TODAY)
    actions.goal_add(actor=reintegration_officer, case=case, area="documents", description="Obtener DPI")
    case, late = actions.case_agree_plan(actor=reintegration_officer, case=case, agreed_on=TODAY)
    assert case.status == "active" and case.plan_agreed_on == TODAY and late is False


def test_plan_agreed_after_a_month_is_late(consenting, reintegration_officer):
    case = actions.case_open(
        actor=reintegration_officer, person=consenting, returned_on=TODAY - datetime.timedelta(days=45)
    )
    assert case.plan_late  # not agreed and past the month
    actions.goal_add(actor=reintegration_officer, case=case, area="employment", description="Empleo")
    case, late = actions.case_agree_plan(actor=reintegration_officer, case=case, agreed_on=TODAY)
    assert late is True and case.plan_late


def test_case_status_flow(case, reintegration_officer):
    with pytest.raises(ValidationError, match="reason|why|Say"):
        actions.case_set_status(actor=reintegration_officer, case=case, status="closed")
    with pytest.raises(ValidationError):  # cannot activate without an agreed plan
        actions.case_set_status(actor=reintegration_officer, case=case, status="active")
    case = actions.case_set_status(actor=reintegration_officer, case=case, status="closed", reason="Se mudó")
    assert case.status == "closed" and case.closed_on == TODAY
    case = actions.case_set_status(actor=reintegration_officer, case=case, status="active")
    assert case.status == "active" and case.closed_on is None
    case = actions.case_set_status(actor=reintegration_officer, case=case, status="remigrated")
    with pytest.raises(ValidationError):
        actions.case_set_status(actor=reintegration_officer, case=case, status="active")


def test_an_illegal_move_names_both_statuses_by_their_labels(case, reintegration_officer):
    goal = actions.goal_add(actor=reintegration_officer, case=case, area="training", description="Curso")
    goal = actions.goal_set_status(actor=reintegration_officer, goal=goal, status="achieved")
    with pytest.raises(ValidationError) as refused:
        actions.goal_set_status(actor=reintegration_officer, goal=goal, status="dropped")
    message = " ".join(refused.value.messages)
    assert goal.status_label("achieved") in message and goal.status_label("dropped") in message
    assert "“achieved”" not in message and "“dropped”" not in message
    assert not goal.can_move_to("dropped") and "dropped" not in dict(goal.next_statuses())
    assert case.next_statuses() and case.status_tone == "warn"


def test_goal_status_flow(case, reintegration_officer):
    goal = actions.goal_add(actor=reintegration_officer, case=case, area="training", description="Curso")
    goal = actions.goal_set_status(actor=reintegration_officer, goal=goal, status="achieved")
    assert goal.status == PlanGoal.Status.ACHIEVED
    with pytest.raises(ValidationError):
        actions.goal_set_status(actor=reintegration_officer, goal=goal, status="dropped")


def test_document_flow_and_its_follow_up(case, reintegration_officer):
    doc = actions.document_request(actor=reintegration_officer, case=case, kind="dpi")
    assert doc.issuer == "RENAP" and doc.status == "requested"
    with pytest.raises(ValidationError):
        actions.document_set_status(actor=reintegration_officer, document=doc, status="issued")
    doc = actions.document_set_status(actor=reintegration_officer, document=doc, status="submitted")
    with pytest.raises(ValidationError):
        actions.document_set_status(actor=reintegration_officer, document=doc, status="rejected")  # needs a reason
    doc = actions.document_set_status(
        actor=reintegration_officer, document=doc, status="rejected", reason="Foto ilegible"
    )
    doc = actions.document_set_status(actor=reintegration_officer, document=doc, status="submitted")
    assert doc.reason == "" and doc.decided_on is None
    doc = actions.document_set_status(actor=reintegration_officer, document=doc, status="issued")
    assert doc.status == DocumentRequest.Status.ISSUED and doc.decided_on == TODAY
    followups = list(doc.followups.all())
    assert [(f.months_after, f.due_on, f.officer_id) for f in followups] == [
        (1, add_months(TODAY, 1), reintegration_officer.pk)
    ]
    assert AuditEvent.objects.filter(action="document.status", object_id=str(doc.pk)).count() == 4


def test_enrolment_flow(case, course, reintegration_officer):
    enrolment = actions.enrolment_create(actor=reintegration_officer, case=case, course=course, starts_on=TODAY)
    with pytest.raises(ValidationError):
        actions.enrolment_record_attendance(
            actor=reintegration_officer, enrolment=enrolment, sessions_total=3, sessions_attended=4
        )
    enrolment = actions.enrolment_record_attendance(
        actor=reintegration_officer, enrolment=enrolment, sessions_total=10, sessions_attended=9
    )
    assert enrolment.status == Enrolment.Status.ATTENDING and enrolment.attendance_percent == 90
    enrolment = actions.enrolment_set_status(actor=reintegration_officer, enrolment=enrolment, status="completed")
    assert enrolment.followups.count() == 4
    with pytest.raises(ValidationError, match="number"):
        actions.enrolment_set_status(actor=reintegration_officer, enrolment=enrolment, status="certified")
    enrolment = actions.enrolment_set_status(
        actor=reintegration_officer, enrolment=enrolment, status="certified", certificate_number="INT-2026-1"
    )
    assert enrolment.certified_on == TODAY
    with pytest.raises(ValidationError):
        actions.enrolment_set_status(actor=reintegration_officer, enrolment=enrolment, status="dropped", reason="x")


def test_dropping_out_needs_a_reason(case, course, reintegration_officer):
    enrolment = actions.enrolment_create(actor=reintegration_officer, case=case, course=course, starts_on=TODAY)
    with pytest.raises(ValidationError):
        actions.enrolment_set_status(actor=reintegration_officer, enrolment=enrolment, status="dropped")
    enrolment = actions.enrolment_set_status(
        actor=reintegration_officer, enrolment=enrolment, status="dropped", reason="Trabajo"
    )
    assert enrolment.status == "dropped"


def test_job_referral_flow_retention_checks_and_vacancy_closing(case, vacancy, reintegration_officer):
    referral = actions.job_referral_create(actor=reintegration_officer, case=case, vacancy=vacancy)
    with pytest.raises(ValidationError):
        actions.job_referral_create(actor=reintegration_officer, case=case, vacancy=vacancy)
    with pytest.raises(ValidationError):
        actions.job_referral_set_status(actor=reintegration_officer, job_referral=referral, status="hired")
    referral = actions.job_referral_set_status(actor=reintegration_officer, job_referral=referral, status="interview")
    referral = actions.job_referral_set_status(actor=reintegration_officer, job_referral=referral, status="hired")
    assert referral.stage == JobReferral.Stage.HIRED and referral.hired_on == TODAY
    assert sorted((f.months_after, f.due_on) for f in referral.followups.all()) == [
        (3, add_months(TODAY, 3)),
        (6, add_months(TODAY, 6)),
        (12, add_months(TODAY, 12)),
    ]
    vacancy.refresh_from_db()
    assert vacancy.is_open is False  # its one position is filled


def test_not_hired_needs_a_reason(case, vacancy, reintegration_officer):
    referral = actions.job_referral_create(actor=reintegration_officer, case=case, vacancy=vacancy)
    with pytest.raises(ValidationError):
        actions.job_referral_set_status(actor=reintegration_officer, job_referral=referral, status="not_hired")
    referral = actions.job_referral_set_status(
        actor=reintegration_officer, job_referral=referral, status="not_hired", reason="Sin inglés"
    )
    assert referral.reason == "Sin inglés"


def _grant(case, actor):
    return actions.grant_draft(
        actor=actor,
        case=case,
        business_name="Panadería Xicará",
        sector="culinary",
        description="Pan dulce",
        skills_abroad="Panadero 8 años en Houston",
        budget=Decimal("9000"),
        amount_requested=Decimal("6000"),
    )


def test_grant_four_eyes(case, reintegration_officer, manager, second_manager):
    grant = _grant(case, manager)
    grant = actions.grant_set_status(actor=manager, grant=grant, status="submitted")
    with pytest.raises(PermissionDenied):
        actions.grant_set_status(actor=reintegration_officer, grant=grant, status="approved")
    with pytest.raises(ValidationError, match="drafted"):
        actions.grant_set_status(actor=manager, grant=grant, status="approved")
    grant = actions.grant_set_status(actor=second_manager, grant=grant, status="approved", note="Buen plan")
    assert grant.status == "approved" and grant.reviewed_by == second_manager


def test_grant_rejection_needs_a_note_and_goes_back_to_draft(case, reintegration_officer, manager):
    grant = actions.grant_set_status(
        actor=reintegration_officer, grant=_grant(case, reintegration_officer), status="submitted"
    )
    with pytest.raises(ValidationError):
        actions.grant_set_status(actor=manager, grant=grant, status="rejected")
    grant = actions.grant_set_status(actor=manager, grant=grant, status="rejected", note="Presupuesto incompleto")
    grant = actions.grant_set_status(actor=reintegration_officer, grant=grant, status="draft")
    assert grant.status == "draft"
    with pytest.raises(ValidationError):
        actions.grant_set_status(actor=reintegration_officer, grant=grant, status="approved")


def test_grant_cannot_exceed_its_budget(case, reintegration_officer):
    with pytest.raises(ValidationError):
        actions.grant_draft(
            actor=reintegration_officer,
            case=case,
            business_name="X",
            sector="other",
            description="d",
            budget=Decimal("100"),
            amount_requested=Decimal("200"),
        )


def test_tranches_pay_through_the_ledger_and_disburse_the_grant(case, reintegration_officer, manager, donor):
    line = open_line(manager, donor, code="USAID-GR", name="Capital semilla", kind="grant", amount="10000")
    grant = actions.grant_set_status(
        actor=reintegration_officer, grant=_grant(case, reintegration_officer), status="submitted"
    )
    grant = actions.grant_set_status(actor=manager, grant=grant, status="approved")
    first = actions.tranche_plan(actor=reintegration_officer, grant=grant, amount=Decimal("4000"), planned_on=TODAY)
    with pytest.raises(ValidationError):
        actions.tranche_plan(actor=reintegration_officer, grant=grant, amount=Decimal("2500"), planned_on=TODAY)
    second = actions.tranche_plan(actor=reintegration_officer, grant=grant, amount=Decimal("2000"), planned_on=TODAY)
    actions.tranche_set_status(actor=reintegration_officer, tranche=first, status="paid", budget_line=line)
    grant.refresh_from_db()
    assert grant.status == "approved"
    actions.equipment_record(
        actor=reintegration_officer,
        grant=grant,
        description="Horno industrial",
        amount=Decimal("3500"),
        purchased_on=TODAY,
    )
    actions.tranche_set_status(actor=reintegration_officer, tranche=second, status="paid", budget_line=line)
    grant.refresh_from_db()
    assert grant.status == BusinessGrant.Status.DISBURSED
    assert line_balance(line) == Decimal("4000")
    assert Payment.objects.filter(tranche__grant=grant, purpose="grant").count() == 2
    assert grant.followups.count() == 4
    second.refresh_from_db()
    with pytest.raises(ValidationError):
        actions.tranche_set_status(actor=reintegration_officer, tranche=second, status="cancelled", reason="x")
    assert GrantTranche.objects.filter(status="paid").count() == 2


def test_budget_cannot_go_negative_without_a_managers_override(case, reintegration_officer, manager, budget_line):
    actions.payment_record(
        actor=reintegration_officer, budget_line=budget_line, amount=Decimal("900"), purpose="documents", case=case
    )
    with pytest.raises(ValidationError, match="below zero"):
        actions.payment_record(
            actor=reintegration_officer, budget_line=budget_line, amount=Decimal("200"), purpose="transport", case=case
        )
    with pytest.raises(PermissionDenied):
        actions.payment_record(
            actor=reintegration_officer,
            budget_line=budget_line,
            amount=Decimal("200"),
            purpose="transport",
            case=case,
            override_reason="Urgente",
        )
    assert line_balance(budget_line) == Decimal("100")
    payment = actions.payment_record(
        actor=manager,
        budget_line=budget_line,
        amount=Decimal("200"),
        purpose="transport",
        case=case,
        override_reason="Traslado urgente a Huehuetenango",
    )
    assert payment.override_by == manager and line_balance(budget_line) == Decimal("-100")
    event = AuditEvent.objects.get(action="budget_line.override")
    assert event.reason == "Traslado urgente a Huehuetenango" and event.actor == manager
    entry = LedgerEntry.objects.get(source_type="reintegration.payment.transport", source_id=str(payment.pk))
    assert (entry.override_by, entry.override_reason) == (manager, "Traslado urgente a Huehuetenango")
    # Nothing of a refused payment was kept: three attempts refused, two payments and two entries.
    assert Payment.objects.count() == LedgerEntry.objects.count() == 2


def test_a_payment_is_a_ledger_entry_in_the_donors_currency(case, reintegration_officer, manager):
    """One ledger: the payment's quetzales are charged to a dollar line at the day's rate, in one transaction."""
    usd = funding.donor_create(actor=manager, name="OIM", code="oim", currency="USD")
    line = open_line(manager, usd, code="OIM-DOC", kind="document_fee", amount="100")
    funding.exchange_rate_set(
        actor=manager, base="USD", quote="GTQ", day=TODAY - datetime.timedelta(days=30), rate=Decimal("7.75")
    )
    payment = actions.payment_record(
        actor=reintegration_officer, budget_line=line, amount=Decimal("387.50"), purpose="documents", case=case
    )
    entry = LedgerEntry.objects.get(budget_line=line)
    assert (entry.source_type, entry.source_id) == ("reintegration.payment.documents", str(payment.pk))
    assert (entry.kind, entry.amount, entry.currency, entry.amount_donor) == (
        "document_fee",
        Decimal("387.50"),
        "GTQ",
        Decimal("50.00"),
    )
    assert line_balance(line) == Decimal("50.00")
    # 400 quetzales are 51.61 dollars: more than the 50 left.
    with pytest.raises(ValidationError, match="US\\$50.00|USD 50.00"):
        actions.payment_record(
            actor=reintegration_officer, budget_line=line, amount=Decimal("400"), purpose="documents", case=case
        )
    assert Payment.objects.count() == 1


def test_a_line_pays_only_while_open_and_within_its_period(case, reintegration_officer, manager, budget_line):
    with pytest.raises(ValidationError, match="pays from"):
        actions.payment_record(
            actor=reintegration_officer,
            budget_line=budget_line,
            amount=Decimal("10"),
            purpose="documents",
            case=case,
            paid_on=budget_line.ends_on + datetime.timedelta(days=1),
        )
    funding.budget_line_change(actor=manager, line=budget_line, is_active=False, reason="Convenio cerrado")
    with pytest.raises(ValidationError, match="closed"):
        actions.payment_record(
            actor=reintegration_officer, budget_line=budget_line, amount=Decimal("10"), purpose="documents", case=case
        )
    assert not Payment.objects.exists() and not LedgerEntry.objects.exists()


def test_a_payment_without_an_exchange_rate_is_refused_whole(case, reintegration_officer, manager):
    eur = funding.donor_create(actor=manager, name="Unión Europea", code="ue", currency="EUR")
    line = open_line(manager, eur, code="UE-DOC", kind="document_fee", amount="100")
    with pytest.raises(ValidationError, match="No exchange rate from GTQ to EUR"):
        actions.payment_record(
            actor=reintegration_officer, budget_line=line, amount=Decimal("10"), purpose="documents", case=case
        )
    assert not Payment.objects.exists()


def test_group_session_attendance(case, reintegration_officer):
    group = actions.group_create(
        actor=reintegration_officer, name="Club Migrantes Huehue", facilitator=reintegration_officer
    )
    session = actions.group_session_record(
        actor=reintegration_officer, group=group, held_on=TODAY, topic="employment", attendees=[case]
    )
    assert list(case.group_sessions.all()) == [session]


def test_followup_status_flow(case, reintegration_officer, consenting):
    [first, *_] = actions.followups_on_arrival(actor=reintegration_officer, person=consenting, arrived_on=TODAY)
    with pytest.raises(ValidationError, match="attempt"):
        actions.followup_set_status(actor=reintegration_officer, followup=first, status=FollowUp.Status.UNREACHABLE)
    actions.followup_attempt(actor=reintegration_officer, followup=first, channel="phone", reached=False)
    first = actions.followup_set_status(actor=reintegration_officer, followup=first, status="unreachable")
    first = actions.followup_set_status(actor=reintegration_officer, followup=first, status="due")
    with pytest.raises(ValidationError, match="outcome"):
        actions.followup_set_status(actor=reintegration_officer, followup=first, status="done")
    with pytest.raises(ValidationError):
        actions.followup_set_status(actor=reintegration_officer, followup=first, status="cancelled")
    first = actions.followup_set_status(
        actor=reintegration_officer, followup=first, status="cancelled", reason="Duplicado"
    )
    assert first.status == "cancelled"
