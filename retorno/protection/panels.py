"""The protection panel on a person's profile: the most a non-assigned user learns is
"protection team involved"; assigned staff get links to their cases."""

from django.utils.translation import gettext_lazy as _

from retorno.accounts.access import can
from retorno.protection.models import CaseKind, ProtectionCase
from retorno.protection.queries import WORK_PERMISSION, case_access, protection_involved


def protection_panel(request, person) -> dict | None:
    user = request.user
    if not can(user, "protection.see_involvement"):
        return None
    cases = list(ProtectionCase.objects.filter(person=person).prefetch_related("assignments__user"))
    readable = [c for c in cases if case_access(user, c).full]
    involved = protection_involved(person=person)
    openable = [k for k in CaseKind.values if can(user, WORK_PERMISSION[k])]
    if not involved and not openable:
        return None
    # Break-the-glass links name only the case number, never its kind or content.
    emergency = [c for c in cases if c not in readable] if can(user, "protection.break_glass") else []
    return {
        "title": _("Protection"),
        "template": "protection/_panel.html",
        "context": {
            "involved": involved,
            "readable": readable,
            "emergency": emergency,
            "openable": [(k, CaseKind(k).label) for k in openable],
            "person": person,
        },
    }
