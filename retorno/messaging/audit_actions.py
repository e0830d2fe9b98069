"""Every audit action name the messaging app writes (values are the names stored in the audit log)."""

import enum


class AuditAction(enum.StrEnum):
    MESSAGE_QUEUE = "message.queue"
    MESSAGE_FAILED = "message.failed"
    MESSAGE_REPORT = "message.report"
    MESSAGE_REPORT_UNKNOWN = "message.report.unknown"
    MESSAGE_OPT_OUT = "message.opt_out"
