"""Documents, training, job referrals, business grants and self-help groups."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from retorno.accounts.access import can
from retorno.accounts.directory import organisation_for_name
from retorno.accounts.models import Organisation, User
from retorno.audit.actions import audit_write, snapshot
from retorno.reintegration.actions.common import move_status, require_reason
from retorno.reintegration.actions.employer import partner_referral_follow_job, partner_referral_for_job
from retorno.reintegration.actions.followup import followups_schedule
from retorno.reintegration.actions.ledger import payment_record
from retorno.reintegration.models import (
    BudgetLine,
    BusinessGrant,
    Course,
    DocumentRequest,
    Enrolment,
    EquipmentPurchase,
    FollowUpTrigger,
    GrantTranche,
    GroupSession,
    JobReferral,
    Payment,
    ReintegrationCase,
    SelfHelpGroup,
    Vacancy,
)


def _require_live(case: ReintegrationCase) -> None:
    if case.status not in ReintegrationCase.LIVE:
        raise ValidationError(_("The case is not open."))


def _today_or(day: datetime.date | None) -> datetime.date:
    day = day or timezone.localdate()
    if day > timezone.localdate():
        raise ValidationError({"on": _("The date cannot be in the future.")})
    return day


# Documents ---------------------------------------------------------------------------------------


@transaction.atomic
def document_request(
    *,
    actor: User,
    case: ReintegrationCase,
    kind: str,
    issuer: str = "",
    requested_on: datetime.date | None = None,
    request=None,
) -> DocumentRequest:
    """Start getting a document for the person (DPI through RENAP, a birth certificate...)."""
    _require_live(case)
    issuer = issuer.strip() or DocumentRequest.DEFAULT_ISSUER.get(kind, "")
    document = DocumentRequest(
        case=case,
        kind=kind,
        issuer=issuer,
        issuer_org=organisation_for_name(Organisation, issuer),
        requested_on=_today_or(requested_on),
    )
    document.full_clean()
    document.save()
    audit_write(
        actor=actor,
        action="document.request",
        obj=document,
        person_id=case.person_id,
        new=snapshot(document),
        request=request,
    )
    return document


@transaction.atomic
def document_set_status(
    *,
    actor: User,
    document: DocumentRequest,
    status: str,
    on: datetime.date | None = None,
    reason: str = "",
    request=None,
) -> DocumentRequest:
    """The one way a document request moves: requested → submitted → issued / rejected."""
    document = DocumentRequest.objects.select_for_update().select_related("case").get(pk=document.pk)
    on = _today_or(on)
    S = DocumentRequest.Status
    fields: dict = {}
    if status == S.SUBMITTED:
        fields = {"submitted_on": on, "decided_on": None, "reason": ""}
    elif status == S.ISSUED:
        fields = {"decided_on": on}
    elif status in (S.REJECTED, S.CANCELLED):
        fields = {"decided_on": on, "reason": require_reason(reason, _("Say why."))}
    document = move_status(
        obj=document,
        to=status,
        actor=actor,
        action="document.status",
        person_id=document.case.person_id,
        request=request,
        audit_reason=reason,
        **fields,
    )
    if status == S.ISSUED:
        followups_schedule(
            actor=actor,
            person=document.case.person,
            trigger=FollowUpTrigger.DOCUMENT,
            base_date=on,
            case=document.case,
            document=document,
            request=request,
        )
    return document


# Training ----------------------------------------------------------------------------------------


@transaction.atomic
def course_create(
    *,
    actor: User,
    institution: Organisation,
    name: str,
    kind: str = Course.Kind.COURSE,
    sector: str = "other",
    hours: int | None = None,
    cost: Decimal = Decimal("0"),
    request=None,
) -> Course:
    """Add a course or equivalency title offered by a training institution or the Ministry of Education."""
    if institution.kind not in (Organisation.Kind.TRAINING, Organisation.Kind.GOVERNMENT):
        raise ValidationError({"institution": _("Choose a training institute or a government body.")})
    course = Course(institution=institution, name=name.strip(), kind=kind, sector=sector, hours=hours, cost=cost)
    course.full_clean()
    course.save()
    audit_write(actor=actor, action="course.create", obj=course, new=snapshot(course), request=request)
    return course


@transaction.atomic
def enrolment_create(
    *,
    actor: User,
    case: ReintegrationCase,
    course: Course,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
    request=None,
) -> Enrolment:
    """Enrol the person in a course (or start an equivalency title)."""
    _require_live(case)
    if not course.is_active:
        raise ValidationError({"course": _("This course is no longer offered.")})
    if ends_on and ends_on < starts_on:
        raise ValidationError({"ends_on": _("The course cannot end before it starts.")})
    if case.enrolments.filter(
        course=course, status__in=[Enrolment.Status.ENROLLED, Enrolment.Status.ATTENDING]
    ).exists():
        raise ValidationError({"course": _("The person is already enrolled in this course.")})
    enrolment = Enrolment(case=case, course=course, starts_on=starts_on, ends_on=ends_on)
    enrolment.full_clean()
    enrolment.save()
    audit_write(
        actor=actor,
        action="enrolment.create",
        obj=enrolment,
        person_id=case.person_id,
        new=snapshot(enrolment),
        request=request,
    )
    return enrolment


@transaction.atomic
def enrolment_set_status(
    *,
    actor: User,
    enrolment: Enrolment,
    status: str,
    on: datetime.date | None = None,
    certificate_number: str = "",
    reason: str = "",
    request=None,
) -> Enrolment:
    """The one way an enrolment moves: enrolled → attending → completed → certified, or dropped."""
    enrolment = Enrolment.objects.select_for_update().select_related("case").get(pk=enrolment.pk)
    on = _today_or(on)
    S = Enrolment.Status
    fields: dict = {}
    if status == S.COMPLETED:
        fields = {"completed_on": on}
    elif status == S.CERTIFIED:
        number = certificate_number.strip()
        if not number:
            raise ValidationError({"certificate_number": _("Enter the certificate's number.")})
        fields = {"certified_on": on, "certificate_number": number}
    elif status == S.DROPPED:
        fields = {"reason": require_reason(reason, _("Say why the person dropped out."))}
    enrolment = move_status(
        obj=enrolment,
        to=status,
        actor=actor,
        action="enrolment.status",
        person_id=enrolment.case.person_id,
        request=request,
        audit_reason=reason,
        **fields,
    )
    if status == S.COMPLETED:
        followups_schedule(
            actor=actor,
            person=enrolment.case.person,
            trigger=FollowUpTrigger.TRAINING,
            base_date=on,
            case=enrolment.case,
            enrolment=enrolment,
            request=request,
        )
    return enrolment


@transaction.atomic
def enrolment_record_attendance(
    *, actor: User, enrolment: Enrolment, sessions_total: int, sessions_attended: int, request=None
) -> Enrolment:
    """Update the sessions held and attended; the first attended session marks the person as attending."""
    enrolment = Enrolment.objects.select_for_update().select_related("case").get(pk=enrolment.pk)
    if sessions_attended > sessions_total:
        raise ValidationError({"sessions_attended": _("Cannot attend more sessions than were held.")})
    if enrolment.status in (Enrolment.Status.DROPPED, Enrolment.Status.CERTIFIED):
        raise ValidationError(_("Attendance can no longer change."))
    old = snapshot(enrolment, ["sessions_total", "sessions_attended"])
    enrolment.sessions_total, enrolment.sessions_attended = sessions_total, sessions_attended
    enrolment.full_clean()
    enrolment.save(update_fields=["sessions_total", "sessions_attended"])
    audit_write(
        actor=actor,
        action="enrolment.attendance",
        obj=enrolment,
        person_id=enrolment.case.person_id,
        old=old,
        new=snapshot(enrolment, ["sessions_total", "sessions_attended"]),
        request=request,
    )
    if sessions_attended and enrolment.status == Enrolment.Status.ENROLLED:
        enrolment = enrolment_set_status(
            actor=actor, enrolment=enrolment, status=Enrolment.Status.ATTENDING, request=request
        )
    return enrolment


# Jobs --------------------------------------------------------------------------------------------


@transaction.atomic
def vacancy_create(
    *,
    actor: User,
    employer: Organisation,
    title: str,
    sector: str,
    positions: int = 1,
    municipality=None,
    requirements: str = "",
    posted_on: datetime.date | None = None,
    request=None,
) -> Vacancy:
    """Publish a vacancy offered by an employer partner."""
    if employer.kind != Organisation.Kind.EMPLOYER:
        raise ValidationError({"employer": _("Choose an employer partner.")})
    vacancy = Vacancy(
        employer=employer,
        title=title.strip(),
        sector=sector,
        positions=positions,
        municipality=municipality,
        requirements=requirements.strip(),
        posted_on=posted_on or timezone.localdate(),
    )
    vacancy.full_clean()
    vacancy.save()
    audit_write(actor=actor, action="vacancy.create", obj=vacancy, new=snapshot(vacancy), request=request)
    return vacancy


@transaction.atomic
def vacancy_set_open(*, actor: User, vacancy: Vacancy, is_open: bool, request=None) -> Vacancy:
    if vacancy.is_open != is_open:
        vacancy.is_open = is_open
        vacancy.save(update_fields=["is_open"])
        audit_write(
            actor=actor,
            action="vacancy.open" if is_open else "vacancy.close",
            obj=vacancy,
            new={"is_open": is_open},
            request=request,
        )
    return vacancy


@transaction.atomic
def job_referral_create(
    *,
    actor: User,
    case: ReintegrationCase,
    vacancy: Vacancy,
    shared_fields: list[str] | None = None,
    consent_override_reason: str = "",
    note: str = "",
    request=None,
) -> JobReferral:
    """Put the person forward for an open vacancy, and send the employer a referral to answer.

    The referral goes to the employer's partner profile (created on the fly when the actor
    manages partners) and shares ``shared_fields`` under the person's consent to share data
    with partners; without it only a manager may refer, with a reason (audited).
    """
    _require_live(case)
    if not vacancy.is_open:
        raise ValidationError({"vacancy": _("This vacancy is closed.")})
    live = [JobReferral.Status.REFERRED, JobReferral.Status.INTERVIEW]
    if case.job_referrals.filter(vacancy=vacancy, status__in=live).exists():
        raise ValidationError({"vacancy": _("The person is already referred to this vacancy.")})
    referral = JobReferral(case=case, vacancy=vacancy)
    referral.full_clean()
    referral.save()
    partner_referral_for_job(
        actor=actor,
        job_referral=referral,
        shared_fields=shared_fields,
        consent_override_reason=consent_override_reason,
        note=note,
        request=request,
    )
    audit_write(
        actor=actor,
        action="job_referral.create",
        obj=referral,
        person_id=case.person_id,
        new=snapshot(referral),
        request=request,
    )
    return referral


@transaction.atomic
def job_referral_set_status(
    *,
    actor: User,
    job_referral: JobReferral,
    status: str,
    on: datetime.date | None = None,
    reason: str = "",
    request=None,
) -> JobReferral:
    """The officer moves a job referral: referred → interview → hired / not hired (or withdrawn).

    The move is passed on to the employer's open referral (as an answer recorded by staff, or
    its revocation), so the employer's link stops working once the outcome is known.
    """
    referral = job_referral_move(
        actor=actor, job_referral=job_referral, status=status, on=on, reason=reason, request=request
    )
    partner_referral_follow_job(actor=actor, job_referral=referral, request=request)
    return referral


def job_referral_move(
    *,
    actor,
    job_referral: JobReferral,
    status: str,
    on: datetime.date | None = None,
    reason: str = "",
    request=None,
) -> JobReferral:
    """The one place a job referral's status changes (the officer's move or the employer's answer).

    Hiring schedules the retention checks (3, 6 and 12 months by default) and closes the
    vacancy when all its positions are filled. Runs inside the caller's transaction.
    """
    referral = JobReferral.objects.select_for_update().select_related("case", "vacancy").get(pk=job_referral.pk)
    S = JobReferral.Status
    fields: dict = {}
    if status == S.INTERVIEW:
        fields = {"interview_on": on or timezone.localdate()}  # an interview may be booked ahead
    elif status == S.HIRED:
        fields = {"hired_on": _today_or(on)}
    elif status in (S.NOT_HIRED, S.WITHDRAWN):
        fields = {"reason": require_reason(reason, _("Say why."))}
    referral = move_status(
        obj=referral,
        to=status,
        actor=actor,
        action="job_referral.status",
        person_id=referral.case.person_id,
        request=request,
        audit_reason=reason,
        **fields,
    )
    if status == S.HIRED:
        followups_schedule(
            actor=actor,
            person=referral.case.person,
            trigger=FollowUpTrigger.JOB,
            base_date=referral.hired_on,
            case=referral.case,
            job_referral=referral,
            request=request,
        )
        vacancy = referral.vacancy
        if vacancy.referrals.filter(status=S.HIRED).count() >= vacancy.positions:
            vacancy_set_open(actor=actor, vacancy=vacancy, is_open=False, request=request)
    return referral


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
    _require_live(case)
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
        actor=actor, action="grant.draft", obj=grant, person_id=case.person_id, new=snapshot(grant), request=request
    )
    return grant


@transaction.atomic
def grant_set_status(*, actor: User, grant: BusinessGrant, status: str, note: str = "", request=None) -> BusinessGrant:
    """The one way a grant moves: draft → submitted → approved / rejected → disbursed.

    Four eyes: approving or rejecting needs a programme manager who did not draft the plan.
    """
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
    grant = move_status(
        obj=grant,
        to=status,
        actor=actor,
        action="grant.status",
        person_id=grant.case.person_id,
        request=request,
        audit_reason=note,
        **fields,
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
        action="tranche.plan",
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
                paid_on=_today_or(paid_on),
                payee=grant.business_name,
                reference=reference,
                tranche=tranche,
                override_reason=override_reason,
                request=request,
            )
    elif status == GrantTranche.Status.CANCELLED:
        require_reason(reason, _("Say why the tranche is cancelled."))
    tranche = move_status(
        obj=tranche,
        to=status,
        actor=actor,
        action="tranche.status",
        person_id=grant.case.person_id,
        request=request,
        audit_reason=reason,
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
    if grant.status not in (BusinessGrant.Status.APPROVED, BusinessGrant.Status.DISBURSED):
        raise ValidationError(_("Equipment can only be recorded for an approved grant."))
    item = EquipmentPurchase(
        grant=grant,
        description=description.strip(),
        supplier=supplier.strip(),
        amount=amount,
        purchased_on=_today_or(purchased_on),
        recorded_by=actor,
    )
    item.full_clean()
    item.save()
    audit_write(
        actor=actor,
        action="equipment.record",
        obj=item,
        person_id=grant.case.person_id,
        new=snapshot(item),
        request=request,
    )
    return item


# Self-help groups --------------------------------------------------------------------------------


@transaction.atomic
def group_create(
    *,
    actor: User,
    name: str,
    facilitator: User,
    municipality=None,
    started_on: datetime.date | None = None,
    request=None,
) -> SelfHelpGroup:
    """Start a "Club Migrantes" self-help group."""
    group = SelfHelpGroup(
        name=name.strip(),
        facilitator=facilitator,
        municipality=municipality,
        started_on=started_on or timezone.localdate(),
    )
    group.full_clean()
    group.save()
    audit_write(actor=actor, action="group.create", obj=group, new=snapshot(group), request=request)
    return group


@transaction.atomic
def group_session_record(
    *,
    actor: User,
    group: SelfHelpGroup,
    held_on: datetime.date,
    topic: str,
    attendees: list[ReintegrationCase],
    notes: str = "",
    request=None,
) -> GroupSession:
    """Record a session of a group, its topic and who attended."""
    session = GroupSession(group=group, held_on=_today_or(held_on), topic=topic, notes=notes.strip())
    session.full_clean()
    session.save()
    session.attendees.set(attendees)
    audit_write(
        actor=actor,
        action="group.session",
        obj=session,
        new={**snapshot(session, ["group", "held_on", "topic"]), "attendees": [c.pk for c in attendees]},
        request=request,
    )
    return session
