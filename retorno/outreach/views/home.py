"""The outreach home page and the figures page."""

import datetime

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from retorno.accounts.access import can, permission_required
from retorno.outreach.models import CapacityChecklist
from retorno.outreach.queries import agreements_due, figures_for, outreach_totals


@permission_required("outreach.view")
def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "outreach/home.html",
        {
            "totals": outreach_totals(),
            "due": agreements_due(user=request.user)[:10],
            "checklists": CapacityChecklist.objects.filter(is_active=True),
            "can_manage": can(request.user, "outreach.manage"),
        },
    )


def _date(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


@permission_required("outreach.figures")
def figures(request: HttpRequest) -> HttpResponse:
    start, end = _date(request.GET.get("start")), _date(request.GET.get("end"))
    return render(
        request,
        "outreach/figures.html",
        {"figures": figures_for(user=request.user, start=start, end=end), "start": start, "end": end},
    )
