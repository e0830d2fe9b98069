"""Opening a case, agreeing its plan, reassigning and closing it."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from retorno.accounts.access import can, require
from retorno.accounts.models import User
from retorno.audit.actions import audit_write, snapshot
from retorno.lib.workflow import transition
from retorno.people.models import Consent, Person
from retorno.people.queries import has_consent
from retorno.reintegration.actions.common import EDIT, require_reason
from retorno.reintegration.audit_actions import AuditAction
from retorno.reintegration.models import DocumentRequest, FollowUp, PlanGoal, ReintegrationCase

S = ReintegrationCase.Status


def _check_officer(officer: User) -> None:
    if not can(officer, "reintegration.edit"):
        raise ValidationError({"officer": _("The officer must be a reintegration officer or a programme manager.")})


@transaction.atomic
def case_open(
    *,
    actor: User,
    person: Person,
    returned_on: datetime.date,
    officer: User | None = None,
    goals: str = "",
    request=None,
) -> ReintegrationCase:
    """Open a reintegration case for a person who consented to reintegration support.

    Refuses without that consent, and when the person already has an open case. Follow-ups
    already scheduled for the person and not yet assigned join the case and its officer.
    """
    require(actor, EDIT)
    if not has_consent(person=person, purpose=Consent.Purpose.REINTEGRATION):
        raise ValidationError(
            _("This person has not consented to reintegration support. Record their consent before opening a case.")
        )
    Person.objects.select_for_update().filter(pk=person.pk).first()  # one opening at a time per person
    if ReintegrationCase.objects.filter(person=person, status__in=ReintegrationCase.LIVE).exists():
        raise ValidationError(_("This person already has an open reintegration case."))
    officer = officer or actor
    _check_officer(officer)
    case = ReintegrationCase(
        person=person, officer=officer, returned_on=returned_on, goals=goals.strip(), created_by=actor
    )
    case.full_clean()
    case.save()
    FollowUp.objects.filter(person=person, case__isnull=True, status=FollowUp.Status.DUE).update(
        case=case, officer=officer
    )
    # A DPI request drafted from reception's triage before the case existed joins it.
    DocumentRequest.objects.filter(person=person, case__isnull=True, status__in=DocumentRequest.PENDING).update(
        case=case
    )
    audit_write(
        actor=actor,
        action=AuditAction.REINTEGRATION_CASE_OPEN,
        obj=case,
        person_id=person.pk,
        new=snapshot(case),
        request=request,
    )
    return case


@transaction.atomic
def case_assign(*, actor: User, case: ReintegrationCase, officer: User, request=None) -> ReintegrationCase:
    """Hand the case, and its follow-ups still due, to another officer."""
    require(actor, EDIT)
    _check_officer(officer)
    old = case.officer_id
    if old == officer.pk:
        return case
    case.officer = officer
    case.full_clean()
    case.save(update_fields=["officer"])
    case.followups.filter(status=FollowUp.Status.DUE).update(officer=officer)
    audit_write(
        actor=actor,
        action=AuditAction.REINTEGRATION_CASE_ASSIGN,
        obj=case,
        person_id=case.person_id,
        old={"officer": old},
        new={"officer": officer.pk},
        request=request,
    )
    return case


@transaction.atomic
def case_set_status(
    *,
    actor: User,
    case: ReintegrationCase,
    status: str,
    reason: str = "",
    on: datetime.date | None = None,
    request=None,
) -> ReintegrationCase:
    """Staff move a case along ReintegrationCase.TRANSITIONS (reintegration staff only)."""
    require(actor, EDIT)
    return case_move(actor=actor, case=case, status=status, reason=reason, on=on, request=request)


@transaction.atomic
def case_move(
    *,
    actor,
    case: ReintegrationCase,
    status: str,
    reason: str = "",
    on: datetime.date | None = None,
    request=None,
) -> ReintegrationCase:
    """The one way a case changes status, for staff and for the programme's own moves (a re-migration
    recorded at reception moves the earlier case, whoever checked the person in)."""
    case = ReintegrationCase.objects.select_for_update().get(pk=case.pk)
    on = on or timezone.localdate()
    fields: dict = {}
    if status == S.ACTIVE and case.status == S.OPEN and not case.plan_agreed_on:
        raise ValidationError(_("Agree the plan before activating the case."))
    if status == S.CLOSED:
        fields = {"closed_on": on, "close_reason": require_reason(reason, _("Say why the case is closed."))}
    elif case.status == S.CLOSED:
        if ReintegrationCase.objects.filter(person_id=case.person_id, status__in=ReintegrationCase.LIVE).exists():
            raise ValidationError(_("This person already has an open reintegration case."))
        fields = {"closed_on": None, "close_reason": ""}
    if status == S.REMIGRATED:
        fields = {"remigrated_on": on}
    return transition(
        case,
        status,
        actor=actor,
        action=AuditAction.REINTEGRATION_CASE_STATUS,
        person_id=case.person_id,
        request=request,
        reason=reason,
        fields=fields,
    )


@transaction.atomic
def case_agree_plan(
    *, actor: User, case: ReintegrationCase, agreed_on: datetime.date, goals: str | None = None, request=None
) -> tuple[ReintegrationCase, bool]:
    """Record that the person agreed their plan; activates the case.

    Returns ``(case, late)``: late when agreed more than a month after the return.
    """
    require(actor, EDIT)
    if case.status != S.OPEN:
        raise ValidationError(_("The plan can only be agreed while the case is open."))
    if not case.goals_set.exists():
        raise ValidationError(_("Add at least one goal to the plan first."))
    if agreed_on < case.returned_on:
        raise ValidationError({"agreed_on": _("The plan cannot be agreed before the person returned.")})
    if agreed_on > timezone.localdate():
        raise ValidationError({"agreed_on": _("The date cannot be in the future.")})
    case.plan_agreed_on = agreed_on
    if goals is not None:
        case.goals = goals.strip()
    case.full_clean()
    case.save(update_fields=["plan_agreed_on", "goals"])
    audit_write(
        actor=actor,
        action=AuditAction.REINTEGRATION_CASE_PLAN_AGREED,
        obj=case,
        person_id=case.person_id,
        new={"plan_agreed_on": agreed_on, "late": case.plan_late},
        request=request,
    )
    case = case_set_status(actor=actor, case=case, status=S.ACTIVE, request=request)
    return case, case.plan_late


@transaction.atomic
def goal_add(
    *,
    actor: User,
    case: ReintegrationCase,
    area: str,
    description: str,
    target_on: datetime.date | None = None,
    request=None,
) -> PlanGoal:
    """Add a goal to the case's plan."""
    require(actor, EDIT)
    if case.status not in ReintegrationCase.LIVE:
        raise ValidationError(_("Goals can only be added to an open case."))
    goal = PlanGoal(case=case, area=area, description=description.strip(), target_on=target_on)
    goal.full_clean()
    goal.save()
    audit_write(
        actor=actor,
        action=AuditAction.PLAN_GOAL_ADD,
        obj=goal,
        person_id=case.person_id,
        new=snapshot(goal),
        request=request,
    )
    return goal


@transaction.atomic
def goal_set_status(*, actor: User, goal: PlanGoal, status: str, request=None) -> PlanGoal:
    """The one way a goal changes status (see PlanGoal.TRANSITIONS)."""
    require(actor, EDIT)
    goal = PlanGoal.objects.select_for_update().select_related("case").get(pk=goal.pk)
    return transition(
        goal,
        status,
        actor=actor,
        action=AuditAction.PLAN_GOAL_STATUS,
        person_id=goal.case.person_id,
        request=request,
    )
