"""The donor report: for a donor and a period, activity paid for and spending by budget line."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from retorno.accounts.access import permission_required
from retorno.funding.models import CostKind
from retorno.funding.queries import donors_all, spending_by_kind, spending_by_line
from retorno.reports.catalogue import CATALOGUE
from retorno.reports.compute import compute
from retorno.reports.presentation import present
from retorno.reports.queries import sees_unsuppressed
from retorno.reports.views.common import period_from, period_label

ACTIVITY = (
    "reception.persons_received",
    "transport.people_sent_home",
    "reception.basic_services",
    "shelter.stays",
    "reintegration.documents_issued",
    "reintegration.trainings_completed",
    "reintegration.grants_approved",
)


@permission_required("funding.view")
def donor_report(request: HttpRequest) -> HttpResponse:
    start, end, errors = period_from(request)
    donors = list(donors_all())
    donor = next((d for d in donors if str(d.pk) == request.GET.get("donor")), donors[0] if donors else None)
    context = {"donors": donors, "donor": donor, "start": start, "end": end, "errors": errors}
    if donor is not None:
        lines = spending_by_line(donor=donor, start=start, end=end)
        kinds = spending_by_kind(donor=donor, start=start, end=end)
        labels = dict(CostKind.choices)
        protected = not sees_unsuppressed(request.user)
        context.update(
            period=period_label(start, end),
            lines=lines,
            budget_total=sum(r["line"].amount for r in lines),
            spent_total=sum(r["spent"] for r in lines),
            kinds=[{**k, "label": labels.get(k["kind"], k["kind"])} for k in kinds],
            activity=[
                present(compute(CATALOGUE[i], start=start, end=end), protected=protected)
                for i in ACTIVITY
                if i in CATALOGUE
            ],
        )
    return render(request, "reports/donor_report.html", context)
