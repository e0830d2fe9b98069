"""Trainings of officials: plan, sessions, enrolment, attendance, scores, status, certificates."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from retorno.accounts.access import can, permission_required
from retorno.outreach import actions
from retorno.outreach.forms import ParticipantForm, SessionForm, StatusForm, TrainingForm
from retorno.outreach.queries import (
    attendance_by_session,
    participants_register,
    training_get_for,
    training_roster,
    trainings_visible_to,
)
from retorno.outreach.views.common import form_page, post_back


@permission_required("outreach.view")
def training_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "outreach/trainings.html",
        {"trainings": trainings_visible_to(request.user), "can_manage": can(request.user, "outreach.manage")},
    )


@require_http_methods(["GET", "POST"])
@permission_required("outreach.manage")
def training_new(request: HttpRequest) -> HttpResponse:
    form = TrainingForm(request.POST or None)
    return form_page(
        request,
        form=form,
        title=_("Plan a training"),
        run=lambda d: actions.training_create(actor=request.user, request=request, **d),
        done=lambda t: reverse("outreach:training", args=[t.pk]),
        cancel_url=reverse("outreach:trainings"),
        done_message=_("Training planned."),
    )


@permission_required("outreach.view")
def training_detail(request: HttpRequest, training_id: int) -> HttpResponse:
    training = training_get_for(user=request.user, training_id=training_id)
    sessions = list(training.sessions.all())
    present = attendance_by_session(training)
    roster = training_roster(training)
    for row in roster:
        row["present"] = [row["enrolment"].pk in present[s.pk] for s in sessions]
    return render(
        request,
        "outreach/training_detail.html",
        {
            "training": training,
            "sessions": sessions,
            "roster": roster,
            "attendance_sheets": [
                {"session": s, "rows": [(r["enrolment"], r["enrolment"].pk in present[s.pk]) for r in roster]}
                for s in sessions
            ],
            "status_url": reverse("outreach:training_status", args=[training.pk]),
            "certified": sum(1 for r in roster if r["certified"]),
            "history": training.status_changes.select_related("actor"),
            "session_form": SessionForm(),
            "participant_form": ParticipantForm(),
            "can_manage": can(request.user, "outreach.manage"),
            "is_open": training.status in ("planned", "held"),
        },
    )


def _back(training) -> str:
    return reverse("outreach:training", args=[training.pk])


@require_POST
@permission_required("outreach.manage")
def session_add(request: HttpRequest, training_id: int) -> HttpResponse:
    training = training_get_for(user=request.user, training_id=training_id)
    return post_back(
        request,
        form=SessionForm(request.POST),
        run=lambda d: actions.training_session_add(actor=request.user, training=training, request=request, **d),
        back=_back(training),
        done_message=_("Session added."),
    )


@require_POST
@permission_required("outreach.manage")
def enrol(request: HttpRequest, training_id: int) -> HttpResponse:
    training = training_get_for(user=request.user, training_id=training_id)

    def run(data):
        participant, _new = actions.participant_find_or_create(actor=request.user, request=request, **data)
        return actions.training_enrol(actor=request.user, training=training, participant=participant, request=request)

    return post_back(
        request,
        form=ParticipantForm(request.POST),
        run=run,
        back=_back(training),
        done_message=_("Participant enrolled."),
    )


@require_POST
@permission_required("outreach.manage")
def attendance(request: HttpRequest, training_id: int, session_id: int) -> HttpResponse:
    training = training_get_for(user=request.user, training_id=training_id)
    session = get_object_or_404(training.sessions, pk=session_id)
    ids = {int(v) for v in request.POST.getlist("present") if v.isdigit()}
    try:
        n = actions.training_attendance_record(
            actor=request.user, session=session, present_enrolment_ids=ids, request=request
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, ngettext("Attendance saved: %(n)s present.", "Attendance saved: %(n)s present.", n) % {"n": n}
        )
    return redirect(_back(training))


def _score(value: str) -> int | None:
    value = (value or "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise ValidationError(_("Scores are whole numbers from 0 to 100."))
    return int(value)


@require_POST
@permission_required("outreach.manage")
def scores(request: HttpRequest, training_id: int) -> HttpResponse:
    training = training_get_for(user=request.user, training_id=training_id)
    try:
        table = {
            e.pk: (_score(request.POST.get(f"pre_{e.pk}")), _score(request.POST.get(f"post_{e.pk}")))
            for e in training.enrolments.all()
        }
        actions.training_scores_record(actor=request.user, training=training, scores=table, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Scores saved."))
    return redirect(_back(training))


@require_POST
@permission_required("outreach.manage")
def training_status(request: HttpRequest, training_id: int) -> HttpResponse:
    training = training_get_for(user=request.user, training_id=training_id)
    return post_back(
        request,
        form=StatusForm(request.POST),
        run=lambda d: actions.training_set_status(actor=request.user, training=training, request=request, **d),
        back=_back(training),
        done_message=_("Status changed."),
    )


@permission_required("outreach.manage")
def certificates(request: HttpRequest, training_id: int) -> HttpResponse:
    training = training_get_for(user=request.user, training_id=training_id)
    try:
        pdf = actions.certificates_issue(actor=request.user, training=training, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_back(training))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="certificados-{training.pk}.pdf"'
    return response


@permission_required("outreach.view")
def participant_list(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:100]
    rows = participants_register(user=request.user, q=q)[:500]
    return render(request, "outreach/participants.html", {"participants": rows, "q": q})
