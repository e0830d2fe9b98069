"""Every audit action name the reports app writes (values are the names stored in the audit log)."""

import enum


class AuditAction(enum.StrEnum):
    REPORT_EXPORT = "report.export"
    REPORT_DEFINITION_SAVE = "report_definition.save"
    REPORT_DEFINITION_DELETE = "report_definition.delete"
    TRAFFICKING_STATISTICS = "trafficking.statistics"
