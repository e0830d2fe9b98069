"""Partner strengthening: checklists, assessments, plans, agreements (four eyes) and their tranches."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from retorno.accounts.models import Organisation, User
from retorno.audit.actions import audit_write
from retorno.lib.workflow import transition
from retorno.outreach.actions.common import require, save_new
from retorno.outreach.models import (
    AgreementReport,
    AgreementTarget,
    AgreementTranche,
    AssessmentScore,
    AuditAction,
    CapacityAssessment,
    CapacityChecklist,
    CapacityCriterion,
    PartnerAgreement,
    StrengtheningAction,
    StrengtheningPlan,
)


@transaction.atomic
def checklist_create(
    *, actor: User, name: str, criteria: list[tuple[str, str, int]], request: HttpRequest | None = None
) -> CapacityChecklist:
    """A scored checklist: ``criteria`` as (area, criterion, maximum score)."""
    require(actor, "outreach.manage")
    if not criteria:
        raise ValidationError({"criteria": _("A checklist needs at least one criterion.")})
    checklist = save_new(
        CapacityChecklist(name=name.strip()), actor=actor, action=AuditAction.CHECKLIST_CREATE, request=request
    )
    for order, (area, text, max_score) in enumerate(criteria):
        criterion = CapacityCriterion(
            checklist=checklist, area=area.strip(), text=text.strip(), max_score=max_score, order=order
        )
        criterion.full_clean()
        criterion.save()
    return checklist


@transaction.atomic
def assessment_record(
    *,
    actor: User,
    organisation: Organisation,
    checklist: CapacityChecklist,
    scores: dict[int, int],
    assessed_on: datetime.date | None = None,
    notes: str = "",
    request: HttpRequest | None = None,
) -> CapacityAssessment:
    """Score a partner on every criterion of ``checklist`` (``scores`` by criterion id)."""
    require(actor, "outreach.manage")
    criteria = {c.pk: c for c in checklist.criteria.all()}
    missing = set(criteria) - set(scores)
    if missing or set(scores) - set(criteria):
        raise ValidationError({"scores": _("Score every criterion of the checklist, and only those.")})
    assessment = save_new(
        CapacityAssessment(
            organisation=organisation,
            checklist=checklist,
            assessed_on=assessed_on or timezone.localdate(),
            notes=notes.strip(),
            assessed_by=actor,
        ),
        actor=actor,
        action=AuditAction.ASSESSMENT_CREATE,
        request=request,
    )
    for pk, score in scores.items():
        row = AssessmentScore(assessment=assessment, criterion=criteria[pk], score=score)
        try:
            row.full_clean()
        except ValidationError as error:
            raise ValidationError({"scores": f"{criteria[pk].text}: {'; '.join(error.messages)}"}) from error
        row.save()
    return assessment


@transaction.atomic
def plan_create(
    *,
    actor: User,
    organisation: Organisation,
    title: str,
    assessment: CapacityAssessment | None = None,
    request: HttpRequest | None = None,
) -> StrengtheningPlan:
    require(actor, "outreach.manage")
    if assessment is not None and assessment.organisation_id != organisation.pk:
        raise ValidationError({"assessment": _("That assessment is of another organisation.")})
    plan = StrengtheningPlan(organisation=organisation, title=title.strip(), assessment=assessment, created_by=actor)
    return save_new(plan, actor=actor, action=AuditAction.PLAN_CREATE, request=request)


@transaction.atomic
def plan_action_add(
    *, actor: User, plan: StrengtheningPlan, action: str, due_on: datetime.date, request: HttpRequest | None = None
) -> StrengtheningAction:
    require(actor, "outreach.manage")
    item = StrengtheningAction(plan=plan, action=action.strip(), due_on=due_on)
    return save_new(item, actor=actor, action=AuditAction.PLAN_ACTION_ADD, request=request)


@transaction.atomic
def plan_action_set_status(
    *, actor: User, item: StrengtheningAction, status: str, reason: str = "", request: HttpRequest | None = None
) -> StrengtheningAction:
    require(actor, "outreach.manage")
    return transition(
        item,
        status,
        actor=actor,
        action=AuditAction.PLAN_ACTION_STATUS,
        reason=reason,
        request=request,
        require_reason=status == StrengtheningAction.Status.DROPPED,
    )


@transaction.atomic
def agreement_create(
    *,
    actor: User,
    organisation: Organisation,
    title: str,
    amount: Decimal,
    starts_on: datetime.date,
    ends_on: datetime.date,
    kind: str = PartnerAgreement.Kind.SUB_GRANT,
    currency: str = PartnerAgreement.Currency.GTQ,
    budget_line=None,
    purpose: str = "",
    request: HttpRequest | None = None,
) -> PartnerAgreement:
    """Draft an agreement or sub-grant with a partner; a manager who did not draft it approves it."""
    require(actor, "agreement.manage")
    agreement = PartnerAgreement(
        organisation=organisation,
        title=title.strip(),
        amount=amount,
        starts_on=starts_on,
        ends_on=ends_on,
        kind=kind,
        currency=currency,
        budget_line=budget_line,
        purpose=purpose.strip(),
        created_by=actor,
    )
    return save_new(agreement, actor=actor, action=AuditAction.AGREEMENT_CREATE, request=request)


@transaction.atomic
def agreement_set_status(
    *, actor: User, agreement: PartnerAgreement, status: str, reason: str = "", request: HttpRequest | None = None
) -> PartnerAgreement:
    """Submit, approve or reject (managers; never the person who drafted it), reopen, close."""
    S = PartnerAgreement.Status
    fields = {}
    if status in (S.APPROVED, S.REJECTED):
        require(actor, "agreement.approve")
        if agreement.created_by_id == actor.pk:
            raise PermissionDenied(_("Four eyes: someone other than the person who drafted it approves an agreement."))
        if status == S.APPROVED:
            fields["approved_by"] = actor
    else:
        require(actor, "agreement.manage")
    if status == S.SUBMITTED:
        allocated = sum((t.amount for t in agreement.tranches.all()), Decimal("0"))
        if allocated != agreement.amount:
            raise ValidationError(
                {
                    "tranches": _("The tranches add up to %(sum)s, the agreement is for %(amount)s.")
                    % {"sum": f"{allocated:,.2f}", "amount": f"{agreement.amount:,.2f}"}
                }
            )
    return transition(
        agreement,
        status,
        actor=actor,
        action=AuditAction.AGREEMENT_STATUS,
        reason=reason,
        request=request,
        require_reason=status == S.REJECTED,
        fields=fields,
    )


def _require_editable(agreement: PartnerAgreement) -> None:
    if agreement.status not in (PartnerAgreement.Status.DRAFT, PartnerAgreement.Status.REJECTED):
        raise ValidationError(_("Only a draft agreement can change its tranches and targets."))


@transaction.atomic
def agreement_tranche_add(
    *,
    actor: User,
    agreement: PartnerAgreement,
    amount: Decimal,
    due_on: datetime.date,
    request: HttpRequest | None = None,
) -> AgreementTranche:
    require(actor, "agreement.manage")
    _require_editable(agreement)
    number = agreement.tranches.count() + 1
    tranche = AgreementTranche(agreement=agreement, number=number, amount=amount, due_on=due_on)
    return save_new(tranche, actor=actor, action=AuditAction.AGREEMENT_TRANCHE, request=request)


@transaction.atomic
def agreement_tranche_pay(
    *,
    actor: User,
    tranche: AgreementTranche,
    paid_on: datetime.date | None = None,
    reference: str = "",
    request: HttpRequest | None = None,
) -> AgreementTranche:
    """Pay a tranche of an approved agreement through the programme ledger (``funding``), as a
    partner sub-grant in the agreement's currency, so the donor report counts it; charged to the
    agreement's budget line, or to the default sub-grant line of the day."""
    from retorno.funding.actions import ledger_entry_record
    from retorno.funding.models import CostKind

    require(actor, "agreement.manage")
    tranche = AgreementTranche.objects.select_for_update().select_related("agreement").get(pk=tranche.pk)
    agreement = tranche.agreement
    if agreement.status != PartnerAgreement.Status.APPROVED:
        raise ValidationError(_("Only an approved agreement is paid."))
    if tranche.paid_on:
        raise ValidationError(_("This tranche is already paid."))
    earlier = agreement.tranches.filter(number__lt=tranche.number, paid_on__isnull=True).exists()
    if earlier:
        raise ValidationError(_("Pay the earlier tranches first."))
    day = paid_on or timezone.localdate()
    payment = ledger_entry_record(
        actor=actor,
        kind=CostKind.SUB_GRANT,
        day=day,
        amount=tranche.amount,
        currency=agreement.currency,
        budget_line=agreement.budget_line,
        description=f"{agreement.organisation} · {agreement.title} · {tranche.number}",
        source_type="outreach.tranche",
        source_id=tranche.pk,
        request=request,
    )
    tranche.paid_on, tranche.payment_reference, tranche.payment = day, reference.strip(), payment
    tranche.save(update_fields=["paid_on", "payment_reference", "payment"])
    audit_write(
        actor=actor,
        action=AuditAction.AGREEMENT_TRANCHE_PAY,
        obj=tranche,
        new={"paid_on": tranche.paid_on, "amount": tranche.amount, "payment": payment.pk},
        request=request,
    )
    return tranche


