"""Scheduling follow-ups, recording attempts and outcomes, and noticing re-migration."""

import datetime

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Value
from django.utils import timezone
from django.utils.translation import gettext as _

from retorno.accounts.access import require
from retorno.accounts.models import User
from retorno.audit.actions import audit_write, snapshot
from retorno.lib.workflow import transition
from retorno.people.models import Consent, Person
from retorno.people.queries import consents_in_force
from retorno.reintegration import rss
from retorno.reintegration.actions.cases import case_move
from retorno.reintegration.actions.common import EDIT, add_months, require_reason
from retorno.reintegration.audit_actions import AuditAction
from retorno.reintegration.models import (
    DEFAULT_FOLLOW_UP_MONTHS,
    FollowUp,
    FollowUpAttempt,
    FollowUpOutcome,
    FollowUpSchedule,
    FollowUpTrigger,
    ReintegrationCase,
    Remigration,
)

F = FollowUp.Status


def schedule_months(trigger: str) -> list[int]:
    """The months after ``trigger`` when follow-ups fall due: the configured schedule, else the default."""
    row = FollowUpSchedule.objects.filter(trigger=trigger).first()
    if row is None:
        return list(DEFAULT_FOLLOW_UP_MONTHS[trigger])
    return sorted(set(row.months)) if row.is_active else []


def followups_schedule(
    *,
    actor: User,
    person: Person,
    trigger: str,
    base_date: datetime.date,
    case: ReintegrationCase | None = None,
    request=None,
    **source,
) -> list[FollowUp]:
    """Create the follow-ups due after ``base_date`` for ``trigger`` (idempotent per source and month).

    ``source`` names what they follow: ``arrival_id=``, ``document=``, ``enrolment=``,
    ``job_referral=`` or ``grant=``. The officer is the case's officer, if there is a case.
    """
    if case is None:
        case = ReintegrationCase.objects.filter(person=person, status__in=ReintegrationCase.LIVE).first()
    # One read of what is already scheduled and one insert of the rest (check-in's hot path).
    months = schedule_months(trigger)
    scheduled = set(
        FollowUp.objects.filter(
            person=person, trigger=trigger, base_date=base_date, months_after__in=months, **source
        ).values_list("months_after", flat=True)
    )
    created = FollowUp.objects.bulk_create(
        FollowUp(
            person=person,
            trigger=trigger,
            base_date=base_date,
            months_after=m,
            **source,
            case=case,
            officer_id=case.officer_id if case else None,
            due_on=add_months(base_date, m),
        )
        for m in months
        if m not in scheduled
    )
    if created:
        audit_write(
            actor=actor,
            action=AuditAction.FOLLOWUP_SCHEDULE,
            person_id=person.pk,
            request=request,
            new={
                "trigger": trigger,
                "base_date": base_date,
                "due_on": [f.due_on for f in created],
                "case": case.pk if case else None,
            },
        )
    return created


def _arrival_facts(person: Person, arrival_id: int | None, arrived_on: datetime.date) -> dict[str, bool]:
    """Lock the person (one check-in at a time per person) and read, in the same query, whether
    this arrival's re-migration is already recorded and whether the person arrived before."""
    checks = {
        "recorded": Exists(Remigration.objects.filter(arrival_id=arrival_id)) if arrival_id else Value(False),
        "earlier_followup": Exists(
            FollowUp.objects.filter(person=OuterRef("pk"), trigger=FollowUpTrigger.ARRIVAL, base_date__lt=arrived_on)
        ),
        "earlier_case": Exists(ReintegrationCase.objects.filter(person=OuterRef("pk"), returned_on__lt=arrived_on)),
    }
    # Reception's Arrival model may not be installed yet: look it up lazily, never import it.
    try:
        others = apps.get_model("reception", "Arrival").objects.filter(person=OuterRef("pk"))
        checks["earlier_arrival"] = Exists(others.exclude(pk=arrival_id) if arrival_id is not None else others)
    except LookupError:
        pass
    return Person.objects.select_for_update().filter(pk=person.pk).values(**checks).get()


