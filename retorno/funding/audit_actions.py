"""Every audit action name the funding app writes (values are the names stored in the audit log)."""

import enum


class AuditAction(enum.StrEnum):
    DONOR_CREATE = "donor.create"
    BUDGET_LINE_CREATE = "budget_line.create"
    BUDGET_LINE_CHANGE = "budget_line.change"
    BUDGET_LINE_OVERRIDE = "budget_line.override"
    EXCHANGE_RATE_SET = "exchange_rate.set"
    STANDARD_COST_SET = "standard_cost.set"
    LEDGER_ENTRY_RECORD = "ledger_entry.record"
