"""Trainings: plan, sessions, enrolment (recognising repeat participants), attendance, scores, certificates."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from retorno.accounts.models import Organisation, User
from retorno.audit.actions import audit_write
from retorno.lib.workflow import transition
from retorno.outreach.actions.common import require, save_new
from retorno.outreach.models import AuditAction, Enrolment, Participant, SessionAttendance, Training, TrainingSession


@transaction.atomic
def training_create(
    *,
    actor: User,
    title: str,
    topic: str,
    audience: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    institutions: list[Organisation] = (),
    modality: str = Training.Modality.IN_PERSON,
    place: str = "",
    department=None,
    trainers: str = "",
    materials: str = "",
    cost: Decimal = Decimal("0"),
    budget_line=None,
    pass_mark: int = 60,
    request: HttpRequest | None = None,
) -> Training:
    """Plan a training of officials or partners."""
    require(actor, "outreach.manage")
    training = Training(
        title=title.strip(),
        topic=topic,
        audience=audience,
        starts_on=starts_on,
        ends_on=ends_on,
        modality=modality,
        place=place.strip(),
        department=department,
        trainers=trainers.strip(),
        materials=materials.strip(),
        cost=cost,
        budget_line=budget_line,
        pass_mark=pass_mark,
        created_by=actor,
    )
    return save_new(
        training,
        actor=actor,
        action=AuditAction.TRAINING_CREATE,
        request=request,
        m2m={"institutions": list(institutions)},
    )


@transaction.atomic
def training_set_status(
    *, actor: User, training: Training, status: str, reason: str = "", request: HttpRequest | None = None
) -> Training:
    """Held, closed (results final) or cancelled (with a reason)."""
    require(actor, "outreach.manage")
    return transition(
        training,
        status,
        actor=actor,
        action=AuditAction.TRAINING_STATUS,
        reason=reason,
        request=request,
        require_reason=status == Training.Status.CANCELLED,
    )


def _require_open(training: Training) -> None:
    if training.status in (Training.Status.CLOSED, Training.Status.CANCELLED):
        raise ValidationError(
            _("This training is %(status)s: its records are final.") % {"status": training.status_label()}
        )


@transaction.atomic
def training_session_add(
    *,
    actor: User,
    training: Training,
    date: datetime.date,
    subject: str,
    hours: Decimal = Decimal("4"),
    request: HttpRequest | None = None,
) -> TrainingSession:
    require(actor, "outreach.manage")
    _require_open(training)
    if not (training.starts_on <= date <= training.ends_on):
        raise ValidationError({"date": _("The session must fall within the training's dates.")})
    session = TrainingSession(training=training, date=date, subject=subject.strip(), hours=hours)
    return save_new(session, actor=actor, action=AuditAction.TRAINING_SESSION_ADD, request=request)


@transaction.atomic
def participant_find_or_create(
    *,
    actor: User,
    full_name: str,
    institution: Organisation,
    position: str,
    sex: str,
    department=None,
    phone: str = "",
    email: str = "",
    request: HttpRequest | None = None,
) -> tuple[Participant, bool]:
    """The register entry for this official: found again by name and institution (accents and case
    ignored), so a judge trained twice counts once; new details fill in blanks only."""
    require(actor, "outreach.manage")
    full_name = " ".join(full_name.split())
    key = Participant.key_for(full_name, institution.pk)
    existing = Participant.objects.filter(match_key=key).first()
    if existing is not None:
        filled = {}
        for name, value in (("position", position), ("phone", phone), ("email", email), ("department", department)):
            if value and not getattr(existing, name):
                setattr(existing, name, value)
                filled[name] = value
        if filled:
            existing.full_clean()
            existing.save()
        return existing, False
    participant = Participant(
        full_name=full_name,
        institution=institution,
        position=position.strip(),
        sex=sex,
        department=department,
        phone=phone.strip(),
        email=email,
        match_key=key,
    )
    return save_new(participant, actor=actor, action=AuditAction.PARTICIPANT_CREATE, request=request), True


@transaction.atomic
def training_enrol(
    *, actor: User, training: Training, participant: Participant, request: HttpRequest | None = None
) -> Enrolment:
    require(actor, "outreach.manage")
    _require_open(training)
    if Enrolment.objects.filter(training=training, participant=participant).exists():
        raise ValidationError({"participant": _("This participant is already enrolled.")})
    enrolment = Enrolment(training=training, participant=participant)
    return save_new(enrolment, actor=actor, action=AuditAction.TRAINING_ENROL, request=request)


@transaction.atomic
def training_attendance_record(
    *,
    actor: User,
    session: TrainingSession,
    present_enrolment_ids: set[int],
    request: HttpRequest | None = None,
) -> int:
    """Record who was present at a session (everyone else enrolled: absent). Returns how many were present."""
    require(actor, "outreach.manage")
    _require_open(session.training)
    enrolments = list(session.training.enrolments.all())
    unknown = set(present_enrolment_ids) - {e.pk for e in enrolments}
    if unknown:
        raise ValidationError({"present": _("Someone marked present is not enrolled in this training.")})
    for enrolment in enrolments:
        SessionAttendance.objects.update_or_create(
            session=session, enrolment=enrolment, defaults={"present": enrolment.pk in present_enrolment_ids}
        )
    audit_write(
        actor=actor,
        action=AuditAction.TRAINING_ATTENDANCE,
        obj=session,
        new={"present": sorted(present_enrolment_ids), "enrolled": len(enrolments)},
        request=request,
    )
    return len(present_enrolment_ids)


@transaction.atomic
def training_scores_record(
    *,
    actor: User,
    training: Training,
    scores: dict[int, tuple[int | None, int | None]],
    request: HttpRequest | None = None,
) -> int:
    """Pre- and post-test scores (0–100) by enrolment id; ``None`` leaves a score blank."""
    require(actor, "outreach.manage")
    _require_open(training)
    enrolments = {e.pk: e for e in training.enrolments.all()}
    if set(scores) - set(enrolments):
        raise ValidationError({"scores": _("A score is for someone not enrolled in this training.")})
    old, new = {}, {}
    for pk, (pre, post) in scores.items():
        enrolment = enrolments[pk]
        old[pk] = [enrolment.pre_score, enrolment.post_score]
        enrolment.pre_score, enrolment.post_score = pre, post
        try:
            enrolment.full_clean()
        except ValidationError as error:
            raise ValidationError(
                {"scores": _("%(name)s: scores go from 0 to 100.") % {"name": enrolment.participant.full_name}}
            ) from error
        enrolment.save(update_fields=["pre_score", "post_score"])
        new[pk] = [pre, post]
    audit_write(actor=actor, action=AuditAction.TRAINING_SCORES, obj=training, old=old, new=new, request=request)
    return len(scores)


def certificates_issue(*, actor: User, training: Training, request: HttpRequest | None = None) -> bytes:
    """The PDF of every certificate earned in ``training`` (audited: who printed which)."""
    from retorno.outreach.certificates import certificates_pdf
    from retorno.outreach.queries import certificate_holders

    require(actor, "outreach.manage")
    if training.status not in (Training.Status.HELD, Training.Status.CLOSED):
        raise ValidationError(_("Certificates are printed once the training has been held."))
    holders = certificate_holders(training)
    if not holders:
        raise ValidationError(_("Nobody has earned a certificate yet: record attendance and post-test scores."))
    audit_write(
        actor=actor,
        action=AuditAction.CERTIFICATES_PRINT,
        obj=training,
        new={"certificates": [e.certificate_number for e in holders]},
        request=request,
    )
    return certificates_pdf(training, holders)
