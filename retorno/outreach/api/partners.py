"""Partner strengthening: checklists, assessments, plans, agreements and sub-grants."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Status

from retorno.accounts.access import require
from retorno.outreach import actions
from retorno.outreach.api.common import organisation, ref, router
from retorno.outreach.models import CapacityAssessment, CapacityChecklist, StrengtheningAction, StrengtheningPlan
from retorno.outreach.queries import (
    agreement_get_for,
    agreements_visible_to,
    assessment_get_for,
    assessment_result,
    assessments_visible_to,
)
from retorno.outreach.schemas import (
    AgreementIn,
    AgreementOut,
    ChecklistIn,
    ChecklistOut,
    Created,
    OutreachStatusIn,
    PartnerAssessmentIn,
    PartnerAssessmentOut,
    PartnerPlanIn,
    PartnerReportIn,
    PayIn,
    PlanActionIn,
    ProgressIn,
    StatusOut,
    SubGrantTrancheIn,
    TargetIn,
)


@router.get("/agreements", response=list[AgreementOut])
def agreement_list(request: HttpRequest):
    """Partner agreements and sub-grants; a partner sees only its own organisation's."""
    return list(agreements_visible_to(request.user).prefetch_related("tranches", "targets", "reports"))


@router.post("/agreements", response={201: AgreementOut})
def agreement_create(request: HttpRequest, payload: AgreementIn):
    from retorno.funding.models import BudgetLine

    require(request.user, "agreement.manage")
    data = payload.dict()
    data["organisation"] = organisation(data.pop("organisation_id"), "organisation_id")
    data["budget_line"] = ref(BudgetLine, data.pop("budget_line_id"), "budget_line_id")
    return Status(201, actions.agreement_create(actor=request.user, request=request, **data))


@router.get("/agreements/{int:agreement_id}", response=AgreementOut)
def agreement_detail(request: HttpRequest, agreement_id: int):
    return agreement_get_for(user=request.user, agreement_id=agreement_id)


@router.post("/agreements/{int:agreement_id}/status", response=AgreementOut)
def agreement_status(request: HttpRequest, agreement_id: int, payload: OutreachStatusIn):
    """draft → submitted → approved/rejected (a manager other than the drafter) → closed; rejected → draft."""
    agreement = agreement_get_for(user=request.user, agreement_id=agreement_id)
    return actions.agreement_set_status(actor=request.user, agreement=agreement, request=request, **payload.dict())


@router.post("/agreements/{int:agreement_id}/tranches", response={201: Created})
def tranche_add(request: HttpRequest, agreement_id: int, payload: SubGrantTrancheIn):
    agreement = agreement_get_for(user=request.user, agreement_id=agreement_id)
    return Status(
        201, actions.agreement_tranche_add(actor=request.user, agreement=agreement, request=request, **payload.dict())
    )


@router.post("/agreements/{int:agreement_id}/tranches/{int:tranche_id}/pay", response=AgreementOut)
def tranche_pay(request: HttpRequest, agreement_id: int, tranche_id: int, payload: PayIn):
    """Pay a tranche of an approved agreement through the donor ledger."""
    agreement = agreement_get_for(user=request.user, agreement_id=agreement_id)
    tranche = get_object_or_404(agreement.tranches, pk=tranche_id)
    actions.agreement_tranche_pay(actor=request.user, tranche=tranche, request=request, **payload.dict())
    return agreement_get_for(user=request.user, agreement_id=agreement_id)


@router.post("/agreements/{int:agreement_id}/targets", response={201: Created})
def target_add(request: HttpRequest, agreement_id: int, payload: TargetIn):
    agreement = agreement_get_for(user=request.user, agreement_id=agreement_id)
    return Status(
        201, actions.agreement_target_add(actor=request.user, agreement=agreement, request=request, **payload.dict())
    )


@router.post("/agreements/{int:agreement_id}/targets/{int:target_id}/progress", response=Created)
def target_progress(request: HttpRequest, agreement_id: int, target_id: int, payload: ProgressIn):
    agreement = agreement_get_for(user=request.user, agreement_id=agreement_id)
    target = get_object_or_404(agreement.targets, pk=target_id)
    return actions.agreement_target_progress(actor=request.user, target=target, request=request, **payload.dict())


