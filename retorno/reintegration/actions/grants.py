"""Business grants: the plan, its review, tranches paid from the ledger, equipment."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from retorno.accounts.access import can, require
from retorno.accounts.models import User
from retorno.audit.actions import audit_write, snapshot
from retorno.funding.models import BudgetLine
from retorno.lib.workflow import transition
from retorno.reintegration.actions.common import EDIT, require_live, require_reason, today_or
from retorno.reintegration.actions.followup import followups_schedule
from retorno.reintegration.actions.ledger import payment_record
from retorno.reintegration.audit_actions import AuditAction
from retorno.reintegration.models import (
    BusinessGrant,
    EquipmentPurchase,
    FollowUpTrigger,
    GrantTranche,
    Payment,
    ReintegrationCase,
)

# Business grants ---------------------------------------------------------------------------------


@transaction.atomic
def grant_draft(
    *,
    actor: User,
    case: ReintegrationCase,
    business_name: str,
    sector: str,
    description: str,
    budget: Decimal,
    amount_requested: Decimal,
    skills_abroad: str = "",
    request=None,
) -> BusinessGrant:
    """Draft a business plan and grant request; a manager other than the drafter approves it."""
    require(actor, EDIT)
    require_live(case)
    grant = BusinessGrant(
        case=case,
        business_name=business_name.strip(),
        sector=sector,
        description=description.strip(),
        skills_abroad=skills_abroad.strip(),
        budget=budget,
        amount_requested=amount_requested,
        drafted_by=actor,
    )
    grant.full_clean()
    grant.save()
    audit_write(
        actor=actor,
        action=AuditAction.GRANT_DRAFT,
        obj=grant,
        person_id=case.person_id,
        new=snapshot(grant),
        request=request,
    )
    return grant


@transaction.atomic
def grant_set_status(*, actor: User, grant: BusinessGrant, status: str, note: str = "", request=None) -> BusinessGrant:
    """The one way a grant moves: draft → submitted → approved / rejected → disbursed.

    Four eyes: approving or rejecting needs a programme manager who did not draft the plan.
    """
    require(actor, EDIT)
    grant = BusinessGrant.objects.select_for_update().select_related("case").get(pk=grant.pk)
    S = BusinessGrant.Status
    fields: dict = {}
    if status in (S.APPROVED, S.REJECTED) and grant.status == S.SUBMITTED:
        if not can(actor, "reintegration.grant_approve"):
            raise PermissionDenied(_("Only a programme manager can approve or reject a grant."))
        if actor.pk == grant.drafted_by_id:
            raise ValidationError(_("The person who drafted a business plan cannot approve or reject it."))
        if status == S.REJECTED:
            note = require_reason(note, _("Say why the grant is rejected."))
        fields = {"reviewed_by": actor, "reviewed_at": timezone.now(), "review_note": note.strip()}
    if status == S.DISBURSED:
        paid = grant.tranches.filter(status=GrantTranche.Status.PAID).aggregate(t=Sum("amount"))["t"] or Decimal("0")
        if paid < grant.amount_requested:
            raise ValidationError(_("The grant is not fully paid yet."))
    if status == S.CANCELLED:
        require_reason(note, _("Say why the grant is cancelled."))
    grant = transition(
        grant,
        status,
        actor=actor,
        action=AuditAction.GRANT_STATUS,
        person_id=grant.case.person_id,
        request=request,
        reason=note,
        fields=fields,
    )
    if status == S.DISBURSED:
        followups_schedule(
            actor=actor,
            person=grant.case.person,
            trigger=FollowUpTrigger.GRANT,
            base_date=timezone.localdate(),
            case=grant.case,
            grant=grant,
            request=request,
        )
    return grant


@transaction.atomic
def tranche_plan(
    *, actor: User, grant: BusinessGrant, amount: Decimal, planned_on: datetime.date, request=None
) -> GrantTranche:
    """Plan a disbursement of an approved grant; tranches never add up to more than the grant."""
    require(actor, EDIT)
    grant = BusinessGrant.objects.select_for_update().select_related("case").get(pk=grant.pk)
    if grant.status != BusinessGrant.Status.APPROVED:
        raise ValidationError(_("Tranches can only be planned for an approved grant."))
    live = grant.tranches.exclude(status=GrantTranche.Status.CANCELLED)
    planned = live.aggregate(t=Sum("amount"))["t"] or Decimal("0")
    if planned + amount > grant.amount_requested:
        raise ValidationError(
            {
                "amount": _("The tranches would exceed the grant (Q%(left)s left to plan).")
                % {"left": f"{grant.amount_requested - planned:,.2f}"}
            }
        )
    number = (grant.tranches.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    tranche = GrantTranche(grant=grant, number=number, amount=amount, planned_on=planned_on)
    tranche.full_clean()
    tranche.save()
    audit_write(
        actor=actor,
        action=AuditAction.TRANCHE_PLAN,
        obj=tranche,
        person_id=grant.case.person_id,
        new=snapshot(tranche),
        request=request,
    )
    return tranche


@transaction.atomic
def tranche_set_status(
    *,
    actor: User,
    tranche: GrantTranche,
    status: str,
    budget_line: BudgetLine | None = None,
    paid_on: datetime.date | None = None,
    reference: str = "",
    override_reason: str = "",
    reason: str = "",
    request=None,
) -> GrantTranche:
    """The one way a tranche moves: planned → paid (a ledger payment) or cancelled.

    Paying the last tranche marks the grant fully disbursed.
    """
    require(actor, EDIT)
    tranche = GrantTranche.objects.select_for_update().select_related("grant__case").get(pk=tranche.pk)
    grant = tranche.grant
    if status == GrantTranche.Status.PAID:
        if grant.status != BusinessGrant.Status.APPROVED:
            raise ValidationError(_("Only an approved grant can be paid."))
        if budget_line is None:
            raise ValidationError({"budget_line": _("Choose the budget line that pays.")})
        if tranche.status == GrantTranche.Status.PLANNED:
            payment_record(
                actor=actor,
                budget_line=budget_line,
                amount=tranche.amount,
                purpose=Payment.Purpose.GRANT,
                paid_on=today_or(paid_on),
                payee=grant.business_name,
                reference=reference,
                tranche=tranche,
                override_reason=override_reason,
                request=request,
            )
    elif status == GrantTranche.Status.CANCELLED:
        require_reason(reason, _("Say why the tranche is cancelled."))
    tranche = transition(
        tranche,
        status,
        actor=actor,
        action=AuditAction.TRANCHE_STATUS,
        person_id=grant.case.person_id,
        request=request,
        reason=reason,
    )
    paid = grant.tranches.filter(status=GrantTranche.Status.PAID).aggregate(t=Sum("amount"))["t"] or Decimal("0")
    if status == GrantTranche.Status.PAID and paid >= grant.amount_requested:
        grant_set_status(actor=actor, grant=grant, status=BusinessGrant.Status.DISBURSED, request=request)
    return tranche


@transaction.atomic
def equipment_record(
    *,
    actor: User,
    grant: BusinessGrant,
    description: str,
    amount: Decimal,
    purchased_on: datetime.date,
    supplier: str = "",
    request=None,
) -> EquipmentPurchase:
    """Record equipment bought with the grant (what, from whom, for how much)."""
    require(actor, EDIT)
    if grant.status not in (BusinessGrant.Status.APPROVED, BusinessGrant.Status.DISBURSED):
        raise ValidationError(_("Equipment can only be recorded for an approved grant."))
    item = EquipmentPurchase(
        grant=grant,
        description=description.strip(),
        supplier=supplier.strip(),
        amount=amount,
        purchased_on=today_or(purchased_on),
        recorded_by=actor,
    )
    item.full_clean()
    item.save()
    audit_write(
        actor=actor,
        action=AuditAction.EQUIPMENT_RECORD,
        obj=item,
        person_id=grant.case.person_id,
        new=snapshot(item),
        request=request,
    )
    return item
