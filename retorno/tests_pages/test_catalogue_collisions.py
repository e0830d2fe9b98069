"""Django merges every catalogue into one: a msgid means one thing on every page.

For a msgid (in the same context) the project catalogue (LOCALE_PATHS) wins, then the app listed
first in INSTALLED_APPS. Where two catalogues translate it differently, the later app's pages show
the earlier app's word ("Hasta" for a message's recipient, "Abrir" for an open status). Such a
usage needs a translation context of its own, or the same word as the winner.
"""

import collections
import gettext
from pathlib import Path

from django.apps import apps
from django.conf import settings


def _catalogues() -> list[tuple[str, Path]]:
    """Every Spanish catalogue, in the order Django lets them win."""
    found = [("project", Path(path) / "es" / "LC_MESSAGES" / "django.mo") for path in settings.LOCALE_PATHS]
    for config in apps.get_app_configs():
        if config.name.startswith("retorno."):
            found.append((config.label, Path(config.path) / "locale" / "es" / "LC_MESSAGES" / "django.mo"))
    return [(name, mo) for name, mo in found if mo.exists()]


def _messages(mo_path: Path) -> dict[tuple[str | None, str], str]:
    """The compiled catalogue Django reads at run time: (context, msgid) -> msgstr, plurals left out."""
    with mo_path.open("rb") as fp:
        catalog = gettext.GNUTranslations(fp)._catalog
    messages = {}
    for key, text in catalog.items():
        if isinstance(key, tuple) or not key or not text:  # plural forms; the header
            continue
        context, _sep, msgid = key.rpartition("\x04")
        messages[(context or None, msgid)] = text
    return messages


def test_no_msgid_is_translated_differently_by_two_catalogues():
    translations = collections.defaultdict(dict)
    for name, mo_path in _catalogues():
        for key, text in _messages(mo_path).items():
            translations[key][name] = text
    collisions = []
    for (context, msgid), by_catalogue in sorted(translations.items(), key=lambda item: (item[0][1], item[0][0] or "")):
        if len(set(by_catalogue.values())) > 1:
            shown = ", ".join(f"{name}: {text!r}" for name, text in by_catalogue.items())
            collisions.append(f"{msgid!r} (context {context!r}) → {shown}")
    assert not collisions, f"{len(collisions)} msgids translated differently:\n" + "\n".join(collisions)


def test_words_that_lost_to_another_app_now_read_right_in_spanish():
    from django.template import Context, Template
    from django.utils import translation

    from retorno.outreach.models import NetworkAgreement, Training
    from retorno.protection.models import PsychosocialSession
    from retorno.referrals.models import BedType
    from retorno.reintegration.models import BusinessGrant, FollowUp, PlanGoal

    with translation.override("es"):
        assert BusinessGrant.Status.APPROVED.label == "Aprobado"
        assert BusinessGrant.Status.REJECTED.label == "Rechazado"
        assert NetworkAgreement.Status.OPEN.label == "Abierto"
        assert NetworkAgreement.Status.DONE.label == "Cumplido"
        assert Training.Status.CANCELLED.label == "Cancelada"
        assert PlanGoal.Status.ACHIEVED.label == "Lograda"
        assert FollowUp.Status.DUE.label == "Pendiente"
        assert PsychosocialSession.Kind.GROUP.label == "Grupal"
        assert BedType.MINORS.label == "Niñez y adolescencia"
        rendered = Template(
            '{% load i18n %}{% translate "To" context "recipient" %}|{% translate "To" %}|{% translate "Group" %}|'
            '{% translate "Purpose" context "payment" %}|{% translate "Target" context "goal target date" %}|'
            '{% translate "Target" %}|{% translate "Closed" context "referral" %}|{% translate "Open" %}'
        ).render(Context())
        assert rendered == "Para|Hasta|Grupo|Concepto|Fecha meta|Meta|Cerrada|Abrir"
