"""Audit rows store what was read as codes; people read them as words in their language."""

from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

SECTIONS = {
    "profile": _("Registry profile"),
    "identity": _("Identity"),
    "contacts": _("Contacts"),
    "arrival": _("Arrival"),
    "minors": _("Minors on the flight"),
    "referral": _("Referral"),
    "referrals": _("Referrals"),
    "referral_shared_data": _("Data shared with a partner"),
    "reintegration": _("Reintegration case"),
    "reintegration.grant": _("Business grant"),
    "reintegration.followup": _("Follow-up"),
    "match_review": _("Duplicate review"),
    "break_glass": _("Emergency access"),
    "identification_review": _("Identification protocol: answers read back"),
    "overview": _("Overview"),
    "psychosocial": _("Psychosocial care"),
    "identification": _("Identification protocol"),
    "victim": _("Victim support"),
    "legal": _("Legal case (MP)"),
    "minor": _("Custody and family"),
    "htcds": _("HTCDS export"),
    "risk": _("Risk level and safety plan"),
    "support": _("Support services"),
}


PROTECTION = _("Protection")
SHARED = _("Shared with a partner")


@register.filter
def section_label(code: str) -> str:
    """'protection.shared:risk,support' -> 'Protection · Shared with a partner: Risk level…, Support services'."""
    if not code:
        return ""
    prefix = ""
    if code.startswith("protection."):
        prefix, code = f"{PROTECTION} · ", code[len("protection.") :]
    if code.startswith("shared:"):
        items = [str(SECTIONS.get(c, c)) for c in code[len("shared:") :].split(",") if c]
        return f"{prefix}{SHARED}: {', '.join(items)}"
    return f"{prefix}{SECTIONS.get(code, code)}"


BASES = {
    "assigned": _("assigned to the case"),
    "supervisor": _("supervises the assigned staff"),
    "shared": _("shared with the partner"),
}


@register.filter
def basis_label(reason: str) -> str:
    """Why a sealed record was read: 'supervisor' -> 'supervises the assigned staff'; 'break_glass #4' kept readable."""
    if reason.startswith("break_glass"):
        return f"{SECTIONS['break_glass']} {reason[len('break_glass') :].strip()}"
    return str(BASES.get(reason, reason))
