"""The names of reception's audit rows: one member per action, its value the name stored in the log."""

import enum


class AuditAction(enum.StrEnum):
    FLIGHT_CREATE = "flight.create"
    FLIGHT_STATUS = "flight.status"
    MANIFEST_STAGE = "manifest.stage"
    MANIFEST_MAPPING = "manifest.mapping"
    MANIFEST_DISCARD = "manifest.discard"
    MANIFEST_COMMIT = "manifest.commit"
    ARRIVAL_CHECK_IN = "arrival.check_in"
    ARRIVAL_WALK_IN = "arrival.walk_in"
    ARRIVAL_NO_SHOW = "arrival.no_show"
    TRIAGE_RECORD = "triage.record"
    TRIAGE_PROTECTION_ACKNOWLEDGE = "triage.protection_acknowledge"
    SERVICE_RECORD = "service.record"
    TRANSPORT_BUDGET = "transport.budget"
    TRANSPORT_ASSESS = "transport.assess"
    TRANSPORT_ALLOCATE = "transport.allocate"
    TRANSPORT_OVERRIDE_REQUEST = "transport.override_request"
    TRANSPORT_OVERRIDE_DECIDE = "transport.override_decide"
    TRANSPORT_TICKET = "transport.ticket"
    WORK_ITEM = "reception.work_item"
    MIGRATION_HISTORY_RECORD = "migration_history.record"
    # Reads and exports.
    ARRIVAL_VIEW = "reception.arrival.view"
    MINORS_VIEW = "reception.minors.view"
    MIGRATION_HISTORY_VIEW = "reception.migration_history.view"
    MIGRATION_HISTORY_SEALED_VIEW = "reception.migration_history.sealed_view"
    WORK_VIEW = "reception.work.view"
    SUMMARY_PDF = "reception.summary.pdf"
    SUMMARY_CSV = "reception.summary.csv"
