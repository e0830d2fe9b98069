"""The queues of work that reception's triage handed to other teams."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from retorno.lib.views import post_back
from retorno.reception import actions, forms
from retorno.reception.models import WorkItem
from retorno.reception.queries import work_item_get_for, work_queues_for


@login_required
def work(request: HttpRequest) -> HttpResponse:
    """Every queue the user's team may see, with the people waiting in it (a health item is taken
    by choosing the facility it is referred to)."""
    queues = work_queues_for(user=request.user, request=request)
    facilities = list(forms.WorkTakeForm().fields["facility"].choices)[1:]  # without the empty choice
    return render(request, "reception/work.html", {"queues": queues, "facilities": facilities})


@require_POST
@login_required
def work_take(request: HttpRequest, item_id: int) -> HttpResponse:
    """Take the item; its work opens: the health referral's page, or the profile with the DPI draft."""
    item = work_item_get_for(user=request.user, item_id=item_id)
    taken: list[WorkItem] = []
    response = post_back(
        request,
        form=forms.WorkTakeForm(request.POST),
        run=lambda data: taken.append(
            actions.work_item_take(actor=request.user, item=item, facility=data["facility"], request=request)
        ),
        back=reverse("reception:work"),
        done_message=_("Taken: it is yours now."),
    )
    if taken and taken[0].referral_id:
        return redirect("referrals:detail", taken[0].referral_id)
    if taken and taken[0].document_request_id:
        return redirect("people:detail", taken[0].person_id)
    return response
