"""Token authentication for the API."""

from datetime import datetime

from django.contrib.auth import authenticate
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from retorno.accounts.access import SECOND_FACTOR_ROLES, needs_second_factor
from retorno.accounts.actions import api_token_issue, api_token_revoke
from retorno.accounts.second_factor.actions import second_factor_verify
from retorno.accounts.second_factor.queries import is_enrolled
from retorno.lib.api import StrictSchema

router = Router(tags=["auth"])


class Credentials(StrictSchema):
    username: str = Field(..., min_length=1, max_length=150)
    password: str = Field(..., min_length=1, max_length=4096)
    otp_code: str | None = Field(
        None,
        max_length=16,
        description=(
            "Second factor: the 6 digits from the authenticator app, or a single-use recovery code. "
            "Required for the roles " + ", ".join(sorted(SECOND_FACTOR_ROLES)) + " (enrol first in the web app)."
        ),
    )


class SecondFactorError(Schema):
    detail: str
    errors: list[dict] = []


class TokenOut(Schema):
    token: str
    expires_at: datetime
    username: str
    role: str


class Me(Schema):
    username: str
    role: str
    organisation: str
    full_name: str


@router.post("/token", auth=None, response={200: TokenOut, 401: SecondFactorError, 403: dict, 429: dict})
def token_create(request: HttpRequest, credentials: Credentials):
    """Exchange a username and password for a bearer token (throttled like the login page).

    Roles that can open sealed data or approve money (protection, psychosocial, manager,
    administrator) also send ``otp_code``: without it, or with a wrong one, the answer is 401
    naming the field ``otp_code``; repeated wrong codes answer 429; a user who has not enrolled
    an authenticator in the web app yet gets 403.
    """
    user = authenticate(request, username=credentials.username, password=credentials.password)
    if getattr(request, "axes_locked_out", False):
        raise HttpError(429, _("Too many failed attempts. Try again later."))
    if user is None:
        raise HttpError(401, _("Wrong username or password."))
    if needs_second_factor(user):
        if not is_enrolled(user):
            raise HttpError(403, _("Set up the second factor in the web application first."))
        if not credentials.otp_code:
            message = _("Your role requires the code from your authenticator app.")
            return Status(401, {"detail": message, "errors": [{"field": "otp_code", "message": message}]})
        verified, throttled = second_factor_verify(actor=user, code=credentials.otp_code)
        if throttled:
            raise HttpError(429, _("Too many wrong codes. Wait a minute and try again."))
        if not verified:
            message = _("That code is not valid.")
            return Status(401, {"detail": message, "errors": [{"field": "otp_code", "message": message}]})
    token, raw = api_token_issue(actor=user, request=request)
    return TokenOut(token=raw, expires_at=token.expires_at, username=user.username, role=user.role)


@router.delete("/token", response={204: None})
def token_revoke(request: HttpRequest):
    """Revoke the token used for this request."""
    token = getattr(request, "api_token", None)
    if token is not None:
        api_token_revoke(actor=request.user, token=token, request=request)
    return Status(204, None)


@router.get("/me", response=Me)
def me(request: HttpRequest):
    """Who the caller is."""
    user = request.user
    return Me(
        username=user.username, role=user.role, organisation=user.organisation.name, full_name=user.get_full_name()
    )
