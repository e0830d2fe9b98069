"""Reception pages, split by subject; urls.py imports them from here."""

from retorno.reception.views.arrivals import arrival, assessment, service, triage
from retorno.reception.views.checkin import arrival_check_in, arrival_no_show, checkin, walk_in
from retorno.reception.views.desk import transport_needs
from retorno.reception.views.flights import (
    flight,
    flight_close,
    flight_counts_partial,
    flight_create,
    flight_status,
    flights,
)
from retorno.reception.views.history import migration_history, migration_history_sealed
from retorno.reception.views.manifests import manifest_commit, manifest_discard, manifest_preview, manifest_upload
from retorno.reception.views.summaries import acknowledge, minors, summary, summary_csv, summary_pdf
from retorno.reception.views.transport import (
    allocate,
    budget,
    override,
    override_decide,
    ticket,
    tickets_bulk,
    transport,
)
from retorno.reception.views.work import work, work_take

__all__ = [
    "acknowledge",
    "allocate",
    "arrival",
    "arrival_check_in",
    "arrival_no_show",
    "assessment",
    "budget",
    "checkin",
    "flight",
    "flight_close",
    "flight_counts_partial",
    "flight_create",
    "flight_status",
    "flights",
    "manifest_commit",
    "manifest_discard",
    "manifest_preview",
    "manifest_upload",
    "migration_history",
    "migration_history_sealed",
    "minors",
    "override",
    "override_decide",
    "service",
    "summary",
    "summary_csv",
    "summary_pdf",
    "ticket",
    "tickets_bulk",
    "transport",
    "transport_needs",
    "triage",
    "walk_in",
    "work",
    "work_take",
]
