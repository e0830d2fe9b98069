"""Every write of the reception app: atomic, validated with full_clean(), audited."""

from retorno.reception.actions.arrivals import (
    arrival_check_in,
    arrival_mark_no_show,
    protection_acknowledge,
    service_record,
    triage_record,
    walk_in_register,
)
from retorno.reception.actions.flights import flight_close, flight_create, flight_set_status
from retorno.reception.actions.history import migration_history_record
from retorno.reception.actions.manifests import (
    manifest_commit,
    manifest_discard,
    manifest_reread,
    manifest_set_mapping,
    manifest_stage,
)
from retorno.reception.actions.transport import (
    allocation_run,
    budget_set,
    need_assess,
    override_decide,
    override_request,
    ticket_issue,
    tickets_issue_allocated,
    transport_needs_save,
)
from retorno.reception.actions.work import work_item_take, work_items_sync

__all__ = [
    "allocation_run",
    "arrival_check_in",
    "arrival_mark_no_show",
    "budget_set",
    "flight_close",
    "flight_create",
    "flight_set_status",
    "manifest_commit",
    "migration_history_record",
    "manifest_discard",
    "manifest_reread",
    "manifest_set_mapping",
    "manifest_stage",
    "need_assess",
    "override_decide",
    "override_request",
    "protection_acknowledge",
    "service_record",
    "ticket_issue",
    "tickets_issue_allocated",
    "transport_needs_save",
    "triage_record",
    "walk_in_register",
    "work_item_take",
    "work_items_sync",
]