@router.post("/agreements/{int:agreement_id}/reports", response={201: Created})
def report_add(request: HttpRequest, agreement_id: int, payload: PartnerReportIn):
    agreement = agreement_get_for(user=request.user, agreement_id=agreement_id)
    return Status(
        201, actions.agreement_report_add(actor=request.user, agreement=agreement, request=request, **payload.dict())
    )


@router.post("/agreements/{int:agreement_id}/reports/{int:report_id}/received", response=Created)
def report_receive(request: HttpRequest, agreement_id: int, report_id: int):
    agreement = agreement_get_for(user=request.user, agreement_id=agreement_id)
    report = get_object_or_404(agreement.reports, pk=report_id)
    return actions.agreement_report_receive(actor=request.user, report=report, request=request)


@router.get("/checklists", response=list[ChecklistOut])
def checklist_list(request: HttpRequest):
    require(request.user, "agreement.view")
    return list(CapacityChecklist.objects.filter(is_active=True).prefetch_related("criteria"))


@router.post("/checklists", response={201: ChecklistOut})
def checklist_create(request: HttpRequest, payload: ChecklistIn):
    """A configurable scored checklist."""
    criteria = [(c.area, c.text, c.max_score) for c in payload.criteria]
    return Status(
        201, actions.checklist_create(actor=request.user, name=payload.name, criteria=criteria, request=request)
    )


def _assessment_out(assessment: CapacityAssessment) -> dict:
    return {
        "id": assessment.pk,
        "organisation_id": assessment.organisation_id,
        "checklist_id": assessment.checklist_id,
        "assessed_on": assessment.assessed_on,
        **assessment_result(assessment),
    }


@router.get("/assessments", response=list[PartnerAssessmentOut])
def assessment_list(request: HttpRequest):
    """Capacity assessments; a partner sees only its own."""
    return [_assessment_out(a) for a in assessments_visible_to(request.user)]


@router.get("/assessments/{int:assessment_id}", response=PartnerAssessmentOut)
def assessment_detail(request: HttpRequest, assessment_id: int):
    return _assessment_out(assessment_get_for(user=request.user, assessment_id=assessment_id))


@router.post("/assessments", response={201: PartnerAssessmentOut})
def assessment_create(request: HttpRequest, payload: PartnerAssessmentIn):
    require(request.user, "outreach.manage")
    data = payload.dict()
    data["organisation"] = organisation(data.pop("organisation_id"), "organisation_id")
    data["checklist"] = ref(CapacityChecklist, data.pop("checklist_id"), "checklist_id")
    return Status(201, _assessment_out(actions.assessment_record(actor=request.user, request=request, **data)))


@router.post("/plans", response={201: Created})
def plan_create(request: HttpRequest, payload: PartnerPlanIn):
    require(request.user, "outreach.manage")
    data = payload.dict()
    data["organisation"] = organisation(data.pop("organisation_id"), "organisation_id")
    data["assessment"] = ref(CapacityAssessment, data.pop("assessment_id"), "assessment_id")
    return Status(201, actions.plan_create(actor=request.user, request=request, **data))


@router.post("/plans/{int:plan_id}/actions", response={201: Created})
def plan_action_add(request: HttpRequest, plan_id: int, payload: PlanActionIn):
    require(request.user, "outreach.view")
    plan = get_object_or_404(StrengtheningPlan, pk=plan_id)
    return Status(201, actions.plan_action_add(actor=request.user, plan=plan, request=request, **payload.dict()))


@router.post("/plan-actions/{int:item_id}/status", response=StatusOut)
def plan_action_status(request: HttpRequest, item_id: int, payload: OutreachStatusIn):
    require(request.user, "outreach.view")
    item = get_object_or_404(StrengtheningAction, pk=item_id)
    return actions.plan_action_set_status(actor=request.user, item=item, request=request, **payload.dict())
