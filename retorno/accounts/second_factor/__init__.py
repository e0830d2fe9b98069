"""The second factor (TOTP with recovery codes, through django-otp).

Roles that can open sealed data or approve money (``access.SECOND_FACTOR_ROLES``) must prove
a second factor before any page, the Django admin or a session-authenticated API call; the
token endpoint asks for the code too. ``queries`` reads, ``actions`` writes (audited),
``middleware`` enforces, ``views`` enrol and verify.
"""