@transaction.atomic
def followups_on_arrival(
    *, actor: User, person: Person, arrived_on: datetime.date, arrival_id: int | None = None, request=None
) -> list[FollowUp]:
    """Called by reception at check-in: schedule the arrival's follow-ups and notice re-migration.

    Follow-ups are scheduled only for a person who agreed to be contacted (follow-up or
    reintegration consent in force); reception calls this again when consent is given at triage.

    When this is not the person's first arrival, every earlier open case becomes "re-migrated",
    follow-ups still due from earlier arrivals and services are marked re-migrated, and outcomes
    already recorded are stamped with the date, so results by cohort can count them. Each
    re-migration is recorded once per arrival. Returns the follow-ups created.
    """
    facts = _arrival_facts(person, arrival_id, arrived_on)
    came_before = facts["earlier_followup"] or facts["earlier_case"] or facts.get("earlier_arrival", False)
    if not facts["recorded"] and came_before:
        earlier_cases = list(
            ReintegrationCase.objects.filter(
                person=person, status__in=ReintegrationCase.LIVE, returned_on__lt=arrived_on
            )
        )
        for case in earlier_cases:
            case_move(
                actor=actor, case=case, status=ReintegrationCase.Status.REMIGRATED, on=arrived_on, request=request
            )
        earlier = FollowUp.objects.filter(person=person, base_date__lt=arrived_on)
        pending = list(earlier.filter(status=F.DUE))
        for followup in pending:
            followup_move(actor=actor, followup=followup, status=F.REMIGRATED, request=request)
        earlier.update(remigrated_on=arrived_on)
        FollowUpOutcome.objects.filter(followup__in=earlier).update(remigrated_on=arrived_on)
        remigration = Remigration.objects.create(
            person=person,
            arrived_on=arrived_on,
            arrival_id=arrival_id,
            case=earlier_cases[0] if earlier_cases else None,
        )
        audit_write(
            actor=actor,
            action=AuditAction.REMIGRATION_RECORD,
            obj=remigration,
            person_id=person.pk,
            request=request,
            new={"arrived_on": arrived_on, "cases": [c.pk for c in earlier_cases], "followups_closed": len(pending)},
        )
    if not _may_contact(person):
        return []  # scheduled when they agree to be contacted (reception triage calls this again)
    return followups_schedule(
        actor=actor,
        person=person,
        trigger=FollowUpTrigger.ARRIVAL,
        base_date=arrived_on,
        request=request,
        case=ReintegrationCase.objects.filter(person=person, status__in=ReintegrationCase.LIVE).first(),
        arrival_id=arrival_id,
    )


@transaction.atomic
def followup_set_status(*, actor: User, followup: FollowUp, status: str, reason: str = "", request=None) -> FollowUp:
    """Staff move a follow-up along FollowUp.TRANSITIONS (reintegration staff only)."""
    require(actor, EDIT)
    return followup_move(actor=actor, followup=followup, status=status, reason=reason, request=request)


@transaction.atomic
def followup_move(*, actor, followup: FollowUp, status: str, reason: str = "", request=None) -> FollowUp:
    """The one way a follow-up changes status, for staff and for the programme's own moves (re-migration)."""
    followup = FollowUp.objects.select_for_update().get(pk=followup.pk)
    if status == F.UNREACHABLE and not followup.attempts.filter(reached=False).exists():
        raise ValidationError(_("Record at least one attempt to reach the person first."))
    if status == F.CANCELLED:
        require_reason(reason, _("Say why the follow-up is cancelled."))
    if status == F.DONE and not hasattr(followup, "outcome"):
        raise ValidationError(_("Record the outcome to complete the follow-up."))
    return transition(
        followup,
        status,
        actor=actor,
        action=AuditAction.FOLLOWUP_STATUS,
        person_id=followup.person_id,
        request=request,
        reason=reason,
    )


