"""Writes about accounts: API tokens (issued and revoked, each audited)."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from retorno.accounts.models import ApiToken, User
from retorno.audit.actions import audit_event
from retorno.audit.models import AuditEvent


@transaction.atomic
def api_token_issue(*, actor: User, request: HttpRequest | None = None) -> tuple[ApiToken, str]:
    """Issue a bearer token for ``actor``; returns the row and the raw token (shown once, stored hashed)."""
    raw = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=actor,
        digest=ApiToken.digest_of(raw),
        expires_at=timezone.now() + timedelta(hours=settings.API_TOKEN_HOURS),
    )
    audit_event(actor=actor, kind=AuditEvent.Kind.SECURITY, action="api_token.create", obj=token, request=request)
    return token, raw


@transaction.atomic
def api_token_revoke(*, actor: User, token: ApiToken, request: HttpRequest | None = None) -> None:
    """Revoke a token at once; later requests with it answer 401."""
    ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
    audit_event(actor=actor, kind=AuditEvent.Kind.SECURITY, action="api_token.revoke", obj=token, request=request)
