"""Writes about accounts: API tokens (issued and revoked) and ending a user's access, each audited."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from retorno.accounts.audit_actions import AuditAction
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
        credential_stamp=ApiToken.stamp_for(actor),
        expires_at=timezone.now() + timedelta(hours=settings.API_TOKEN_HOURS),
    )
    audit_event(
        actor=actor, kind=AuditEvent.Kind.SECURITY, action=AuditAction.API_TOKEN_CREATE, obj=token, request=request
    )
    return token, raw


@transaction.atomic
def api_token_revoke(*, actor: User, token: ApiToken, request: HttpRequest | None = None) -> None:
    """Revoke a token at once; later requests with it answer 401."""
    ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
    audit_event(
        actor=actor, kind=AuditEvent.Kind.SECURITY, action=AuditAction.API_TOKEN_REVOKE, obj=token, request=request
    )


@transaction.atomic
def user_access_end(
    *, actor: User, user: User, reason: str, keep_session_key: str | None = None, request: HttpRequest | None = None
) -> int:
    """End at once every API token and browser session of ``user`` (a password change, a deactivation).

    ``keep_session_key`` spares the session that changed its own password. Returns how many
    tokens and sessions ended.
    """
    from django.contrib.auth import SESSION_KEY
    from django.contrib.sessions.models import Session

    now = timezone.now()
    tokens = ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=now)
    ended = []
    for session in Session.objects.filter(expire_date__gt=now).exclude(session_key=keep_session_key or ""):
        if str(session.get_decoded().get(SESSION_KEY)) == str(user.pk):
            ended.append(session.session_key)
    Session.objects.filter(session_key__in=ended).delete()
    audit_event(
        actor=actor,
        kind=AuditEvent.Kind.SECURITY,
        action=AuditAction.USER_ACCESS_END,
        obj=user,
        reason=reason,
        request=request,
        detail={"tokens": tokens, "sessions": len(ended)},
    )
    return tokens + len(ended)
