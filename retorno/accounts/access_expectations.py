"""What each role may expect from every API operation and page: the declarations that the
role × operation matrix (``retorno/tests_api/test_access_matrix.py``) checks, beside the
permission table in ``access.py``.

Most operations and pages declare themselves: the matrix reads the one permission a view asks
for (``@permission_required("x")``, ``require(request.user, "x")``, ``permission="x"``) and
expects every role holding it to get through (any answer but 401/403/5xx; 404 when the row is
not theirs) and every other role to be refused (403 or 404), anonymous callers 401 (API) or
the sign-in page (pages). Declare an operation or page here only when its code names no
permission, or several: the value is a permission name, a tuple of them (any
of them lets through), ``PUBLIC``, ``SIGNED_IN``, ``SEALED`` or the set of roles that get through. A new role is added to ``PERMISSIONS`` in ``access.py``; the
matrix then covers it with no change here.
"""

from retorno.accounts.models import User

R = User.Role

PUBLIC = "public"  # anyone, signed in or not (the answer may still be 404/410 for a bad token)
SIGNED_IN = "signed-in"  # any signed-in user; what each one sees is narrowed by the queries
# The sealed compartment: decided case by case (assignment, supervision, break-the-glass), so
# only roles that can ever hold a protection case may get through; every other role gets 403,
# 404 or an empty list.
SEALED = "sealed"
SEALED_ROLES = frozenset({R.PROTECTION, R.PSYCHOSOCIAL, R.MANAGER})

# "METHOD /api/v1/<path as in the OpenAPI document>"
API: dict[str, str | tuple[str, ...] | frozenset[str]] = {
    "POST /api/v1/auth/token": PUBLIC,
    "DELETE /api/v1/auth/token": SIGNED_IN,
    "GET /api/v1/auth/me": SIGNED_IN,
    "GET /api/v1/referrals/links/{token}": PUBLIC,
    "POST /api/v1/referrals/links/{token}/answer": PUBLIC,
    "GET /api/v1/protection/export/htcds": "protection.export_htcds",
    "POST /api/v1/reception/flights/{flight_id}/walk-ins": "reception.checkin",
    "POST /api/v1/protection/cases/{case_id}/break-glass": SEALED,
    "POST /api/v1/protection/cases/{case_id}/assignments": SEALED,
}

# Every operation under a path prefix, when its own code names no permission.
PREFIXES: dict[str, str | tuple[str, ...] | frozenset[str]] = {
    "/api/v1/protection/cases": SEALED,
}

# URL names ("namespace:name"); the Django admin is crawled by its own test.
PAGES: dict[str, str | tuple[str, ...] | frozenset[str]] = {
    "home": SIGNED_IN,
    "login": PUBLIC,
    "password_change": SIGNED_IN,
    "second_factor_verify": SIGNED_IN,
    "second_factor_setup": SIGNED_IN,
    "second_factor_manage": SIGNED_IN,
    "second_factor_renew_codes": SIGNED_IN,
    "second_factor_replace": SIGNED_IN,
    "referrals:link": PUBLIC,
    "protection:case": SEALED,
    "protection:case_section": SEALED,
    "protection:case_open": SEALED,
    "protection:case_assign": SEALED,
    "protection:case_write": SEALED,
    "protection:notifications": SIGNED_IN,
    "reception:arrival": "reception.flight_view",
    "reception:flight": "reception.flight_view",
    "reception:flights": ("reception.flight_view", "reception.minors_view"),
    "reception:minors": "reception.minors_view",
    "reception:transport": "reception.transport",
    "reception:walk_in": "reception.checkin",
}

# Which model a path parameter names, when the matrix cannot tell from the parameter's name
# ("<api app or URL namespace> <parameter>": "app_label.Model"); "=text": that literal value;
# None: not a row (a token: the matrix sends one that does not exist).
PATH_PARAMETERS: dict[str, str | None] = {
    "referrals token": None,
    "protection case_id": "protection.ProtectionCase",
    "protection referral_id": "protection.ProtectionReferral",
    "protection fmt": "=json",
    "protection section": "=overview",
    "protection what": "=status",
}