@transaction.atomic
def followup_assign(*, actor: User, followup: FollowUp, officer: User, request=None) -> FollowUp:
    """Give a follow-up to an officer (e.g. an officer takes one from the unassigned list)."""
    require(actor, EDIT)
    from retorno.reintegration.actions.cases import _check_officer

    _check_officer(officer)
    old = followup.officer_id
    followup.officer = officer
    followup.save(update_fields=["officer"])
    audit_write(
        actor=actor,
        action=AuditAction.FOLLOWUP_ASSIGN,
        obj=followup,
        person_id=followup.person_id,
        old={"officer": old},
        new={"officer": officer.pk},
        request=request,
    )
    return followup


def _may_contact(person: Person) -> bool:
    in_force = consents_in_force(person=person)  # read once for both purposes
    return any(
        in_force[purpose].given
        for purpose in (Consent.Purpose.FOLLOW_UP, Consent.Purpose.REINTEGRATION)
        if purpose in in_force
    )


@transaction.atomic
def followup_attempt(
    *,
    actor: User,
    followup: FollowUp,
    channel: str,
    reached: bool,
    note: str = "",
    at: datetime.datetime | None = None,
    request=None,
) -> FollowUpAttempt:
    """Record a try to reach the person, by phone or in person. Needs consent to be contacted."""
    require(actor, EDIT)
    if followup.status != F.DUE:
        raise ValidationError(_("This follow-up is no longer due."))
    if not _may_contact(followup.person):
        raise ValidationError(
            _("The person has not consented to follow-up contact. Record their consent before contacting them.")
        )
    attempt = FollowUpAttempt(
        followup=followup, channel=channel, reached=reached, note=note.strip(), at=at or timezone.now(), by=actor
    )
    attempt.full_clean()
    attempt.save()
    audit_write(
        actor=actor,
        action=AuditAction.FOLLOWUP_ATTEMPT,
        obj=attempt,
        person_id=followup.person_id,
        new=snapshot(attempt, ["channel", "reached", "at"]),
        request=request,
    )
    return attempt


@transaction.atomic
def followup_record_outcome(
    *,
    actor: User,
    followup: FollowUp,
    working: str,
    income_band: str,
    intends_to_migrate: str,
    living_in=None,
    business_operating: bool | None = None,
    still_with_employer: bool | None = None,
    rss_answers: dict | None = None,
    self_reported: bool = False,
    request=None,
) -> FollowUpOutcome:
    """Record what the follow-up found and complete it; RSS scores are computed from the raw answers.

    ``self_reported``: the person answered through a follow-up invitation; ``actor`` is then the
    officer who sent it, and the audit row says so.
    """
    require(actor, EDIT)
    followup = FollowUp.objects.select_for_update().get(pk=followup.pk)
    if followup.status != F.DUE:
        raise ValidationError(_("This follow-up is no longer due."))
    if not followup.attempts.filter(reached=True).exists():
        raise ValidationError(_("Record the contact in which the person was reached first."))
    answers = {k: v for k, v in (rss_answers or {}).items() if v not in (None, "")}
    scores = rss.score(answers)
    outcome = FollowUpOutcome(
        followup=followup,
        working=working,
        income_band=income_band,
        intends_to_migrate=intends_to_migrate,
        living_in=living_in,
        business_operating=business_operating,
        still_with_employer=still_with_employer,
        rss_answers=answers,
        rss_version=scores.version,
        economic_score=scores.economic,
        social_score=scores.social,
        psychosocial_score=scores.psychosocial,
        composite_score=scores.composite,
        self_reported=self_reported,
        recorded_by=actor,
    )
    outcome.full_clean()
    outcome.save()
    audit_write(
        actor=actor,
        action=AuditAction.FOLLOWUP_OUTCOME,
        obj=outcome,
        person_id=followup.person_id,
        new=snapshot(
            outcome,
            [
                "working",
                "income_band",
                "intends_to_migrate",
                "business_operating",
                "still_with_employer",
                "composite_score",
            ],
        ),
        reason="self_reported" if self_reported else "",
        request=request,
    )
    followup_set_status(actor=actor, followup=followup, status=F.DONE, request=request)
    return outcome
