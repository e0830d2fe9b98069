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
    "GET /api/v1/reception/arrivals/{arrival_id}/migration-history": "reception.history_view",
    "GET /api/v1/reception/arrivals/{arrival_id}/migration-history/sealed": "reception.history_sealed_view",
    "POST /api/v1/protection/cases/{case_id}/break-glass": SEALED,
    "POST /api/v1/protection/cases/{case_id}/assignments": SEALED,
    "GET /api/v1/protection/cases/{case_id}/identifications/{identification_id}": SEALED,
    # A minor's family tracing, family assessment and follow-up visits: sealed like the rest of the case.
    "POST /api/v1/protection/cases/{case_id}/minor/tracing-requests": SEALED,
    "GET /api/v1/protection/cases/{case_id}/minor/tracing-requests/{request_id}": SEALED,
    "PUT /api/v1/protection/cases/{case_id}/minor/tracing-requests/{request_id}": SEALED,
    "POST /api/v1/protection/cases/{case_id}/minor/tracing-requests/{request_id}/status": SEALED,
    "POST /api/v1/protection/cases/{case_id}/minor/tracing-requests/{request_id}/steps": SEALED,
    "POST /api/v1/protection/cases/{case_id}/minor/family-assessments": SEALED,
    "POST /api/v1/protection/cases/{case_id}/minor/custody/{event_id}/assessment": SEALED,
    "POST /api/v1/protection/cases/{case_id}/minor/visits": SEALED,
    "POST /api/v1/protection/cases/{case_id}/minor/visits/{visit_id}/record": SEALED,
    # The officer's worklist of follow-up visits due (only their own assigned cases).
    "GET /api/v1/protection/visits-due": "protection.home",
    "GET /api/v1/protection/tracing-requests/to-complete": "protection.home",
    # Gateways call these without an account; the body's HMAC signature is checked instead.
    "POST /api/v1/messaging/callbacks/status": PUBLIC,
    "POST /api/v1/messaging/callbacks/inbound": PUBLIC,
    "GET /api/v1/reports/open/{year}": PUBLIC,
    # The matrix asks for the first queue (psychosocial); each queue belongs to its team.
    "GET /api/v1/reception/work-items": "reception.work_psychosocial",
    "POST /api/v1/reception/work-items/{item_id}/take": "reception.work_psychosocial",
    "GET /api/v1/reintegration/cases/{case_id}/migration-history": "reintegration.history_view",
    "GET /api/v1/reintegration/groups": "reintegration.view",
    "GET /api/v1/reintegration/groups/{group_id}": "reintegration.view",
    "POST /api/v1/reintegration/groups": "reintegration.edit",
    "POST /api/v1/reintegration/groups/{group_id}/sessions": "reintegration.edit",
    "GET /api/v1/reintegration/followups/{followup_id}/invitations": "reintegration.view",
    "POST /api/v1/reintegration/followups/{followup_id}/invitations": "reintegration.edit",
    "GET /api/v1/reintegration/field-forms/{kind}.xlsx": "reintegration.view",
    "POST /api/v1/reintegration/field-forms/submissions": "reintegration.edit",
    # Outreach: the object is fetched for readers; the action then asks for the right to change it.
    "GET /api/v1/outreach/agreements": "agreement.view",
    "GET /api/v1/outreach/agreements/{agreement_id}": "agreement.view",
    "POST /api/v1/outreach/agreements/{agreement_id}/status": ("agreement.manage", "agreement.approve"),
    "POST /api/v1/outreach/agreements/{agreement_id}/tranches": "agreement.manage",
    "POST /api/v1/outreach/agreements/{agreement_id}/tranches/{tranche_id}/pay": "agreement.manage",
    "POST /api/v1/outreach/agreements/{agreement_id}/targets": "agreement.manage",
    "POST /api/v1/outreach/agreements/{agreement_id}/targets/{target_id}/progress": "agreement.manage",
    "POST /api/v1/outreach/agreements/{agreement_id}/reports": "agreement.manage",
    "POST /api/v1/outreach/agreements/{agreement_id}/reports/{report_id}/received": "agreement.manage",
    "GET /api/v1/outreach/assessments": "agreement.view",
    "GET /api/v1/outreach/assessments/{assessment_id}": "agreement.view",
    "POST /api/v1/outreach/checklists": "outreach.manage",
    "POST /api/v1/outreach/plans/{plan_id}/actions": "outreach.manage",
    "POST /api/v1/outreach/plan-actions/{item_id}/status": "outreach.manage",
    "GET /api/v1/outreach/trainings/{training_id}/certificates.pdf": "outreach.manage",
    "POST /api/v1/outreach/trainings/{training_id}/scores": "outreach.manage",
    "POST /api/v1/outreach/trainings/{training_id}/sessions": "outreach.manage",
    "POST /api/v1/outreach/trainings/{training_id}/sessions/{session_id}/attendance": "outreach.manage",
    "POST /api/v1/outreach/trainings/{training_id}/status": "outreach.manage",
    "POST /api/v1/outreach/campaigns/{campaign_id}/activities": "outreach.manage",
    "POST /api/v1/outreach/dialogue/{event_id}/follow-ups": "outreach.manage",
    "POST /api/v1/outreach/dialogue/{event_id}/participants": "outreach.manage",
    "POST /api/v1/outreach/follow-ups/{follow_up_id}/status": "outreach.manage",
    "POST /api/v1/outreach/networks/{network_id}/agreements": "outreach.manage",
    "POST /api/v1/outreach/networks/{network_id}/meetings": "outreach.manage",
    "POST /api/v1/outreach/networks/{network_id}/members": "outreach.manage",
    "POST /api/v1/outreach/network-agreements/{agreement_id}/status": "outreach.manage",
    "POST /api/v1/outreach/institutions/{organisation_id}/contacts": "institution.manage",
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
    # The migration history: its query names the permission, the view checks who may also record.
    "reception:history": "reception.history_view",
    "reception:history_sealed": "reception.history_sealed_view",
    "reception:override": "reception.transport",  # the message says whether a manager approved it at once
    "reception:transport": "reception.transport",
    "reception:walk_in": "reception.checkin",
    "reception:work": "reception.work_home",
    "reception:work_take": "reception.work_psychosocial",
    "protection:identification_review": SEALED,
    "reintegration:self_report": PUBLIC,
    "reports:open_data": PUBLIC,
    "reports:open_data_csv": PUBLIC,
    "favicon": PUBLIC,
}

# Which model a path parameter names, when the matrix cannot tell from the parameter's name
# ("<api app or URL namespace> <parameter>": "app_label.Model"); "=text": that literal value;
# None: not a row (a token: the matrix sends one that does not exist).
PATH_PARAMETERS: dict[str, str | None] = {
    "referrals token": None,
    "protection case_id": "protection.ProtectionCase",
    "protection referral_id": "protection.ProtectionReferral",
    "protection request_id": "protection.TracingRequest",
    "protection visit_id": "protection.ReunificationVisit",
    "protection event_id": "protection.CustodyEvent",
    "protection fmt": "=json",
    "protection section": "=overview",
    "protection what": "=status",
    "outreach agreement_id": "outreach.PartnerAgreement",
    "outreach item_id": "outreach.StrengtheningAction",
    "reintegration kind": "=followup",
    "reports pk": "reports.ReportDefinition",
    "reports fmt": "=csv",
    "reports year": "=2026",
    "reintegration token": None,
}
