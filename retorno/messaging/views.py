"""The outbox (managers) and recording an opt-out on a person's behalf (staff)."""

from django.contrib import messages as flash
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from retorno.accounts.access import can, permission_required
from retorno.messaging.actions import contact_opt_out
from retorno.messaging.forms import OptOutForm
from retorno.messaging.models import ContactOptOut, OutboundMessage
from retorno.messaging.queries import message_counts, messages_visible_to


@permission_required("message.view")
def outbox(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    page = Paginator(messages_visible_to(user=request.user, status=status), 50).get_page(request.GET.get("page"))
    labels = dict(OutboundMessage.Status.choices)
    counts = [(s, labels[s], n) for s, n in message_counts(user=request.user).items()]
    context = {"page": page, "status": status, "counts": counts, "can_opt_out": can(request.user, "message.opt_out")}
    return render(request, "messaging/outbox.html", context)


@require_http_methods(["GET", "POST"])
@permission_required("message.opt_out")
def opt_out(request: HttpRequest) -> HttpResponse:
    form = OptOutForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            _opt_out, cancelled = contact_opt_out(
                address=form.cleaned_data["address"],
                source=ContactOptOut.Source.STAFF,
                actor=request.user,
                request=request,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            flash.success(
                request, _("Recorded: no more messages to that address (%(n)s queued cancelled).") % {"n": cancelled}
            )
            return redirect("messaging:opt_out")
    return render(request, "messaging/opt_out.html", {"form": form})
