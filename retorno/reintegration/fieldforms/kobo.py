"""Pulling submissions from KoboToolbox's API when it is configured (KOBO_URL, KOBO_TOKEN,
KOBO_FOLLOWUP_ASSET); otherwise staff upload Kobo's CSV or JSON export."""

import json
import urllib.request

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils.translation import gettext as _

from retorno.accounts.models import User
from retorno.reintegration.fieldforms.submissions import ImportReport, _plain, field_submissions_import

MAX_PAGES = 50


def kobo_configured() -> bool:
    """Kobo's API is set up: an http(s) address (never file: or another scheme), a token, a form."""
    return bool(
        settings.KOBO_URL.startswith(("https://", "http://")) and settings.KOBO_TOKEN and settings.KOBO_FOLLOWUP_ASSET
    )


def kobo_fetch() -> list[dict]:
    """Every submission of the follow-up form, following the API's pages."""
    if not kobo_configured():
        raise ImproperlyConfigured("KOBO_URL, KOBO_TOKEN and KOBO_FOLLOWUP_ASSET must be set.")
    url = f"{settings.KOBO_URL.rstrip('/')}/api/v2/assets/{settings.KOBO_FOLLOWUP_ASSET}/data/?format=json"
    records: list[dict] = []
    for _page in range(MAX_PAGES):
        request = urllib.request.Request(url, headers={"Authorization": f"Token {settings.KOBO_TOKEN}"})  # noqa: S310
        try:
            # nosec B310 - the configured Kobo server: http(s) only, checked by kobo_configured()
            with urllib.request.urlopen(request, timeout=30) as answer:  # noqa: S310 # nosec B310
                page = json.loads(answer.read())
        except (OSError, ValueError) as error:
            raise ValidationError(
                _("KoboToolbox could not be read: %(error)s") % {"error": type(error).__name__}
            ) from None
        records += [_plain(r) for r in page.get("results", [])]
        url = page.get("next")
        if not url or not str(url).startswith(settings.KOBO_URL.rstrip("/")):
            break  # only pages of the configured server are followed
    return records


def kobo_pull(*, actor: User) -> ImportReport:
    return field_submissions_import(actor=actor, records=kobo_fetch(), source="kobo")
