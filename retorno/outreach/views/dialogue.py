"""Policy dialogue: events, participating institutions, follow-up actions."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from retorno.accounts.access import can, permission_required
from retorno.outreach import actions
from retorno.outreach.forms import DialogueForm, DialogueParticipantForm, FollowUpForm, StatusForm
from retorno.outreach.models import DialogueFollowUp
from retorno.outreach.queries import dialogue_visible_to
from retorno.outreach.views.common import form_page, post_back


@permission_required("outreach.view")
def dialogue_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "outreach/dialogue.html",
        {"events": dialogue_visible_to(request.user), "can_manage": can(request.user, "outreach.manage")},
    )


@require_http_methods(["GET", "POST"])
@permission_required("outreach.manage")
def dialogue_new(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        form=DialogueForm(request.POST or None),
        title=_("Record a dialogue event"),
        run=lambda d: actions.dialogue_create(actor=request.user, request=request, **d),
        done=lambda e: reverse("outreach:dialogue_event", args=[e.pk]),
        cancel_url=reverse("outreach:dialogue"),
    )


@permission_required("outreach.view")
def dialogue_detail(request: HttpRequest, event_id: int) -> HttpResponse:
    event = get_object_or_404(dialogue_visible_to(request.user), pk=event_id)
    return render(
        request,
        "outreach/dialogue_detail.html",
        {
            "event": event,
            "participants": event.participants.select_related("organisation"),
            "follow_ups": event.follow_ups.select_related("owner"),
            "participant_form": DialogueParticipantForm(),
            "follow_up_form": FollowUpForm(),
            "can_manage": can(request.user, "outreach.manage"),
        },
    )


@require_POST
@permission_required("outreach.manage")
def participant_add(request: HttpRequest, event_id: int) -> HttpResponse:
    event = get_object_or_404(dialogue_visible_to(request.user), pk=event_id)
    return post_back(
        request,
        form=DialogueParticipantForm(request.POST),
        run=lambda d: actions.dialogue_participant_add(actor=request.user, event=event, request=request, **d),
        back=reverse("outreach:dialogue_event", args=[event.pk]),
    )


@require_POST
@permission_required("outreach.manage")
def follow_up_add(request: HttpRequest, event_id: int) -> HttpResponse:
    event = get_object_or_404(dialogue_visible_to(request.user), pk=event_id)
    return post_back(
        request,
        form=FollowUpForm(request.POST),
        run=lambda d: actions.dialogue_follow_up_add(actor=request.user, event=event, request=request, **d),
        back=reverse("outreach:dialogue_event", args=[event.pk]),
    )


@require_POST
@permission_required("outreach.manage")
def follow_up_status(request: HttpRequest, follow_up_id: int) -> HttpResponse:
    follow_up = get_object_or_404(DialogueFollowUp, pk=follow_up_id)
    return post_back(
        request,
        form=StatusForm(request.POST),
        run=lambda d: actions.dialogue_follow_up_set_status(
            actor=request.user, follow_up=follow_up, request=request, **d
        ),
        back=reverse("outreach:dialogue_event", args=[follow_up.event_id]),
        done_message=_("Status changed."),
    )