@transaction.atomic
def agreement_target_add(
    *, actor: User, agreement: PartnerAgreement, indicator: str, target: int, request: HttpRequest | None = None
) -> AgreementTarget:
    require(actor, "agreement.manage")
    _require_editable(agreement)
    row = AgreementTarget(agreement=agreement, indicator=indicator.strip(), target=target)
    return save_new(row, actor=actor, action=AuditAction.AGREEMENT_TARGET, request=request)


@transaction.atomic
def agreement_target_progress(
    *, actor: User, target: AgreementTarget, achieved: int, request: HttpRequest | None = None
) -> AgreementTarget:
    """What the partner reports it achieved (e.g. nights of shelter provided so far)."""
    require(actor, "agreement.manage")
    old = target.achieved
    target.achieved = achieved
    target.full_clean()
    target.save(update_fields=["achieved"])
    audit_write(
        actor=actor,
        action=AuditAction.AGREEMENT_TARGET_PROGRESS,
        obj=target,
        old={"achieved": old},
        new={"achieved": achieved},
        request=request,
    )
    return target


@transaction.atomic
def agreement_report_add(
    *, actor: User, agreement: PartnerAgreement, title: str, due_on: datetime.date, request: HttpRequest | None = None
) -> AgreementReport:
    require(actor, "agreement.manage")
    report = AgreementReport(agreement=agreement, title=title.strip(), due_on=due_on)
    return save_new(report, actor=actor, action=AuditAction.AGREEMENT_REPORT, request=request)


@transaction.atomic
def agreement_report_receive(
    *,
    actor: User,
    report: AgreementReport,
    received_on: datetime.date | None = None,
    request: HttpRequest | None = None,
) -> AgreementReport:
    require(actor, "agreement.manage")
    if report.received_on:
        raise ValidationError(_("This report is already received."))
    report.received_on = received_on or timezone.localdate()
    report.full_clean()
    report.save(update_fields=["received_on"])
    audit_write(
        actor=actor,
        action=AuditAction.AGREEMENT_REPORT_RECEIVED,
        obj=report,
        new={"received_on": report.received_on},
        request=request,
    )
    return report
