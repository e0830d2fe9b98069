"""Who is calling: the REST API's authentication (tokens and the browser's session) and the
answer to a locked-out sign-in. In accounts, not lib: they read accounts' tokens and second factor."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from ninja.security import HttpBearer, SessionAuth

from retorno.accounts.models import ApiToken
from retorno.accounts.second_factor.queries import second_factor_missing


class TokenAuth(HttpBearer):
    """``Authorization: Bearer <token>`` from ``POST /api/v1/auth/token``."""

    def authenticate(self, request: HttpRequest, token: str):
        token_row = (
            ApiToken.objects.select_related("user")
            .filter(digest=ApiToken.digest_of(token), revoked_at__isnull=True, expires_at__gt=timezone.now())
            .first()
        )
        if token_row is None or not token_row.user.is_active:
            return None
        if not constant_time_compare(token_row.credential_stamp, ApiToken.stamp_for(token_row.user)):
            return None  # the password changed since the token was issued
        request.user = token_row.user
        request.api_token = token_row
        return token_row.user


class StaffSession(SessionAuth):
    """The browser's session, for HTMX pages calling the API (CSRF still required).

    A session that still owes its second factor does not count as signed in.
    """

    def authenticate(self, request: HttpRequest, key):
        user = super().authenticate(request, key)
        if user is not None and second_factor_missing(request):
            return None
        return user


def api_auth() -> list:
    return [TokenAuth(), StaffSession()]


def lockout_response(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """django-axes' answer to a locked-out sign-in: JSON on the API, as documented; the page elsewhere."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": _("Too many failed attempts. Try again later.")}, status=429)
    return render(request, "accounts/locked_out.html", status=429)
