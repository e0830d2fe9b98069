"""Fast desk pages for a full flight: the transport need of everyone as one table."""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from retorno.geo.models import Municipality
from retorno.reception import actions
from retorno.reception.queries import flight_get_for, transport_needs_table

CODE = re.compile(r"\[(\d{4})\]\s*$")


def municipality_label(municipality: Municipality | None) -> str:
    return f"{municipality.name}, {municipality.department.name} [{municipality.code}]" if municipality else ""


@require_http_methods(["GET", "POST"])
@login_required
def transport_needs(request: HttpRequest, flight_id: int) -> HttpResponse:
    """Everyone's transport need on one table: destination typed ahead (prefilled from the
    person's municipality), vulnerability prefilled from the triage flags; only changed rows are saved."""
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.transport")
    rows = transport_needs_table(flight)
    if request.method == "POST":
        by_code = {m.code: m for m in Municipality.objects.select_related("department")}
        errors, saved = [], 0
        with transaction.atomic():
            for row in rows:
                pk = row["arrival"].pk
                text = (request.POST.get(f"dest-{pk}") or "").strip()
                found = CODE.search(text)
                destination = by_code.get(found.group(1)) if found else None
                if text and destination is None:
                    errors.append(_("%(name)s: choose the destination from the list.") % {"name": row["name"]})
                    continue
                try:
                    vulnerability = int(request.POST.get(f"vul-{pk}") or 0)
                except ValueError:
                    vulnerability = -1
                wanted = {
                    "can_pay": bool(request.POST.get(f"pay-{pk}")),
                    "family_collecting": bool(request.POST.get(f"fam-{pk}")),
                    "destination": destination,
                    "vulnerability": vulnerability,
                }
                unchanged = all(row[k] == v for k, v in wanted.items())
                if unchanged and (row["stored"] is not None or not row["needs_transport"]):
                    continue  # nothing written: stored and unchanged, or no need recorded at triage
                try:
                    actions.need_assess(actor=request.user, arrival=row["arrival"], request=request, **wanted)
                    saved += 1
                except ValidationError as error:
                    errors.append(f"{row['name']}: {' '.join(error.messages)}")
        if errors:
            for error in errors:
                messages.error(request, error)
        messages.success(request, _("Transport need saved for %(n)s people.") % {"n": saved})
        if request.POST.get("then") == "allocate" and not errors:
            return redirect("reception:transport", flight_id=flight.pk)
        return redirect("reception:transport_needs", flight_id=flight.pk)
    municipalities = Municipality.objects.select_related("department").order_by("name")
    return render(
        request,
        "reception/transport_needs.html",
        {
            "flight": flight,
            "rows": [{**row, "dest_label": municipality_label(row["destination"])} for row in rows],
            "options": [municipality_label(m) for m in municipalities],
        },
    )
