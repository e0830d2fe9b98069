"""Token authentication for the API."""

from datetime import datetime

from django.contrib.auth import authenticate
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError

from retorno.accounts.actions import api_token_issue, api_token_revoke
from retorno.lib.api import StrictSchema

router = Router(tags=["auth"])


class Credentials(StrictSchema):
    username: str
    password: str


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


@router.post("/token", auth=None, response={200: TokenOut, 401: dict, 429: dict})
def token_create(request: HttpRequest, credentials: Credentials):
    """Exchange a username and password for a bearer token (throttled like the login page)."""
    user = authenticate(request, username=credentials.username, password=credentials.password)
    if getattr(request, "axes_locked_out", False):
        raise HttpError(429, _("Too many failed attempts. Try again later."))
    if user is None:
        raise HttpError(401, _("Wrong username or password."))
    token, raw = api_token_issue(actor=user, request=request)
    return TokenOut(token=raw, expires_at=token.expires_at, username=user.username, role=user.role)


@router.delete("/token", response={204: None})
def token_revoke(request: HttpRequest):
    """Revoke the token used for this request."""
    token = getattr(request, "api_token", None)
    if token is not None:
        api_token_revoke(actor=request.user, token=token, request=request)
    return 204, None


@router.get("/me", response=Me)
def me(request: HttpRequest):
    """Who the caller is."""
    user = request.user
    return Me(
        username=user.username, role=user.role, organisation=user.organisation.name, full_name=user.get_full_name()
    )
