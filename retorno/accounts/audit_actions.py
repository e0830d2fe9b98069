"""Every audit action name the accounts app writes (values are the names stored in the audit log)."""

import enum


class AuditAction(enum.StrEnum):
    API_TOKEN_CREATE = "api_token.create"  # noqa: S105 (an action name, not a secret)
    API_TOKEN_REVOKE = "api_token.revoke"  # noqa: S105
    USER_ACCESS_END = "user.access_end"
    SECOND_FACTOR_ENROL = "second_factor.enrol"
    SECOND_FACTOR_ENROL_FAILED = "second_factor.enrol_failed"
    SECOND_FACTOR_THROTTLED = "second_factor.throttled"
    SECOND_FACTOR_FAILED = "second_factor.failed"
    SECOND_FACTOR_RECOVERY_CODE_USED = "second_factor.recovery_code_used"
    SECOND_FACTOR_RECOVERY_CODES_RENEW = "second_factor.recovery_codes_renew"
    SECOND_FACTOR_RESET = "second_factor.reset"
