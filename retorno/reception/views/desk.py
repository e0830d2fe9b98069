"""Fast desk pages for a full flight: the transport need of everyone as one table."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from retorno.reception import actions
from retorno.reception.queries import destination_options, flight_get_for, municipality_label, transport_needs_table


def _vulnerability(text: str | None) -> int:
    try:
        return int(text or 0)
    except ValueError:
        return -1  # refused by the assessment's own validation, with its message


@require_http_methods(["GET", "POST"])
@login_required
def transport_needs(request: HttpRequest, flight_id: int) -> HttpResponse:
    """Everyone's transport need on one table: destination typed ahead (prefilled from the
    person's municipality), vulnerability prefilled from the triage flags; only changed rows are saved."""
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.transport")
    rows = transport_needs_table(flight)
    if request.method == "POST":
        typed = {
            pk: {
                "destination": request.POST.get(f"dest-{pk}") or "",
                "can_pay": bool(request.POST.get(f"pay-{pk}")),
                "family_collecting": bool(request.POST.get(f"fam-{pk}")),
                "vulnerability": _vulnerability(request.POST.get(f"vul-{pk}")),
            }
            for pk in (row["arrival"].pk for row in rows)
        }
        saved, problems = actions.transport_needs_save(actor=request.user, rows=rows, typed=typed, request=request)
        for problem in problems:
            messages.error(request, problem)
        messages.success(request, _("Transport need saved for %(n)s people.") % {"n": saved})
        if request.POST.get("then") == "allocate" and not problems:
            return redirect("reception:transport", flight_id=flight.pk)
        return redirect("reception:transport_needs", flight_id=flight.pk)
    return render(
        request,
        "reception/transport_needs.html",
        {
            "flight": flight,
            "rows": [{**row, "dest_label": municipality_label(row["destination"])} for row in rows],
            "options": destination_options(),
        },
    )
