"""Institutions directory and trainings of officials."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Status

from retorno.accounts.access import require
from retorno.outreach import actions
from retorno.outreach.api.common import department, municipality, organisation, organisations, ref, router
from retorno.outreach.queries import (
    figures_for,
    institution_get_for,
    institutions_directory,
    participants_register,
    training_get_for,
    training_roster,
    trainings_visible_to,
)
from retorno.outreach.schemas import (
    Created,
    FiguresOut,
    InstitutionIn,
    InstitutionOut,
    OutreachContactIn,
    OutreachContactOut,
    OutreachStatusIn,
    ParticipantIn,
    ScoresIn,
    StatusOut,
    TrainingAttendanceIn,
    TrainingEnrolmentOut,
    TrainingIn,
    TrainingOut,
    TrainingSessionIn,
)


@router.get("/institutions", response=list[InstitutionOut])
def institution_list(request: HttpRequest, kind: str = "", q: str = ""):
    """The institutions directory (active entries), filtered by kind and by name or acronym."""
    return list(institutions_directory(user=request.user, kind=kind, q=q[:100]))


@router.post("/institutions", response={201: InstitutionOut})
def institution_create(request: HttpRequest, payload: InstitutionIn):
    """Add an institution or a unit of one (``parent_id``)."""
    require(request.user, "institution.manage")
    data = payload.dict()
    data["parent"] = organisation(data.pop("parent_id"), "parent_id")
    data["department"] = department(data["department"])
    data["municipality"] = municipality(data["municipality"])
    return Status(201, actions.institution_create(actor=request.user, request=request, **data))


@router.get("/institutions/{int:organisation_id}", response=InstitutionOut)
def institution_detail(request: HttpRequest, organisation_id: int):
    return institution_get_for(user=request.user, organisation_id=organisation_id)


@router.get("/institutions/{int:organisation_id}/contacts", response=list[OutreachContactOut])
def contact_list(request: HttpRequest, organisation_id: int):
    return list(institution_get_for(user=request.user, organisation_id=organisation_id).contacts.filter(is_active=True))


@router.post("/institutions/{int:organisation_id}/contacts", response={201: Created})
def contact_add(request: HttpRequest, organisation_id: int, payload: OutreachContactIn):
    org = institution_get_for(user=request.user, organisation_id=organisation_id)
    contact = actions.institution_contact_add(actor=request.user, organisation=org, request=request, **payload.dict())
    return Status(201, contact)


@router.get("/trainings", response=list[TrainingOut])
def training_list(request: HttpRequest):
    return list(trainings_visible_to(request.user))


@router.post("/trainings", response={201: TrainingOut})
def training_create(request: HttpRequest, payload: TrainingIn):
    """Plan a training: topic, audience, institutions, modality, dates, place, trainers, materials, cost."""
    from retorno.funding.models import BudgetLine

    require(request.user, "outreach.manage")
    data = payload.dict()
    data["institutions"] = organisations(data.pop("institution_ids"), "institution_ids")
    data["department"] = department(data["department"])
    data["budget_line"] = ref(BudgetLine, data.pop("budget_line_id"), "budget_line_id")
    return Status(201, actions.training_create(actor=request.user, request=request, **data))


def _roster_out(training, known_ids: set[int] = frozenset()) -> list[dict]:
    out = []
    for row in training_roster(training):
        e, p = row["enrolment"], row["enrolment"].participant
        out.append(
            {
                "id": e.pk,
                "participant_id": p.pk,
                "full_name": p.full_name,
                "institution": p.institution.name,
                "position": p.position,
                "sex": p.sex,
                "pre_score": e.pre_score,
                "post_score": e.post_score,
                "attended": row["attended"],
                "sessions": row["sessions"],
                "certified": row["certified"],
                "repeat_participant": p.pk in known_ids,
            }
        )
    return out


@router.get("/trainings/{int:training_id}", response=TrainingOut)
def training_detail(request: HttpRequest, training_id: int):
    return training_get_for(user=request.user, training_id=training_id)


@router.get("/trainings/{int:training_id}/enrolments", response=list[TrainingEnrolmentOut])
def enrolment_list(request: HttpRequest, training_id: int):
    """Who is enrolled, sessions attended, scores and whether each earns the certificate."""
    return _roster_out(training_get_for(user=request.user, training_id=training_id))


@router.post("/trainings/{int:training_id}/sessions", response={201: Created})
def session_add(request: HttpRequest, training_id: int, payload: TrainingSessionIn):
    training = training_get_for(user=request.user, training_id=training_id)
    session = actions.training_session_add(actor=request.user, training=training, request=request, **payload.dict())
    return Status(201, session)


@router.post("/trainings/{int:training_id}/enrolments", response={201: TrainingEnrolmentOut})
def enrol(request: HttpRequest, training_id: int, payload: ParticipantIn):
    """Enrol an official: an existing register entry (same name and institution) is reused, not duplicated."""
    training = training_get_for(user=request.user, training_id=training_id)
    require(request.user, "outreach.manage")
    data = payload.dict()
    data["institution"] = organisation(data.pop("institution_id"), "institution_id")
    data["department"] = department(data["department"])
    participant, created = actions.participant_find_or_create(actor=request.user, request=request, **data)
    enrolment = actions.training_enrol(actor=request.user, training=training, participant=participant, request=request)
    row = next(r for r in _roster_out(training, set() if created else {participant.pk}) if r["id"] == enrolment.pk)
    return Status(201, row)


@router.post("/trainings/{int:training_id}/sessions/{int:session_id}/attendance", response=StatusOut)
def attendance(request: HttpRequest, training_id: int, session_id: int, payload: TrainingAttendanceIn):
    training = training_get_for(user=request.user, training_id=training_id)
    session = get_object_or_404(training.sessions, pk=session_id)
    actions.training_attendance_record(
        actor=request.user, session=session, present_enrolment_ids=set(payload.present), request=request
    )
    return {"id": session.pk, "status": "recorded"}


@router.post("/trainings/{int:training_id}/scores", response=list[TrainingEnrolmentOut])
def scores(request: HttpRequest, training_id: int, payload: ScoresIn):
    """Pre- and post-test scores (0–100) by enrolment."""
    training = training_get_for(user=request.user, training_id=training_id)
    table = {s.enrolment_id: (s.pre_score, s.post_score) for s in payload.scores}
    actions.training_scores_record(actor=request.user, training=training, scores=table, request=request)
    return _roster_out(training)


@router.post("/trainings/{int:training_id}/status", response=StatusOut)
def training_status(request: HttpRequest, training_id: int, payload: OutreachStatusIn):
    """planned → held → closed, or planned → cancelled (with a reason)."""
    training = training_get_for(user=request.user, training_id=training_id)
    return actions.training_set_status(actor=request.user, training=training, request=request, **payload.dict())


@router.get("/trainings/{int:training_id}/certificates.pdf", response={200: None})
def certificates(request: HttpRequest, training_id: int):
    """A PDF with one certificate per participant who attended at least 80% and reached the pass mark."""
    training = training_get_for(user=request.user, training_id=training_id)
    pdf = actions.certificates_issue(actor=request.user, training=training, request=request)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificados-{training.pk}.pdf"'
    return response


@router.get("/participants", response=list[dict])
def participant_list(request: HttpRequest, q: str = ""):
    """The register of officials (not returnees) and how many trainings each attended."""
    return [
        {
            "id": p.pk,
            "full_name": p.full_name,
            "institution_id": p.institution_id,
            "position": p.position,
            "department": p.department.code if p.department_id else None,
            "sex": p.sex,
            "trainings": p.trainings,
        }
        for p in participants_register(user=request.user, q=q[:100])[:1000]
    ]


@router.get("/figures", response=FiguresOut)
def figures(request: HttpRequest):
    """Outreach indicators: totals and officials trained by institution, position, department and sex."""
    return figures_for(user=request.user)
